"""Admin of the quality module: one file per part."""

from . import admin_cycle, admin_document  # noqa: F401
