"""Admin of the quality module's cycle part."""
