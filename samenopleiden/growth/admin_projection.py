"""Admin of the growth module's projection part."""
