"""Admin of the conversations module's session part."""
