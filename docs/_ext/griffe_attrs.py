"""A griffe extension for the API docs (used by mkdocs.yml; not part of the package).

- attrs classes: griffe reads source statically and cannot see the ``__init__`` that attrs
  generates, so a frozen model class would show neither a signature nor a field table. This builds
  both from ``attrs.fields`` (order, defaults) and the source (annotations, field docstrings), and
  drops the now redundant per-field entries. Enums get a table of their values.
- Sphinx roles: the docstrings use ``:class:`Recap``` and friends, which Markdown would show
  literally; they become code spans.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import Any

import attrs
import griffe

# :class:`Recap`, :func:`~recapkit.rendering`, :data:`x` -> `Recap`, `render`, `x`
_ROLE = re.compile(r":(?:py:)?[a-z]+:`~?([^`]+)`")


class AttrsFields(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for obj in _objects(pkg):
            if obj.docstring is not None:
                obj.docstring.value = _ROLE.sub(_code_span, obj.docstring.value)
        for cls in _classes(pkg):
            try:
                runtime = griffe.dynamic_import(cls.path)
            except ImportError:
                continue
            if isinstance(runtime, type) and attrs.has(runtime):
                _document(cls, runtime)
            elif isinstance(runtime, type) and issubclass(runtime, enum.Enum):
                _document_enum(cls, runtime)


def _code_span(match: re.Match[str]) -> str:
    target = match.group(1)
    # As in Sphinx, `~a.b.c` shows as `c` and `a.b.c` in full.
    return f"`{target.rsplit('.', 1)[-1] if match.group(0).count('~') else target}`"


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _objects(member)  # type: ignore[arg-type]  # not an alias: an Object


def _classes(module: griffe.Module | griffe.Class) -> list[griffe.Class]:
    found: list[griffe.Class] = []
    for member in module.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Class):
            found.append(member)
            found.extend(_classes(member))
        elif isinstance(member, griffe.Module):
            found.extend(_classes(member))
    return found


def _default(field: attrs.Attribute[Any]) -> str | None:
    default: Any = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs types Factory oddly
        return f"{getattr(default.factory, '__name__', 'factory')}()"
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    return repr(default)


def _document(cls: griffe.Class, runtime: type) -> None:
    params = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
    rows = []
    for field in attrs.fields(runtime):
        if not field.init:
            continue
        member = cls.members.get(field.name)
        annotation = getattr(member, "annotation", None)
        doc = member.docstring.value if member is not None and member.docstring else ""
        default = _default(field)
        kind = (
            griffe.ParameterKind.keyword_only
            if field.kw_only
            else griffe.ParameterKind.positional_or_keyword
        )
        params.append(
            griffe.Parameter(
                field.alias or field.name, annotation=annotation, kind=kind, default=default
            )
        )
        rows.append(
            griffe.DocstringParameter(
                field.name, description=doc, annotation=annotation, value=default
            )
        )
        if member is not None and not member.is_alias:
            cls.del_member(field.name)
    init = griffe.Function("__init__", parameters=griffe.Parameters(*params), parent=cls)
    cls.set_member("__init__", init)
    if cls.docstring is None:
        cls.docstring = griffe.Docstring("", parent=cls)
    cls.docstring.parsed.append(griffe.DocstringSectionParameters(rows))


def _document_enum(cls: griffe.Class, runtime: type[enum.Enum]) -> None:
    rows = [
        griffe.DocstringAttribute(member.name, description=f"`{member.value!r}`")
        for member in runtime
    ]
    if cls.docstring is None:
        cls.docstring = griffe.Docstring("", parent=cls)
    cls.docstring.parsed.append(griffe.DocstringSectionAttributes(rows))
