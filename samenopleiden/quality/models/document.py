"""Models of the quality module: the framework and the core document."""

__all__: list[str] = []
