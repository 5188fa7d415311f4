"""recapkit: a typed model, templates, scaffolding and a CI linter for meetup and conference recaps.

The public API is what ``__all__`` lists; everything else may change between releases.
The model, diagnostics and errors are imported eagerly (they are light); the functions that
pull in markdown-it-py, Jinja2 or PyYAML are imported on first use, so ``import recapkit``
stays cheap for blog tooling that only needs the model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from recapkit.__about__ import __version__
from recapkit.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.errors import ConfigError, FileExistsRefusedError, RecapkitError, UsageError
from recapkit.model import (
    Event,
    EventKind,
    Highlight,
    Link,
    Photo,
    Recap,
    Speaker,
    Takeaway,
    TakeawayKind,
    Talk,
)
from recapkit.post import FrontMatter, ImageRef, LinkRef, Post

if TYPE_CHECKING:
    from recapkit.convert import structure_recap, unstructure_recap
    from recapkit.datafile import DataFileError, dump_recap, dumps_recap, load_recap
    from recapkit.dataproblems import RecapDataError
    from recapkit.document import load_post, parse_post
    from recapkit.linter import LintResult, lint_paths
    from recapkit.rendering import TemplateError, render
    from recapkit.scaffolding import PostExistsError, scaffold
    from recapkit.schema import json_schema

# public name -> the module that defines it (imported lazily by __getattr__)
_LAZY: dict[str, str] = {
    "structure_recap": "recapkit.convert",
    "unstructure_recap": "recapkit.convert",
    "load_recap": "recapkit.datafile",
    "dump_recap": "recapkit.datafile",
    "dumps_recap": "recapkit.datafile",
    "DataFileError": "recapkit.datafile",
    "RecapDataError": "recapkit.dataproblems",
    "load_post": "recapkit.document",
    "parse_post": "recapkit.document",
    "lint_paths": "recapkit.linter",
    "LintResult": "recapkit.linter",
    "render": "recapkit.rendering",
    "TemplateError": "recapkit.rendering",
    "scaffold": "recapkit.scaffolding",
    "PostExistsError": "recapkit.scaffolding",
    "json_schema": "recapkit.schema",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'recapkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


__all__ = [
    "ConfigError",
    "DataFileError",
    "Diagnostic",
    "Edit",
    "Event",
    "EventKind",
    "FileExistsRefusedError",
    "Fix",
    "FrontMatter",
    "Highlight",
    "ImageRef",
    "Link",
    "LinkRef",
    "LintResult",
    "Photo",
    "Post",
    "PostExistsError",
    "Recap",
    "RecapDataError",
    "RecapkitError",
    "Severity",
    "Speaker",
    "Takeaway",
    "TakeawayKind",
    "Talk",
    "TemplateError",
    "UsageError",
    "__version__",
    "dump_recap",
    "dumps_recap",
    "json_schema",
    "lint_paths",
    "load_post",
    "load_recap",
    "parse_post",
    "render",
    "scaffold",
    "structure_recap",
    "unstructure_recap",
]
