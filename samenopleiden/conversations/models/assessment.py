"""Models of the conversations module: the equal-collaboration self-assessment and the library of good practices."""

__all__: list[str] = []
