"""The ``--ssg`` option's type: the registered generators' names, read when the option is parsed
(so a generator registered by a plugin or a test is a choice too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from recapkit.ssg import registry


class GeneratorChoice(click.Choice):  # type: ignore[type-arg]  # click's Choice is generic in 8.2
    """``click.Choice`` of the generators' names (and ``auto`` when *auto* is true)."""

    def __init__(self, *, auto: bool = False) -> None:
        self.auto = auto
        super().__init__(())

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        return ("auto", *registry.names()) if self.auto else registry.names()

    @choices.setter
    def choices(self, _value: Any) -> None:
        pass  # click sets it in __init__; the registry is the truth
