"""Placement matching for a Samen Opleiden round: pure Python (OR-Tools, numpy), no Django.

    from samenopleiden.placements.engine import Mode, solve
    result = solve(problem, mode=Mode.ASSIGN, progress=lambda fraction, label: ...)

See README.md in this directory for the data, the modes, the objective, the stability notion and the figures.
"""

from .baselines import greedy
from .bounds import FlowBounds, flow_bounds, lp_bound
from .compare import Comparison, Move, compare, move_student, with_locks
from .errors import InvalidProblem
from .evaluate import evaluate
from .messages import TEMPLATES, Explanation, Reason
from .model import (
    DAYS,
    Cluster,
    Forbid,
    Lock,
    Mode,
    Offer,
    Partner,
    Problem,
    Quota,
    School,
    SchoolRanking,
    SolveOptions,
    Student,
    Weights,
)
from .result import Assignment, Figures, PartnerFigures, Result, SolverInfo
from .serialize import (
    problem_from_dict,
    problem_from_json,
    problem_to_dict,
    problem_to_json,
    result_from_dict,
    result_from_json,
    result_to_dict,
    result_to_json,
)
from .solve import ProgressCallback, solve
from .validate import validate

__all__ = [
    "DAYS",
    "TEMPLATES",
    "Assignment",
    "Cluster",
    "Comparison",
    "Explanation",
    "Figures",
    "FlowBounds",
    "Forbid",
    "InvalidProblem",
    "Lock",
    "Mode",
    "Move",
    "Offer",
    "Partner",
    "PartnerFigures",
    "Problem",
    "ProgressCallback",
    "Quota",
    "Reason",
    "Result",
    "School",
    "SchoolRanking",
    "SolveOptions",
    "SolverInfo",
    "Student",
    "Weights",
    "compare",
    "evaluate",
    "flow_bounds",
    "greedy",
    "lp_bound",
    "move_student",
    "problem_from_dict",
    "problem_from_json",
    "problem_to_dict",
    "problem_to_json",
    "result_from_dict",
    "result_from_json",
    "result_to_dict",
    "result_to_json",
    "solve",
    "validate",
    "with_locks",
]
