"""Models of the growth module: scenarios and their projections, growth potential per board."""

__all__: list[str] = []
