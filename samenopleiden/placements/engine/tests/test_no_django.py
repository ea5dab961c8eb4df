"""The engine must stay importable and usable without Django (the lead wires it in from the outside)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1]
ROOT = ENGINE.parents[2]


def test_importing_and_solving_loads_no_django():
    code = (
        "import sys\n"
        "from samenopleiden.placements.engine import Offer, Partner, Problem, School, Student, solve\n"
        "p = Problem(students=[Student('S1', 'po', wishes=('W',))], offers=[Offer('O1', 'W', 'po', 1)],\n"
        "            schools=[School('W', 'Obs De Wilgen', 'B1')], partners=[Partner('B1', 'Stichting')])\n"
        "assert solve(p).figures.placed == 1\n"
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if 'django' in m)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_no_engine_module_imports_django():
    for path in ENGINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(name.split(".")[0] == "django" for name in names), path
