"""The platform's modules (students, placements, quality, ...) plug into shared machinery by convention:
a module `samenopleiden.<app>.<name>` is found here for every installed app that has one.

Used for the demo (`<app>.demo.load(today=...)`, after the registry's demo, in INSTALLED_APPS order) and by
the cross-cutting tests (`<app>.tests.walk`, see docs/conventions.md). A hook that fails to import raises:
only a missing module is skipped.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from django.apps import apps


def platform_apps() -> list[str]:
    """The dotted names of our own apps, in INSTALLED_APPS order."""
    return [config.name for config in apps.get_app_configs() if config.name.startswith("samenopleiden.")]


def hooks(name: str, *, exclude: tuple[str, ...] = ()) -> list[ModuleType]:
    """`samenopleiden.<app>.<name>` of every app that has it (e.g. hooks("demo"), hooks("tests.walk")). Core is
    left out: it holds the mechanisms (core.dashboard, core.reminders) that call the hooks."""
    found = []
    for app in platform_apps():
        if app.rsplit(".", 1)[-1] in (*exclude, "core"):
            continue
        dotted = f"{app}.{name}"
        parent = dotted.rsplit(".", 1)[0]
        if importlib.util.find_spec(parent) is None or importlib.util.find_spec(dotted) is None:
            continue
        found.append(importlib.import_module(dotted))
    return found
