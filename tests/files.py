"""Writing fixture files in a test's temporary folder."""

from __future__ import annotations

from pathlib import Path


def write(path: Path, text: str | bytes) -> Path:
    """Write a fixture file (bytes as they are, text as UTF-8 without newline translation)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def write_files(root: Path, files: dict[str, str]) -> Path:
    """Write each of *files* (a path below *root* -> its text); returns *root*."""
    for name, text in files.items():
        write(root / name, text)
    return root
