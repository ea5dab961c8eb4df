"""Admin of the quality module's document part."""
