"""A real ``recapkit lint`` process tree: the workers never outlive their parent, and SIGTERM stops
a run the way Ctrl-C does.

Each test starts a real process in its own session (so the whole tree is found by session id,
even after the workers are orphaned), waits until its workers exist, signals it, and reads
``/proc`` until no process of the session is left. Every wait is a liveness bound (generous, and
never reached when things work), not a timing: the tests wait for events, never a fixed time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from attrs import frozen

from recapkit.atomic import TEMP_PREFIX
from tests.files import write
from tests.paths import ROOT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads the process tree from /proc (Linux only)"
)

BOUND = 30.0
"""Seconds a liveness wait may last before the test gives up (never reached when things work)."""

SECTION = "##Talk {n}\n\nAbout **Go** and `generics`: [the slides](https://example.com/{n}).\n\n"


def post(number: int, sections: int) -> str:
    """A post with *sections* headings RK301 fixes (``##Talk`` -> ``## Talk``)."""
    body = "".join(SECTION.format(n=n) for n in range(sections))
    return f"---\ntitle: Recap {number}\ndate: 2024-05-01\n---\n\n{body}"


def fixed(text: str) -> str:
    return text.replace("\n##Talk", "\n## Talk")


def make_site(root: Path, posts: int, sections: int) -> dict[Path, str]:
    texts = {root / "content" / f"recap-{n:04}.md": post(n, sections) for n in range(posts)}
    for path, text in texts.items():
        write(path, text)
    return texts


@frozen
class Proc:
    """A process as /proc shows it; *start* tells it apart from a later one with the same pid."""

    pid: int
    ppid: int
    start: int

    def alive(self) -> bool:
        now = _stat(self.pid)
        return now is not None and now.start == self.start


def _stat(pid: int, session: int | None = None) -> Proc | None:
    """The live (not zombie) process *pid*, in *session* when given; None when there is none."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # pid (comm) state ppid pgrp session ... starttime (field 22); comm may hold spaces.
    fields = text.rpartition(")")[2].split()
    if fields[0] in "ZX" or (session is not None and int(fields[3]) != session):
        return None  # a zombie has exited: only its status waits for a parent to collect
    return Proc(pid, int(fields[1]), int(fields[19]))


def session(sid: int) -> list[Proc]:
    """Every live process of session *sid*: the run and its workers, orphaned or not."""
    found = (_stat(int(p.name), sid) for p in Path("/proc").iterdir() if p.name.isdigit())
    return [p for p in found if p is not None]


def poll(until: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + BOUND
    while not until():
        assert time.monotonic() < deadline, f"still waiting after {BOUND:.0f} s for {what}"
        time.sleep(0.05)


@frozen
class Run:
    process: subprocess.Popen[bytes]
    workers: list[Proc]
    stderr: Path

    def survivors(self) -> list[Proc]:
        """The run's processes still alive, once every one is gone or the bound is reached."""
        with contextlib.suppress(AssertionError):
            poll(lambda: not session(self.process.pid), "the run's processes to exit")
        return session(self.process.pid)


def lint_run(site: Path, *flags: str, jobs: int = 2) -> contextlib.AbstractContextManager[Run]:
    """``recapkit lint --jobs N`` on *site*'s posts, once its workers run."""
    command = ["-m", "recapkit", "lint", "--isolated", "--no-cache", "-q", "--jobs", str(jobs)]
    return started([*command, *flags, "content"], site, workers=jobs if jobs > 1 else 0)


@contextlib.contextmanager
def started(args: list[str], cwd: Path, *, workers: int) -> Iterator[Run]:
    """``python ARGS`` (this checkout's recapkit), once it has *workers* children; nothing of it
    outlives the block."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    stderr = cwd / "stderr.txt"
    with (cwd / "stdout.txt").open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, *args],
            cwd=cwd,
            env={**os.environ, "PYTHONPATH": path},
            stdout=out,
            stderr=err,
            start_new_session=True,  # its own session and process group, like a job in a shell
        )
    try:
        yield Run(process, _workers(process, workers, stderr), stderr)
    finally:
        _clean_up(process)


def _workers(process: subprocess.Popen[bytes], count: int, stderr: Path) -> list[Proc]:
    """The first *count* workers of *process*, once each has started (see :func:`_started`)."""

    def ready() -> bool:
        assert process.poll() is None, f"the run ended first: {stderr.read_text()}"
        return len(workers()) >= count

    def workers() -> list[Proc]:
        children = [p for p in session(process.pid) if p.ppid == process.pid]
        return [p for p in children if _started(p.pid)]

    poll(ready, f"{count} workers")
    return workers()


def _started(pid: int) -> bool:
    """Whether the worker's initializer ran: its first act is to ignore Ctrl-C and SIGTERM (left
    to the parent). Until then a signal sent to the group would interrupt the worker's start-up."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    ignored = next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:"))
    return all(int(ignored, 16) >> (signum - 1) & 1 for signum in (signal.SIGINT, signal.SIGTERM))


def _clean_up(process: subprocess.Popen[bytes]) -> None:
    """Kill whatever of the run is left, so that a failing test leaves no process behind."""
    for left in session(process.pid):
        with contextlib.suppress(ProcessLookupError):
            if left.alive():
                os.kill(left.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough work for minutes on two workers: each test interrupts it after a second or so."""
    root = tmp_path_factory.mktemp("long-site")
    make_site(root, posts=240, sections=300)
    return root


def test_workers_exit_when_the_parent_is_killed(long_site: Path) -> None:
    with lint_run(long_site) as run:
        os.kill(run.process.pid, signal.SIGKILL)  # no handler, no cleanup: only the kernel acts
        assert run.process.wait(timeout=BOUND) == -signal.SIGKILL  # killed mid-run
        assert run.survivors() == []


@pytest.mark.parametrize(
    ("signum", "to_group", "code"),
    [
        pytest.param(signal.SIGTERM, False, 143, id="SIGTERM-to-the-parent"),
        pytest.param(signal.SIGTERM, True, 143, id="SIGTERM-to-the-process-group"),
        pytest.param(signal.SIGINT, True, 130, id="Ctrl-C-to-the-process-group"),
    ],
)
def test_sigterm_and_ctrl_c_stop_a_run_cleanly(
    long_site: Path, signum: signal.Signals, to_group: bool, code: int
) -> None:
    with lint_run(long_site) as run:
        if to_group:  # Ctrl-C in a terminal, systemd stopping a unit, pkill: every process
            os.killpg(run.process.pid, signum)
        else:  # a CI runner or a supervisor signals the process it started
            os.kill(run.process.pid, signum)
        assert run.process.wait(timeout=BOUND) == code
        err = run.stderr.read_text()
        assert "Traceback" not in err
        assert err.strip() == "Aborted."
        assert run.survivors() == []


def test_sigterm_during_fix_leaves_every_post_whole(tmp_path: Path) -> None:
    """Each post is the old one or the fixed one: a write that began ends, or none began."""
    texts = make_site(tmp_path, posts=240, sections=20)

    def some_post_fixed() -> bool:
        return any(path.stat().st_size != len(text) for path, text in texts.items())

    with lint_run(tmp_path, "--fix", "--select", "RK301", jobs=1) as run:
        poll(some_post_fixed, "--fix to write a post")
        os.kill(run.process.pid, signal.SIGTERM)
        assert run.process.wait(timeout=BOUND) == 143
        assert "Traceback" not in run.stderr.read_text()
    for path, text in texts.items():
        assert path.read_text() in (text, fixed(text)), path
    assert (
        sorted(p.name for p in (tmp_path / "content").iterdir() if p.name.startswith(TEMP_PREFIX))
        == []
    )


# A stand-in for recapkit's Linter (the workers only call lint_data), doing endless work, run by
# recapkit's own workers module: the worker is busy when its parent dies.
STAND_IN = """
import re, sys, threading
from recapkit.lint import workers

class Linter:
    def lint_data(self, target, data):
        {work}

def run():
    jobs = [(index, None, None) for index in range(workers.SERIAL_BELOW)]
    for _ in workers.lint_many(Linter(), jobs, jobs=2):
        pass

if sys.argv[1] == "thread":  # joined here: an exiting interpreter refuses new pool work
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
else:
    run()
"""
IN_C_HOLDING_THE_GIL = 're.match(r"(a+)+$", "a" * 64 + "b")  # backtracks for ages, in C'
IN_PYTHON = "while True: pass"


@pytest.mark.parametrize(
    ("work", "where", "why"),
    [
        pytest.param(IN_C_HOLDING_THE_GIL, "main", "parent-death signal", id="stuck-in-C"),
        pytest.param(IN_PYTHON, "thread", "lifeline", id="pool-from-a-thread"),
    ],
)
def test_a_busy_worker_dies_with_its_parent(
    tmp_path: Path, work: str, where: str, why: str
) -> None:
    """Either way out works alone: the kernel's parent-death signal kills a worker that cannot
    run Python (no thread of it can see the lifeline end); the lifeline ends the workers of a pool
    started by a thread (whose end, not the process's, would send the signal)."""
    script = write(tmp_path / "stand_in.py", STAND_IN.format(work=work))
    with started([str(script), where], tmp_path, workers=2) as run:
        os.kill(run.process.pid, signal.SIGKILL)
        assert run.process.wait(timeout=BOUND) == -signal.SIGKILL
        assert run.survivors() == [], why
