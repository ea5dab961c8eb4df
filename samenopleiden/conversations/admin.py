"""Admin of the conversations module: one file per part."""

from . import admin_assessment, admin_board, admin_session  # noqa: F401
