"""Admin of the conversations module's assessment part."""
