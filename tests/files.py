"""Writing fixture files in a test's temporary folder, and reading what is written to a FIFO."""

from __future__ import annotations

import os
import threading
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


class FifoReader:
    """A new FIFO at *path*, read to its end by a daemon thread once a writer comes (a test
    that fails before writing leaves the thread waiting, never the test run)."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self._received: list[bytes] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        self._received.append(self.path.read_bytes())

    def text(self, timeout: float = 120) -> str:
        """What the writer wrote, as UTF-8."""
        self._thread.join(timeout)
        return self._received[0].decode("utf-8")
