"""``--changed-since REF``: lint only the files git says changed since a ref.

In CI a pull request should be judged on the posts it touches. "Changed" is what a reviewer
would see: every file that differs between the point where HEAD left REF (their merge base,
so commits made on REF meanwhile do not count) and the working tree (committed, staged or
not), plus new files git does not ignore.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from recapkit.errors import UsageError

if TYPE_CHECKING:
    from recapkit.lint.discover import Target


def changed_only(targets: Sequence[Target], ref: str) -> list[Target]:
    """The targets whose files changed since *ref* (see the module docstring)."""
    if not targets:
        return []
    top = Path(_git("rev-parse", "--show-toplevel").strip())
    base = _merge_base(ref)
    names = _git("diff", "--name-only", "--no-renames", "-z", base, "--").split("\0")
    names += _git("ls-files", "--others", "--exclude-standard", "-z", "--full-name").split("\0")
    changed = {(top / name).resolve() for name in names if name}
    return [target for target in targets if target.real in changed]


def _merge_base(ref: str) -> str:
    try:
        return _git("merge-base", ref, "HEAD").strip()
    except UsageError:
        _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")  # a ref that exists at all
        return ref  # no common history (a shallow clone): compare with the ref itself


def _git(*args: str) -> str:
    import subprocess  # only --changed-since runs git: not every lint run pays for the import

    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, text=True, check=False, timeout=120
        )
    except OSError as exc:
        raise UsageError(f"--changed-since needs git: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["git failed"])[0]
        raise UsageError(f"--changed-since: git {args[0]}: {reason}")
    return done.stdout
