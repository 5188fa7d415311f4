"""docs/security.md names a test for every promise: each one it names must exist."""

from __future__ import annotations

import re

from tests.paths import ROOT


def named_tests() -> list[tuple[str, str]]:
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    found: list[tuple[str, str]] = []
    current = ""
    for match in re.finditer(r"`(tests/[\w/]+\.py)?::(\w+)", text):
        current = match.group(1) or current
        found.append((current, match.group(2)))
    return found


def test_every_test_the_security_page_names_exists() -> None:
    named = named_tests()
    assert len(named) >= 30
    missing = [
        f"{path}::{name}"
        for path, name in named
        if not re.search(rf"^def {name}\(", (ROOT / path).read_text("utf-8"), re.MULTILINE)
    ]
    assert missing == []
