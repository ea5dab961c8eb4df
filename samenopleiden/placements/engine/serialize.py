"""JSON for Problem and Result (README: "JSON format"): what the command line reads and writes, and what the
Django layer can store with a matching round.

Reading collects every field that is missing or of the wrong kind (as Dutch messages) and raises one
InvalidProblem, like validation does; fields left out take the dataclass defaults. Writing leaves out fields
that equal their default, so files stay short.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Mapping
from typing import Any

from .errors import InvalidProblem
from .messages import Explanation, Reason
from .model import Cluster, Forbid, Lock, Mode, Offer, Partner, Problem, Quota, School, SchoolRanking, Student, Weights
from .result import Assignment, Figures, PartnerFigures, Result, SolverInfo

PROBLEM_FORMAT = "samenopleiden.placements.problem/1"
RESULT_FORMAT = "samenopleiden.placements.result/1"

_LISTS: dict[str, type] = {
    "partners": Partner,
    "clusters": Cluster,
    "schools": School,
    "offers": Offer,
    "quotas": Quota,
    "students": Student,
    "school_rankings": SchoolRanking,
    "locks": Lock,
    "forbidden": Forbid,
}


class _Errors(list[Reason]):
    def wrong(self, where: str, name: str, value: object) -> None:
        self.append(Reason("json_wrong_type", {"where": where, "field": name, "value": json.dumps(value)[:40]}))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_CHECKS: dict[str, Callable[[object], bool]] = {
    "str": lambda v: isinstance(v, str),
    "str | None": lambda v: v is None or isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "int | None": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)),
    "float": _is_number,
    "float | None": lambda v: v is None or _is_number(v),
    "bool": lambda v: isinstance(v, bool),
    "tuple[str, ...]": _strings,
    "frozenset[str]": _strings,
    "frozenset[str] | None": lambda v: v is None or _strings(v),
}


def _read(cls: type, data: object, where: str, errors: _Errors) -> Any | None:
    """One dataclass from a JSON object, or None (with the reasons added to `errors`)."""
    if not isinstance(data, dict):
        errors.append(Reason("json_not_object", {"where": where}))
        return None
    if isinstance(data.get("id"), str):
        where = f"{where} ({data['id']})"
    values, ok = {}, True
    known = {f.name for f in dataclasses.fields(cls)}
    for name in sorted(set(data) - known):
        errors.append(Reason("json_unknown", {"where": where, "field": name}))
        ok = False
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if f.name not in data:
            if required:
                errors.append(Reason("json_missing", {"where": where, "field": f.name}))
                ok = False
            continue
        value = data[f.name]
        if not _CHECKS[str(f.type)](value):
            errors.wrong(where, f.name, value)
            ok = False
            continue
        values[f.name] = float(value) if str(f.type).startswith("float") and value is not None else value
    return cls(**values) if ok else None


def problem_from_dict(data: object) -> Problem:
    errors = _Errors()
    if not isinstance(data, dict):
        raise InvalidProblem([Reason("json_not_object", {"where": "invoer"})])
    found = data.get("format", PROBLEM_FORMAT)
    if found != PROBLEM_FORMAT:
        raise InvalidProblem([Reason("json_format", {"found": found, "expected": PROBLEM_FORMAT})])
    values: dict[str, object] = {}
    top = {f.name for f in dataclasses.fields(Problem)} | {"format"}
    for name in sorted(set(data) - top):
        errors.append(Reason("json_unknown", {"where": "invoer", "field": name}))
    for name, cls in _LISTS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            errors.wrong("invoer", name, items)
            continue
        values[name] = [_read(cls, item, f"{name}[{i}]", errors) for i, item in enumerate(items)]
    for f in dataclasses.fields(Problem):
        if f.name in _LISTS or f.name not in data:
            continue
        if _CHECKS[str(f.type)](data[f.name]):
            values[f.name] = data[f.name]
        else:
            errors.wrong("invoer", f.name, data[f.name])
    if errors:
        raise InvalidProblem(errors)
    return Problem(**values)  # type: ignore[arg-type]


def problem_from_json(text: str) -> Problem:
    """Raises json.JSONDecodeError for text that is not JSON, InvalidProblem for JSON of the wrong shape."""
    return problem_from_dict(json.loads(text))


def _plain(value: object) -> object:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _compact(item: object) -> dict[str, object]:
    """A dataclass as a dict without the fields that equal their default."""
    result = {}
    for f in dataclasses.fields(item):  # type: ignore[arg-type]
        value = getattr(item, f.name)
        default = f.default if f.default is not dataclasses.MISSING else dataclasses.MISSING
        if f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        if default is dataclasses.MISSING or value != default:
            result[f.name] = _plain(value)
    return result


def problem_to_dict(problem: Problem) -> dict[str, object]:
    data: dict[str, object] = {"format": PROBLEM_FORMAT}
    for key, value in _compact(problem).items():
        if key in _LISTS:
            data[key] = [_compact(item) for item in value]  # type: ignore[attr-defined]
        else:
            data[key] = value
    return data


def problem_to_json(problem: Problem) -> str:
    return json.dumps(problem_to_dict(problem), ensure_ascii=False, indent=2)


def _explanation_to_dict(explanation: Explanation) -> dict[str, object]:
    return {
        "text": explanation.text(),
        "outcome": explanation.outcome.to_dict(),
        "why_not": [reason.to_dict() for reason in explanation.why_not],
    }


def result_to_dict(result: Result) -> dict[str, object]:
    figures = dataclasses.asdict(result.figures)
    figures.update(
        share_placed=result.figures.share_placed,
        share_first_choice=result.figures.share_first_choice,
        partners_below_floor=result.figures.partners_below_floor,
    )
    return {
        "format": RESULT_FORMAT,
        "round": result.round_name,
        "mode": result.mode.value,
        "weights": dataclasses.asdict(result.weights),
        "solver": dataclasses.asdict(result.solver),
        "figures": figures,
        "assignments": [
            {f.name: getattr(a, f.name) for f in dataclasses.fields(a) if f.name != "explanation"}
            | {"explanation": _explanation_to_dict(a.explanation)}
            for a in result.assignments
        ],
    }


def result_to_json(result: Result) -> str:
    return json.dumps(result_to_dict(result), ensure_ascii=False, indent=2)


def _tuple_pairs(pairs: object) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in pairs)  # type: ignore[attr-defined]


def result_from_dict(data: Mapping[str, Any]) -> Result:
    """The inverse of result_to_dict (texts are re-rendered from the codes, not read back)."""
    if data.get("format") != RESULT_FORMAT:
        raise InvalidProblem([Reason("json_format", {"found": data.get("format"), "expected": RESULT_FORMAT})])
    figures = {k: v for k, v in data["figures"].items() if k in {f.name for f in dataclasses.fields(Figures)}}
    figures["partners"] = tuple(PartnerFigures(**p) for p in figures["partners"])
    figures["swap_pairs"] = _tuple_pairs(figures["swap_pairs"])
    figures["violations"] = tuple(figures["violations"])
    if figures["blocking_pairs"] is not None:
        figures["blocking_pairs"] = _tuple_pairs(figures["blocking_pairs"])
    solver = dict(data["solver"], notes=tuple(data["solver"]["notes"]))
    assignments = tuple(
        Assignment(
            **{k: v for k, v in a.items() if k != "explanation"},
            explanation=Explanation(
                Reason.from_dict(a["explanation"]["outcome"]),
                tuple(Reason.from_dict(r) for r in a["explanation"]["why_not"]),
            ),
        )
        for a in data["assignments"]
    )
    return Result(
        Mode(data["mode"]),
        Weights(**data["weights"]),
        assignments,
        Figures(**figures),
        SolverInfo(**solver),
        data.get("round", ""),
    )


def result_from_json(text: str) -> Result:
    return result_from_dict(json.loads(text))
