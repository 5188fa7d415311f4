"""``recapkit server`` without the ``server`` extra: one line saying how to get it."""

from __future__ import annotations

import importlib.util

import pytest

from recapkit.cli import main


def test_without_pygls_it_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "pygls" else find_spec(name)
    )
    assert main(["server"]) == 2
    assert capsys.readouterr().err == (
        "error: recapkit server needs pygls, which the server extra installs: pip install -e "
        "'.[server]' in a clone (see docs/editors.md)\n"
    )
