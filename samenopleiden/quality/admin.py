"""Admin of the quality module: one file per part."""

from . import admin_document, admin_cycle  # noqa: F401
