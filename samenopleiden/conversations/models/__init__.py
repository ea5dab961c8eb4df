"""Models of the conversations module: guides, sessions and the live board (`session`); the
self-assessment and the library of good practices (`assessment`)."""

from .assessment import *  # noqa: F403
from .session import *  # noqa: F403
