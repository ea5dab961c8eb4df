"""Admin of the conversations module: one file per part."""

from . import admin_session, admin_assessment  # noqa: F401
