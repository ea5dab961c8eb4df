"""Admin of the conversations module's board part."""
