"""The one exception a domain rule raises. Its message is translated and shown to the user as is."""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class StaleObjectError(DomainError):
    """Someone else saved the object after this form was opened."""
