"""Models of the conversations module: guides, sessions, the live board and reports."""

__all__: list[str] = []
