"""Admin of the growth module: one file per part."""

from . import admin_projection, admin_workspace  # noqa: F401
