"""Models of the conversations module, in three parts: session (guides, sessions, participants), board (the live
board on participants' own devices) and assessment (the equal-collaboration self-assessment, good practices)."""

from .assessment import *  # noqa: F403
from .board import *  # noqa: F403
from .session import *  # noqa: F403
