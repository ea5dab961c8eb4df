"""Models of the quality module, in two parts: document (the framework and the core document) and cycle (goals,
annual plans and the survey, peer review, certification)."""

from .cycle import *  # noqa: F403
from .document import *  # noqa: F403
