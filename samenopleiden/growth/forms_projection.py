"""Forms of the projection part. The scenario form shows every lever as a plain field (it works without
JavaScript) and turns what was typed into the engine's `Levers`; the engine's rules (negative places, a ramp-up
past the horizon, a wage index out of bounds, the agreement's maximum per board) are checked by the service, so
that the form keeps what was typed and says what is wrong."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopleiden.core.forms import StyledFormMixin, style

from . import projection_engine as engine

JOINING_ROWS = 3
MODES = {"voltijd": _("voltijd"), "deeltijd": _("deeltijd"), "duaal": _("duaal")}


def _int(label: Any, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=-10_000, max_value=10_000, **kwargs)


def _dec(label: Any, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=9, decimal_places=2, **kwargs)


class ScenarioForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    description = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    horizon = _int(_("Horizon in jaren"), initial=10, help_text=_("1 tot en met 30 jaar."))
    places_per_cluster = _int(_("Plaatsen per cluster"), required=False, help_text=_("Leeg: het aantal van nu."))
    wage_index = _dec(_("Loonindex per jaar (%)"), initial=3, help_text=_("Stijging van de loonkosten, 0 tot 25%."))
    subsidy_index = _dec(
        _("Index van de subsidie per jaar (%)"), initial=0, help_text=_("0: de bedragen blijven gelijk.")
    )
    counted_percent = _dec(_("Deel van de studenten dat meetelt voor de subsidie (%)"), initial=100)
    public_wish_percent = _dec(_("Deel van de studenten dat een openbare school wil (%)"), initial=30)
    mentor_hours_per_student = _dec(_("Uren werkplekbegeleider per student per jaar"), initial=40)
    school_educator_hours_per_cluster = _dec(_("Uren schoolopleider per cluster per jaar"), initial=160)
    institute_educator_hours_per_cluster = _dec(_("Uren instituutsopleider per cluster per jaar"), initial=120)
    school_hour_rate = _dec(_("Uurtarief school (€)"), initial=60)
    institute_hour_rate = _dec(_("Uurtarief lerarenopleiding (€)"), initial=70)
    cross_sector_places = _int(_("Sectoroverstijgende plaatsen (mbo)"), initial=0)
    cross_sector_year = forms.TypedChoiceField(label=_("Vanaf schooljaar"), coerce=int)
    satellite_schools = _int(_("Satellietscholen"), initial=0)
    satellite_places = _int(_("Plaatsen per satellietschool"), initial=2)
    satellite_year = forms.TypedChoiceField(label=_("Vanaf schooljaar"), coerce=int)
    satellite_public = forms.BooleanField(label=_("Openbare scholen"), required=False)

    def __init__(
        self, *args: Any, start: engine.Start, levers: engine.Levers | None = None, names: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.start = start
        years = [(i, engine.year_label(start.first_year + i)) for i in range(engine.MAX_HORIZON)]
        self.fields["cross_sector_year"].choices = years
        self.fields["satellite_year"].choices = years
        self.board_fields: list[tuple[engine.Board, str, str]] = []
        for board in start.boards:
            count, year = f"extra_{board.key}", f"extra_year_{board.key}"
            self.fields[count] = _int(_("Extra clusters"), initial=0)
            self.fields[year] = forms.TypedChoiceField(
                label=_("Vanaf schooljaar"), coerce=int, choices=years, initial=1
            )
            self.board_fields.append((board, count, year))
        self.joining_fields: list[tuple[str, str, str, str, str]] = []
        for i in range(JOINING_ROWS):
            keys = (f"join_name_{i}", f"join_clusters_{i}", f"join_year_{i}", f"join_ramp_{i}", f"join_public_{i}")
            self.fields[keys[0]] = forms.CharField(label=_("Naam"), max_length=200, required=False)
            self.fields[keys[1]] = _int(_("Clusters"), required=False)
            self.fields[keys[2]] = forms.TypedChoiceField(label=_("Sluit aan in"), coerce=int, choices=years, initial=1)
            self.fields[keys[3]] = _int(_("Opbouw in jaren"), required=False, initial=1)
            self.fields[keys[4]] = forms.BooleanField(label=_("Openbaar"), required=False)
            self.joining_fields.append(keys)
        self.inflow_fields: list[tuple[engine.Inflow, str]] = []
        for index, inflow in enumerate(start.inflow):
            key = f"inflow_{index}"
            label = f"{names.get(inflow.institute, inflow.institute)}, {MODES.get(inflow.mode, inflow.mode)}"
            self.fields[key] = _dec(label, initial=0, help_text=_("Verandering van het aantal studenten per jaar (%)."))
            self.inflow_fields.append((inflow, key))
        style(self.fields)
        if levers is not None and not self.is_bound:
            self.initial.update(self.initial_from(levers))

    def initial_from(self, levers: engine.Levers) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(levers, name)
            for name in (
                "horizon",
                "places_per_cluster",
                "wage_index",
                "subsidy_index",
                "counted_percent",
                "public_wish_percent",
                "mentor_hours_per_student",
                "school_educator_hours_per_cluster",
                "institute_educator_hours_per_cluster",
                "school_hour_rate",
                "institute_hour_rate",
                "cross_sector_places",
                "cross_sector_year",
            )
        }
        if levers.satellites:
            sat = levers.satellites[0]
            initial |= {
                "satellite_schools": sat.schools,
                "satellite_places": sat.places_per_school,
                "satellite_year": sat.year,
                "satellite_public": sat.public,
            }
        for _board, count, _year in self.board_fields:
            initial[count] = 0
        keys = {b.key: (c, y) for b, c, y in self.board_fields}
        for row in levers.extra_clusters:
            if row.board in keys:
                count, year = keys[row.board]
                initial[count] = initial.get(count, 0) + row.clusters
                initial[year] = row.year
        for keys_row, row in zip(self.joining_fields, levers.joining, strict=False):
            initial |= dict(zip(keys_row, (row.name, row.clusters, row.year, row.ramp_years, row.public), strict=True))
        changes = {(c.institute, c.mode): c.percent_per_year for c in levers.inflow}
        for inflow, key in self.inflow_fields:
            initial[key] = changes.get((inflow.institute, inflow.mode), Decimal(0))
        return initial

    def groups(self) -> list[tuple[Any, list[Any]]]:
        """The fields in fieldsets, for the template."""
        return [
            (_("Scenario"), [self[n] for n in ("name", "description", "horizon")]),
            (
                _("Kosten en subsidie"),
                [
                    self[n]
                    for n in (
                        "wage_index",
                        "subsidy_index",
                        "counted_percent",
                        "mentor_hours_per_student",
                        "school_educator_hours_per_cluster",
                        "institute_educator_hours_per_cluster",
                        "school_hour_rate",
                        "institute_hour_rate",
                    )
                ],
            ),
            (
                _("Plaatsen, satellietscholen en samenwerking met het mbo"),
                [
                    self[n]
                    for n in (
                        "places_per_cluster",
                        "satellite_schools",
                        "satellite_places",
                        "satellite_year",
                        "satellite_public",
                        "cross_sector_places",
                        "cross_sector_year",
                        "public_wish_percent",
                    )
                ],
            ),
        ]

    def board_rows(self) -> list[tuple[engine.Board, Any, Any]]:
        return [(board, self[count], self[year]) for board, count, year in self.board_fields]

    def joining_rows(self) -> list[list[Any]]:
        return [[self[k] for k in keys] for keys in self.joining_fields]

    def inflow_rows(self) -> list[Any]:
        return [self[key] for _inflow, key in self.inflow_fields]

    def levers(self) -> engine.Levers:
        """The levers as typed (the engine validates them)."""
        data = self.cleaned_data

        def dec(name: str) -> Decimal:
            value = data.get(name)
            return Decimal(0) if value is None else value

        extra = tuple(
            engine.ExtraClusters(board.key, data.get(count) or 0, data.get(year) or 0)
            for board, count, year in self.board_fields
            if data.get(count)
        )
        joining = tuple(
            engine.Joining(
                (data.get(name) or "").strip(),
                data.get(clusters) or 0,
                data.get(year) or 0,
                1 if data.get(ramp) is None else data[ramp],
                bool(data.get(public)),
            )
            for name, clusters, year, ramp, public in self.joining_fields
            if (data.get(name) or "").strip() or data.get(clusters)
        )
        satellites = ()
        if data.get("satellite_schools"):
            satellites = (
                engine.Satellites(
                    data["satellite_schools"],
                    data.get("satellite_places") or 0,
                    data.get("satellite_year") or 0,
                    bool(data.get("satellite_public")),
                ),
            )
        inflow = tuple(
            engine.InflowChange(inflow.institute, inflow.mode, dec(key))
            for inflow, key in self.inflow_fields
            if data.get(key)
        )
        return engine.Levers(
            horizon=data.get("horizon") or 0,
            places_per_cluster=data.get("places_per_cluster"),
            extra_clusters=extra,
            joining=joining,
            satellites=satellites,
            inflow=inflow,
            cross_sector_places=data.get("cross_sector_places") or 0,
            cross_sector_year=data.get("cross_sector_year") or 0,
            counted_percent=dec("counted_percent"),
            mentor_hours_per_student=dec("mentor_hours_per_student"),
            school_educator_hours_per_cluster=dec("school_educator_hours_per_cluster"),
            institute_educator_hours_per_cluster=dec("institute_educator_hours_per_cluster"),
            school_hour_rate=dec("school_hour_rate"),
            institute_hour_rate=dec("institute_hour_rate"),
            wage_index=dec("wage_index"),
            subsidy_index=dec("subsidy_index"),
            public_wish_percent=dec("public_wish_percent"),
        )


class ScenarioUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Scenariobestand (JSON)"))
    name = forms.CharField(
        label=_("Naam"), max_length=200, required=False, help_text=_("Leeg: de naam uit het bestand.")
    )


class LimitForm(StyledFormMixin, forms.Form):
    max_clusters = forms.IntegerField(
        label=_("Maximum aantal clusters volgens het convenant"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Leeg: geen afspraak vastgelegd."),
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)
