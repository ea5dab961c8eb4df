"""Admin of the growth module: one file per part."""

from . import admin_workspace, admin_projection  # noqa: F401
