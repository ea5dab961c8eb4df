"""Models of the conversations module's board part: the live board (post-its, dot-voting, placemat)."""

__all__: list[str] = []
