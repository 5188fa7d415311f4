"""recapkit: a typed model, templates, scaffolding and a CI linter for meetup and conference recaps.

The public API is what ``__all__`` lists; everything else may change between releases.
Diagnostics, errors and the post types are imported eagerly (they are light); the model
(attrs classes with their checks) and the functions that pull in markdown-it-py, Jinja2 or
PyYAML are imported on first use, so ``import recapkit`` (and ``recapkit lint``, which imports
the package) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from recapkit.__about__ import __version__
from recapkit.errors import ConfigError, FileExistsRefusedError, RecapkitError, UsageError
from recapkit.lint.diagnostics import Diagnostic, Edit, Fix, Severity
from recapkit.post.types import FrontMatter, ImageRef, LinkRef, Post

if TYPE_CHECKING:
    from recapkit.data.convert import structure_recap, unstructure_recap
    from recapkit.data.files import DataFileError, dump_recap, dumps_recap, load_recap
    from recapkit.data.model import (
        Event,
        EventKind,
        EventLink,
        EventLinkKind,
        FrozenDict,
        Highlight,
        Link,
        Photo,
        Recap,
        Speaker,
        Takeaway,
        TakeawayKind,
        Talk,
        TalkKind,
    )
    from recapkit.data.problems import RecapDataError
    from recapkit.data.schema import json_schema
    from recapkit.importing.assemble import Imported, import_post, is_recap
    from recapkit.lint.engine import LintResult
    from recapkit.lint.pipeline import lint_paths
    from recapkit.post.load import to_frontmatter
    from recapkit.rendering.engine import TemplateError, render
    from recapkit.scaffolding import PostExistsError, scaffold
    from recapkit.schedules.load import load_schedule
    from recapkit.schedules.model import Programme, ScheduleError, Session
    from recapkit.schedules.recap import recap_from_schedule
    from recapkit.schedules.selection import select_sessions
    from recapkit.site_index import (
        SiteRecap,
        TalkEntry,
        iter_posts,
        recaps,
        speakers_index,
        talks_index,
    )
    from recapkit.ssg.posts import load_post, parse_post

# public name -> the module that defines it (imported lazily by __getattr__)
_LAZY: dict[str, str] = {
    "Event": "recapkit.data.model",
    "EventKind": "recapkit.data.model",
    "EventLink": "recapkit.data.model",
    "EventLinkKind": "recapkit.data.model",
    "FrozenDict": "recapkit.data.model",
    "Highlight": "recapkit.data.model",
    "Link": "recapkit.data.model",
    "Photo": "recapkit.data.model",
    "Recap": "recapkit.data.model",
    "Speaker": "recapkit.data.model",
    "Takeaway": "recapkit.data.model",
    "TakeawayKind": "recapkit.data.model",
    "Talk": "recapkit.data.model",
    "TalkKind": "recapkit.data.model",
    "structure_recap": "recapkit.data.convert",
    "unstructure_recap": "recapkit.data.convert",
    "load_recap": "recapkit.data.files",
    "dump_recap": "recapkit.data.files",
    "dumps_recap": "recapkit.data.files",
    "DataFileError": "recapkit.data.files",
    "RecapDataError": "recapkit.data.problems",
    "load_post": "recapkit.ssg.posts",
    "parse_post": "recapkit.ssg.posts",
    "to_frontmatter": "recapkit.post.load",
    "lint_paths": "recapkit.lint.pipeline",
    "LintResult": "recapkit.lint.engine",
    "render": "recapkit.rendering.engine",
    "TemplateError": "recapkit.rendering.engine",
    "scaffold": "recapkit.scaffolding",
    "PostExistsError": "recapkit.scaffolding",
    "json_schema": "recapkit.data.schema",
    "import_post": "recapkit.importing.assemble",
    "Imported": "recapkit.importing.assemble",
    "is_recap": "recapkit.importing.assemble",
    "iter_posts": "recapkit.site_index",
    "recaps": "recapkit.site_index",
    "SiteRecap": "recapkit.site_index",
    "TalkEntry": "recapkit.site_index",
    "talks_index": "recapkit.site_index",
    "speakers_index": "recapkit.site_index",
    "load_schedule": "recapkit.schedules.load",
    "Programme": "recapkit.schedules.model",
    "Session": "recapkit.schedules.model",
    "ScheduleError": "recapkit.schedules.model",
    "select_sessions": "recapkit.schedules.selection",
    "recap_from_schedule": "recapkit.schedules.recap",
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
    "EventLink",
    "EventLinkKind",
    "FileExistsRefusedError",
    "Fix",
    "FrontMatter",
    "FrozenDict",
    "Highlight",
    "ImageRef",
    "Imported",
    "Link",
    "LinkRef",
    "LintResult",
    "Photo",
    "Post",
    "PostExistsError",
    "Programme",
    "Recap",
    "RecapDataError",
    "RecapkitError",
    "ScheduleError",
    "Session",
    "Severity",
    "SiteRecap",
    "Speaker",
    "Takeaway",
    "TakeawayKind",
    "Talk",
    "TalkEntry",
    "TalkKind",
    "TemplateError",
    "UsageError",
    "__version__",
    "dump_recap",
    "dumps_recap",
    "import_post",
    "is_recap",
    "iter_posts",
    "json_schema",
    "lint_paths",
    "load_post",
    "load_recap",
    "load_schedule",
    "parse_post",
    "recap_from_schedule",
    "recaps",
    "render",
    "scaffold",
    "select_sessions",
    "speakers_index",
    "structure_recap",
    "talks_index",
    "to_frontmatter",
    "unstructure_recap",
]
