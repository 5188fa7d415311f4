"""The shape of the package, as the import graph shows it: no cycles, no call up a layer, and
what a generator does known only in ``recapkit/ssg/``.

Every import counts: at the top, under ``TYPE_CHECKING`` and inside functions.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.paths import PACKAGE

# Lowest first; a module may import its own layer and the layers below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "recapkit.__about__",
        "recapkit.errors",
        "recapkit.atomic",
        "recapkit._read",
        "recapkit._text",
        "recapkit._yaml",
    ),
    ("recapkit.data", "recapkit.schedules"),  # programmes are read into the model's terms
    ("recapkit.post",),
    ("recapkit.ssg",),
    ("recapkit.config",),
    (
        "recapkit.lint",
        "recapkit.rendering",
        "recapkit.importing",
        "recapkit.scaffolding",
        "recapkit.site_index",
    ),
    ("recapkit.server",),  # the language server: lint's client, as the commands are
    ("recapkit.commands",),
    ("recapkit.cli", "recapkit.__main__", "recapkit"),
)
_GENERATOR_NAME = re.compile(r"""["'](hugo|hexo|jekyll|zola)["']""", re.IGNORECASE)


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts).removesuffix(".__init__")
        found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The recapkit modules *name* imports, wherever the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            submodules = {f"{base}.{alias.name}" for alias in node.names} & MODULES.keys()
            targets.update(submodules)
            if len(submodules) < len(node.names):  # names defined in *base* itself
                targets.add(base)
    return {t for t in targets if t in MODULES and t != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    best = -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if name == prefix or name.startswith(prefix + "."):
                best = index if prefix != "recapkit" or name == "recapkit" else best
    return best


def _cycles() -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(GRAPH[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer() -> None:
    assert [name for name in MODULES if _layer(name) < 0] == []


def test_no_import_cycles() -> None:
    assert _cycles() == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_imports_from_a_layer_above_it(name: str) -> None:
    above = sorted(t for t in GRAPH[name] if _layer(t) > _layer(name))
    assert above == [], f"{name} (layer {_layer(name)}) imports {above}"


def test_generators_are_named_only_in_their_own_modules() -> None:
    outside = [
        str(path.relative_to(PACKAGE))
        for name, path in MODULES.items()
        if not name.startswith("recapkit.ssg") and _GENERATOR_NAME.search(path.read_text("utf-8"))
    ]
    assert outside == []


def test_the_top_level_holds_only_entry_points_and_shared_helpers() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == [
        "__about__.py",
        "__init__.py",
        "__main__.py",
        "_read.py",
        "_text.py",
        "_yaml.py",
        "atomic.py",
        "cli.py",
        "config.py",
        "errors.py",
        "scaffolding.py",
        "site_index.py",
    ]
