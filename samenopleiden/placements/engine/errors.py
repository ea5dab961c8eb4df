"""The one exception of the engine: the input cannot be matched, with every reason at once."""

from __future__ import annotations

from collections.abc import Iterable

from .messages import Reason, Translate


class InvalidProblem(Exception):
    """Raised before any solving, so a bad round never yields a partial result.

    Carries every problem found (not just the first), each as a `Reason` so the caller can translate it.
    """

    def __init__(self, reasons: Iterable[Reason]) -> None:
        self.reasons: tuple[Reason, ...] = tuple(reasons)
        super().__init__("\n".join(self.messages()))

    def messages(self, translate: Translate | None = None) -> list[str]:
        return [reason.text(translate) for reason in self.reasons]
