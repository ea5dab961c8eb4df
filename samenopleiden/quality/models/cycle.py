"""Models of the quality module: goals, annual plans and the survey, peer review, certification."""

__all__: list[str] = []
