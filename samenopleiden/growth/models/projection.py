"""Models of the growth module: scenarios and their projections, growth potential per board.

- `Scenario`: a named set of levers of one partnership (stored as the engine's JSON, see README_projection.md)
  with its horizon. The projection itself is not stored: it is computed from today's numbers when shown.
- `BoardClusterLimit`: what the partnership's agreement says about a board: the most clusters it may have. The
  growth potential per board is the room under it.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.models import VersionedModel

__all__ = ["BoardClusterLimit", "Scenario"]


class Scenario(VersionedModel):
    """A growth scenario: levers over a horizon. `levers` holds `projection_engine.levers_to_dict`."""

    partnership = models.ForeignKey("registry.Partnership", on_delete=models.CASCADE, related_name="growth_scenarios")
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    horizon = models.PositiveSmallIntegerField(
        _("horizon in jaren"), default=10, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    levers = models.JSONField(_("knoppen"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="growth_scenario_unique_name")]
        verbose_name = _("groeiscenario")
        verbose_name_plural = _("groeiscenario's")

    def __str__(self) -> str:
        return self.name


class BoardClusterLimit(VersionedModel):
    """The agreement's maximum of clusters for one board of the partnership."""

    partnership = models.ForeignKey(
        "registry.Partnership", on_delete=models.CASCADE, related_name="growth_cluster_limits"
    )
    board = models.ForeignKey("registry.SchoolBoard", on_delete=models.CASCADE, related_name="growth_cluster_limits")
    max_clusters = models.PositiveSmallIntegerField(
        _("maximum aantal clusters volgens het convenant"), validators=[MaxValueValidator(100)]
    )
    note = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        ordering = ["board__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "board"], name="growth_cluster_limit_unique_board")
        ]
        verbose_name = _("afspraak over clusters per bestuur")
        verbose_name_plural = _("afspraken over clusters per bestuur")

    def __str__(self) -> str:
        return f"{self.board}: {self.max_clusters}"
