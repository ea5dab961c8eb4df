"""The command line the Django `match` command wraps, and the JSON it reads and writes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samenopleiden.placements.engine import (
    InvalidProblem,
    Lock,
    Offer,
    Problem,
    problem_from_dict,
    problem_to_dict,
    result_from_json,
)
from samenopleiden.placements.engine.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

from .instances import round_of, school, student

ROOT = Path(__file__).resolve().parents[4]
ROUND = round_of(
    [student("S12", "po", "W", "A", name="Anna"), student("S13", "po", "W", name="Bram")],
    [Offer("O1", "W", "po", 1), Offer("O2", "A", "po", 1)],
    [school("W", "Obs De Wilgen"), school("A", "Cbs Het Anker")],
    name="Stageronde 2025-2026 periode 1",
)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_writes_the_result_and_says_how_many_were_placed(tmp_path):
    source, target = write(tmp_path / "ronde.json", problem_to_dict(ROUND)), tmp_path / "uit.json"
    code, out, err = run(str(source), "--out", str(target))
    assert (code, err) == (EXIT_OK, "")
    assert out.strip() == f"2 van 2 studenten geplaatst; resultaat geschreven naar {target}."
    result = result_from_json(target.read_text(encoding="utf-8"))
    assert result.placements() == {"S12": "O2", "S13": "O1"}
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["assignments"][0]["explanation"]["text"] == (
        "Geplaatst op je 2e wens (Cbs Het Anker): je 1e wens (Obs De Wilgen) was vol."
    )


def test_modes_and_weights_from_the_command_line(tmp_path):
    source, target = write(tmp_path / "ronde.json", problem_to_dict(ROUND)), tmp_path / "uit.json"
    weights = write(tmp_path / "gewichten.json", {"rank": 5, "km": 0.5})
    assert run(str(source), "--out", str(target), "--mode", "market", "--weights", str(weights), "--quiet")[:2] == (
        EXIT_OK,
        "",
    )
    result = result_from_json(target.read_text(encoding="utf-8"))
    assert result.mode.value == "market" and result.weights.rank == 5 and result.weights.km == 0.5


def test_invalid_input_lists_every_reason_and_writes_nothing(tmp_path):
    bad = problem_to_dict(
        Problem(**{**ROUND.__dict__, "locks": (Lock("S12", "O1"), Lock("S13", "O1"))})  # type: ignore[arg-type]
    )
    bad["offers"].append({"id": "O3", "school": "W", "subject": "po", "places": -1})
    target = tmp_path / "uit.json"
    code, out, err = run(str(write(tmp_path / "ronde.json", bad)), "--out", str(target))
    assert code == EXIT_INVALID and out == "" and not target.exists()
    assert err.splitlines() == [
        "De invoer is afgekeurd; er is geen resultaat geschreven:",
        "- Aanbod O3 (Obs De Wilgen, po) heeft -1 plaatsen; dat moet 0 of meer zijn.",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{niet json", "is geen geldige JSON (regel 1, kolom 2)."),
        ('{"students": [{"id": "S1"}]}', "students[0] (S1): het veld 'subject' ontbreekt."),
        ('{"students": [{"id": "S1", "subject": "po", "max_km": "ver"}]}', "het veld 'max_km' heeft een verkeerde"),
        ('{"studenten": []}', "invoer: onbekend veld 'studenten'."),
        ('{"format": "iets anders"}', "Onbekend bestandsformaat 'iets anders'"),
    ],
)
def test_unreadable_input_is_refused_in_dutch(tmp_path, content, message):
    source = tmp_path / "ronde.json"
    source.write_text(content, encoding="utf-8")
    code, _, err = run(str(source), "--out", str(tmp_path / "uit.json"))
    assert code == EXIT_INVALID
    assert message in err


def test_missing_file_and_wrong_use(tmp_path):
    code, _, err = run(str(tmp_path / "weg.json"), "--out", str(tmp_path / "uit.json"))
    assert code == EXIT_INVALID and "Het bestand" in err and "bestaat niet." in err
    code, _, err = run(str(tmp_path / "weg.json"))
    assert code == EXIT_USAGE and err.startswith("Fout in de opdracht:")
    source = write(tmp_path / "ronde.json", problem_to_dict(ROUND))
    code, _, err = run(
        str(source), "--out", str(tmp_path / "uit.json"), "--weights", str(write(tmp_path / "w.json", {"snelheid": 1}))
    )
    assert code == EXIT_INVALID and "De gewichten in" in err and "snelheid" in err


def test_runs_as_a_module(tmp_path):
    source, target = write(tmp_path / "ronde.json", problem_to_dict(ROUND)), tmp_path / "uit.json"
    done = subprocess.run(
        [sys.executable, "-m", "samenopleiden.placements.engine", str(source), "--out", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.exists()


def test_json_reading_collects_every_shape_error():
    with pytest.raises(InvalidProblem) as refused:
        problem_from_dict({"offers": [{"id": "O1"}, "geen object"], "seed": "een"})
    assert refused.value.messages() == [
        "offers[0] (O1): het veld 'school' ontbreekt.",
        "offers[0] (O1): het veld 'subject' ontbreekt.",
        "offers[0] (O1): het veld 'places' ontbreekt.",
        "offers[1]: hier hoort een object met velden.",
        "invoer: het veld 'seed' heeft een verkeerde waarde (\"een\").",
    ]


def test_readme_example_is_valid_and_solves():
    """The small full example in the README is the documentation of the format: it must keep working."""
    readme = (ROOT / "samenopleiden/placements/engine/README.md").read_text(encoding="utf-8")
    block = readme.split("```json\n", 1)[1].split("```", 1)[0]
    problem = problem_from_dict(json.loads(block))
    assert problem_from_dict(problem_to_dict(problem)) == problem
    from samenopleiden.placements.engine import Mode, solve

    for mode in Mode:
        assert solve(problem, mode=mode).figures.violations == ()
