"""Models of the growth module: the growth workspace, the variant matrix and onboarding of new partners."""

__all__: list[str] = []
