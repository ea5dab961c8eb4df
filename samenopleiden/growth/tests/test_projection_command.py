"""`manage.py growth_projection SCENARIO.json` runs a scenario file without the database; the dashboard card."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from samenopleiden.core.access import build_context
from samenopleiden.growth import dashboard_projection
from samenopleiden.growth import projection_engine as engine
from samenopleiden.growth.services import projection as services

START = engine.Start(
    first_year=2026,
    boards=(engine.Board("1", "Bestuur A", 3, 4),),
    inflow=(engine.Inflow("nhl", "voltijd", 200, 36),),
    partners=3,
    counted_last_year=70,
    fixed_amount=engine.Decimal("100000"),
    per_student_amount=engine.Decimal("955"),
)


def _file(tmp_path, levers: engine.Levers, start=START) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(engine.to_file(name="Proef", description="", levers=levers, start=start)))
    return str(path)


def test_prints_the_projection_year_by_year(tmp_path):
    out = io.StringIO()
    call_command("growth_projection", _file(tmp_path, engine.Levers(horizon=4)), stdout=out)
    text = out.getvalue()
    assert "Proef" in text and "2029-2030" in text and "Hoogste voorfinanciering" in text
    assert "100% dekking" in text


def test_json_output(tmp_path):
    out = io.StringIO()
    call_command("growth_projection", _file(tmp_path, engine.Levers(horizon=3)), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert [y["school_year"] for y in data["years"]] == ["2026-2027", "2027-2028", "2028-2029"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{kapot", "geen geldige JSON"),
        ('{"format": "samenopleiden.growth.scenario", "version": 1, "name": "x"}', "geen startcijfers"),
    ],
)
def test_bad_files(tmp_path, content, words):
    path = tmp_path / "s.json"
    path.write_text(content)
    with pytest.raises(CommandError, match=words):
        call_command("growth_projection", str(path))


def test_a_refused_lever_in_the_file(tmp_path):
    with pytest.raises(CommandError, match="niet aannemelijk"):
        call_command("growth_projection", _file(tmp_path, engine.Levers(horizon=3, wage_index=engine.Decimal(300))))


def test_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Kan het bestand niet lezen"):
        call_command("growth_projection", str(tmp_path / "weg.json"))


@pytest.mark.django_db
def test_dashboard_card(partnership, cluster, board, programme_lead, educator):
    ctx = build_context(programme_lead.user)
    assert dashboard_projection.cards(ctx, partnership, timezone.localdate()) == []
    services.limit_save(partnership=partnership, board=board, max_clusters=2, actor=programme_lead.user)
    [card] = dashboard_projection.cards(ctx, partnership, timezone.localdate())
    assert card.number == 0 and "1 besturen" in card.text
    assert dashboard_projection.cards(build_context(educator.user), partnership, timezone.localdate()) == []
