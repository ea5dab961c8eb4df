"""`python -m samenopleiden.placements.engine INPUT.json --out RESULT.json [--mode ...] [--weights W.json]`

`main(argv, stdout=..., stderr=...)` is the whole command, so the Django management command `match` can call it
with its own streams. Exit codes: 0 result written; 1 input refused (unreadable, not JSON, wrong shape, or
invalid: every reason on stderr, one per line, and no result file); 2 wrong command-line use.
Messages are Dutch: the users are placement offices.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn, TextIO

from .errors import InvalidProblem
from .messages import text
from .model import Mode, Weights
from .serialize import problem_from_dict, result_to_json
from .solve import solve

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Refused(Exception):
    """Input that cannot be read, with the Dutch messages to show."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """argparse would exit the process; the caller (maybe Django) decides, after a Dutch message."""
        raise _UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="python -m samenopleiden.placements.engine",
        description="Plaatst studenten op opleidingsplaatsen en legt per student uit waarom.",
    )
    p.add_argument("input", metavar="INVOER.json", help="de ronde: studenten, aanbod, scholen, besturen")
    p.add_argument("--out", required=True, metavar="RESULTAAT.json", help="waar het resultaat komt")
    p.add_argument(
        "--mode",
        choices=[m.value for m in Mode],
        default=Mode.ASSIGN.value,
        help="assign: het instituut wijst toe; market: beide kanten kiezen; mix: eerst markt, dan toewijzen",
    )
    p.add_argument("--weights", metavar="GEWICHTEN.json", help='andere gewichten, bijvoorbeeld {"km": 2}')
    p.add_argument("--quiet", action="store_true", help="geen samenvatting op het scherm")
    return p


def _read(path: Path) -> object:
    if not path.is_file():
        raise _Refused([text("cli_file_missing", path=str(path))])
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise _Refused([text("cli_not_json", path=str(path), line=exc.lineno, column=exc.colno)]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _Refused([text("cli_read_failed", path=str(path), error=exc)]) from exc


def _weights(path: str | None) -> Weights:
    if path is None:
        return Weights()
    data = _read(Path(path))
    try:
        if not isinstance(data, dict):
            raise TypeError(data)
        return Weights.from_mapping(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise _Refused([text("cli_bad_weights", path=path, names=str(exc).strip("'"))]) from exc


def main(argv: list[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = parser().parse_args(argv)
    except _UsageError as exc:
        print(text("cli_usage_error", error=exc), file=err)
        return EXIT_USAGE
    try:
        problem = problem_from_dict(_read(Path(args.input)))
        result = solve(problem, mode=Mode(args.mode), weights=_weights(args.weights))
    except _Refused as exc:
        print("\n".join(exc.messages), file=err)
        return EXIT_INVALID
    except InvalidProblem as exc:
        print(text("cli_rejected"), file=err)
        for message in exc.messages():
            print(f"- {message}", file=err)
        return EXIT_INVALID
    target = Path(args.out)
    try:
        target.write_text(result_to_json(result), encoding="utf-8")
    except OSError as exc:
        print(text("cli_write_failed", path=str(target), error=exc.strerror or exc), file=err)
        return EXIT_INVALID
    if not args.quiet:
        figures = result.figures
        print(text("cli_written", placed=figures.placed, total=figures.students, path=str(target)), file=out)
    return EXIT_OK
