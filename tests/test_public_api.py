"""The public surface: every name in ``recapkit.__all__`` resolves, and the lazy ones stay lazy."""

from __future__ import annotations

import subprocess
import sys

import recapkit
from tests.paths import EXAMPLES


def test_every_public_name_resolves() -> None:
    for name in recapkit.__all__:
        assert getattr(recapkit, name) is not None, name


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        _ = recapkit.no_such_thing  # type: ignore[attr-defined]
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover - the assertion above is the test
        raise AssertionError("expected AttributeError")


def test_importing_the_model_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, recapkit; from recapkit import Recap;"
        "print(sorted(m for m in ('jinja2', 'markdown_it', 'requests', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_load_recap_from_the_package_reads_an_example() -> None:
    recap = recapkit.load_recap(EXAMPLES / "gopher-meetup-hangzhou-2025.yaml")
    assert isinstance(recap, recapkit.Recap)
    assert len(recap.talks) == 5


def test_functions_are_not_shadowed_by_submodules() -> None:
    # Importing every submodule first (as the CLI does) must not turn recapkit.render into a module.
    code = (
        "import importlib, pkgutil, recapkit\n"
        "for m in pkgutil.walk_packages(recapkit.__path__, 'recapkit.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "import types\n"
        "bad = [n for n in recapkit.__all__ if isinstance(getattr(recapkit, n), types.ModuleType)]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
