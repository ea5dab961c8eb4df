"""Models of the growth module, in two parts: projection (scenarios and their projections, growth potential per
board) and workspace (the growth workspace, the variant matrix and onboarding of new partners)."""

from .projection import *  # noqa: F403
from .workspace import *  # noqa: F403
