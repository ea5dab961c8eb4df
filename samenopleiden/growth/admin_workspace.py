"""Admin of the growth module's workspace part."""
