"""Benchmark ``recapkit lint``: cold and cached wall time, files/s and peak memory.

Generates posts (Hugo-style YAML front matter, CJK and English text, images, links, code, a few
planted mistakes) into a temporary site, adds any directories given (by default the shared corpus
of real posts when it exists) and lints them all in a fresh ``python -m recapkit`` process, the way
CI runs it: once with an empty cache (cold) and once more (cached).

    python bench/lint_bench.py                       # corpus + generated posts up to 4,000 files
    python bench/lint_bench.py --total 1000 --no-corpus
    python bench/lint_bench.py --jobs 1 ../my-site/content
    python bench/lint_bench.py --base db4a635 --rounds 5   # this tree against a git revision
    python bench/lint_bench.py --total 0 --scale 1,2,4     # 1x, 2x, 4x the corpus: linear?

With ``--base REV`` the revision is checked out into a temporary git worktree, this checkout's
``recapkit/`` is copied as it is at the start (edits made meanwhile do not reach the measurement),
and both trees lint the very same files, alternately (A B A B ...) for ``--rounds`` rounds after
one warm-up run each, imported by the same interpreter (``python -c``, the tree first on
``sys.path``) with their bytecode cached in a temporary folder, as an installed package has it.
It prints each tree's medians (cold and cached wall and CPU, peak RSS and PSS) and the ratios
current/base: on a noisy machine compare medians of alternating runs, never single runs.

Peak memory is the largest sum of resident memory over the lint process and its workers,
sampled from /proc every 10 ms (Linux), and ``getrusage`` of the children otherwise.
Without ``--base`` it also times linting one post (the first ``.md`` file by path: pre-commit's
usual case). ``--compare`` times markdownlint-cli2 and rumdl (when on PATH) on the same files and
prints the targets of issue 13 as ratios of this run: cold <= 2.0x rumdl's cold run and <= 0.10x
markdownlint-cli2's, cached <= 0.5x rumdl's cold run, one file <= 0.12 s, peak RSS <= 150 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
_RUN = (
    "import sys; sys.path.insert(0, sys.argv[1]); from recapkit.cli import main; "
    "raise SystemExit(main(sys.argv[2:]))"
)

_EN = """gopher meetup talk speaker slides generics scheduler goroutine channel memory profiling
kubernetes operator community conference keynote panel lightning workshop sponsor venue
python asyncio packaging typing release tooling observability tracing latency"""
_ZH = "分享 嘉宾 现场 主题 演讲 社区 技术 实践 性能 调度 内存 容器 云原生 开源 活动 总结 收获 问答"
WORDS_EN = tuple(_EN.split())
WORDS_ZH = tuple(_ZH.split())


def paragraph(rng: random.Random, zh: bool) -> str:
    words = WORDS_ZH if zh else WORDS_EN
    joiner = "" if zh else " "
    sentences = []
    for _ in range(rng.randint(2, 5)):
        sentence = joiner.join(rng.choice(words) for _ in range(rng.randint(6, 16)))
        sentences.append(sentence + ("。" if zh else "."))
    return joiner.join(sentences)


def post(rng: random.Random, index: int) -> str:
    """One post of ~2 KB: mostly clean, sometimes with the mistakes the rules look for."""
    zh = index % 2 == 0
    day = f"2024-{index % 12 + 1:02}-{index % 28 + 1:02}"
    tags = "[go, meetup]" if index % 17 else "go meetup"  # a space-separated string now and then
    lines = [
        "---",
        f'title: "{"Go 夜读" if zh else "Gopher meetup"} #{index}"',
        f"date: {day}T19:00:00+08:00",
        f"tags: {tags}",
        f"categories: [{'活动' if zh else 'events'}]",
        "draft: false",
        "images:",
        f"  - https://img.example.org/{index}/cover.jpg",
        "---",
        "",
        paragraph(rng, zh),
        "",
        paragraph(rng, zh),
        "",
    ]
    for section in range(rng.randint(2, 4)):
        space = "" if index % 23 == 0 and section == 0 else " "  # now and then `##Talk`
        lines += [
            f"##{space}{'分享' if zh else 'Talk'} {section + 1}",
            "",
            paragraph(rng, zh),
            "",
        ]
        alt = "" if index % 11 == 0 else ("现场照片" if zh else "The speaker on stage")
        host = "http://img.example.org" if index % 29 == 0 else "https://img.example.org"
        lines += [f"![{alt}]({host}/{index}/{section}.jpg)", ""]
        lines += [
            f"- [{'幻灯片' if zh else 'Slides'}](https://slides.example.org/{index}/{section})",
            "",
        ]
        if section == 1:
            lines += ["```go", 'func main() { fmt.Println("#not-a-heading") }', "```", ""]
    if index % 31 == 0:
        lines += ["TODO(recapkit): write the summary", ""]
    return "\n".join(lines)


def generate(directory: Path, count: int, seed: int = 4) -> int:
    rng = random.Random(seed)
    content = directory / "content" / "posts"
    content.mkdir(parents=True, exist_ok=True)
    (directory / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "bench"\n', encoding="utf-8"
    )
    size = 0
    for index in range(count):
        text = post(rng, index)
        (content / f"{index:05}-recap.md").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def markdown_files(directory: Path) -> tuple[int, int]:
    count = size = 0
    for path in directory.rglob("*"):
        if path.suffix.lower() in (".md", ".markdown") and path.is_file():
            count += 1
            size += path.stat().st_size
    return count, size


class MemoryPoller:
    """Peak summed RSS and PSS of a process tree, from /proc (Linux only).

    RSS counts the pages forked workers share with their parent once per process; PSS splits
    shared pages between the processes sharing them, so its sum is the memory really used."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self, pid: int) -> list[int]:
        pids = [pid]
        try:
            for task in Path(f"/proc/{pid}/task").iterdir():
                children = (task / "children").read_text().split()
                for child in children:
                    pids += self._tree(int(child))
        except OSError:
            pass
        return pids

    @staticmethod
    def _field(path: str, name: str) -> int:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(name):
                    return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = self._tree(self.pid)
            rss = sum(self._field(f"/proc/{p}/status", "VmRSS:") for p in tree)
            pss = sum(self._field(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree)
            self.peak = max(self.peak, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self._stop.wait(0.01)

    def stop(self) -> tuple[int, int]:
        self._stop.set()
        self._thread.join()
        return self.peak, self.peak_pss


@dataclass(frozen=True)
class Run:
    """One ``recapkit lint`` process: wall and CPU seconds (user + system, all processes), peak
    summed RSS and PSS in bytes, exit code."""

    wall: float
    cpu: float
    rss: int
    pss: int
    code: int


def launcher(source: Path | None) -> list[str]:
    """``python -m recapkit``, or recapkit imported from the source tree *source* first."""
    if source is None:
        return [sys.executable, "-m", "recapkit"]
    return [sys.executable, "-c", _RUN, str(source)]


def run_lint(
    paths: list[Path],
    cache: Path,
    jobs: int | None,
    source: Path | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Time one ``recapkit lint`` process over *paths* with the cache folder *cache*."""
    report = cache.with_name(cache.name + "-report.json")
    command = [*launcher(source), "lint", "--quiet", "--output-format", "json"]
    command += ["--output-file", str(report), "--cache-dir", str(cache)]
    if jobs:
        command += ["--jobs", str(jobs)]
    command += [str(p) for p in paths]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    poller = MemoryPoller(process.pid) if Path("/proc").is_dir() else None
    code = process.wait()
    wall = time.perf_counter() - started
    if poller is not None:
        rss, pss = poller.stop()
    else:
        rss = pss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    if code not in (0, 1) or not _reported(report):
        # Exit code 1 also ends a Python traceback: only a complete report proves the run.
        raise SystemExit(
            f"recapkit lint failed (exit code {code}, no report): {shlex.join(command)}"
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, rss, pss, code)


def _reported(report: Path) -> bool:
    """Whether *report* holds a whole JSON report (it is removed after reading)."""
    try:
        return "summary" in json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    finally:
        report.unlink(missing_ok=True)


def run_other(name: str, command: list[str]) -> float | None:
    """Wall time of another linter on the same files (best of two), when it is installed."""
    if shutil.which(command[0]) is None:
        return None
    times = []
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    print(f"{name:<26} {min(times):6.2f} s")
    return min(times)


def compare(paths: list[Path], work: Path, ours: Ours) -> None:
    """markdownlint-cli2 (Node) and rumdl (Rust) on the same files, when on PATH; then the
    issue-13 targets as ratios of this run (never a timed test: one machine, one moment)."""
    globs = [f"{p}/**/*.md" for p in paths] + [f"{p}/**/*.markdown" for p in paths]
    mdl = run_other("markdownlint-cli2", ["markdownlint-cli2", *globs])
    targets = [str(p) for p in paths]
    rumdl = run_other(
        "rumdl check (no cache)", ["rumdl", "check", "--no-cache", "--silent", *targets]
    )
    cache = ["--cache-dir", str(work / "rumdl-cache")]
    if rumdl is not None:
        subprocess.run(
            ["rumdl", "check", "--silent", *cache, *targets], capture_output=True, check=False
        )
        run_other("rumdl check (cached)", ["rumdl", "check", "--silent", *cache, *targets])
    print("\ntargets (this run's ratios):")
    if rumdl is not None:
        target("cold / rumdl cold", ours.cold / rumdl, 2.0)
        target("cached / rumdl cold", ours.cached / rumdl, 0.5)
    if mdl is not None:
        target("cold / markdownlint-cli2", ours.cold / mdl, 0.10)
    target("one file, wall (s)", ours.one_file, 0.12)
    target("peak RSS, all processes (MB)", ours.rss / 2**20, 150)


def target(name: str, value: float, limit: float) -> None:
    verdict = "met" if value <= limit else f"NOT met ({value / limit:.1f}x the target)"
    print(f"  {name:<30} {value:8.2f}  target <= {limit:g}: {verdict}")


@dataclass(frozen=True)
class Ours:
    """recapkit's best wall times (s) and peak RSS (bytes) of a :func:`best_of` measurement."""

    cold: float
    cached: float
    one_file: float
    rss: int


def one_file(paths: list[Path], work: Path, runs: int, env: dict[str, str]) -> float:
    """Best wall time of linting one post (pre-commit's usual case: a few files, no workers)."""
    first = min(p for path in paths for p in path.rglob("*.md") if p.is_file())
    times = [run_lint([first], work / f"one-{run}", None, env=env).wall for run in range(runs)]
    print(f"one file {min(times):6.3f} s  ({first.name}, {first.stat().st_size:,} bytes)")
    return min(times)


def best_of(paths: list[Path], work: Path, jobs: int | None, runs: int, files: int) -> Ours:
    """Lint with ``python -m recapkit`` *runs* times cold and cached; print the best of each."""
    cold: list[Run] = []
    cached: list[Run] = []
    env = bytecode_env(work)
    run_lint(paths, work / "warm", jobs, env=env)  # compiles the bytecode, warms the disk cache
    for run in range(runs):
        cache = work / f"cache-{run}"
        cold.append(run_lint(paths, cache, jobs, env=env))
        cached.append(run_lint(paths, cache, jobs, env=env))
    best_cold, best_cached = min(r.wall for r in cold), min(r.wall for r in cached)
    cpu_cold, cpu_cached = min(r.cpu for r in cold), min(r.cpu for r in cached)
    rss = max(r.rss for r in cold + cached)
    pss = max(r.pss for r in cold + cached)
    for name, best, times in (("cold  ", best_cold, cold), ("cached", best_cached, cached)):
        walls = ", ".join(f"{r.wall:.2f}" for r in times)
        print(f"{name} {best:6.2f} s  {files / best:8.0f} files/s   (runs: {walls})")
    print(
        f"cpu    {cpu_cold:6.2f} s cold, {cpu_cached:.2f} s cached (user + system, all processes)"
    )
    print(f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows the wall times)")
    print(
        f"peak memory {pss / 2**20:.0f} MB PSS, {rss / 2**20:.0f} MB RSS (lint process + workers)"
    )
    return Ours(best_cold, best_cached, one_file(paths, work, runs, env), rss)


@dataclass
class Side:
    """One source tree in an A/B comparison, with its runs in round order."""

    name: str
    source: Path
    cold: list[Run] = field(default_factory=list)
    cached: list[Run] = field(default_factory=list)


Metric = tuple[str, str, Callable[[Side], list[float]]]
METRICS: tuple[Metric, ...] = (
    ("cold wall", "s", lambda s: [r.wall for r in s.cold]),
    ("cold CPU", "s", lambda s: [r.cpu for r in s.cold]),
    ("cached wall", "s", lambda s: [r.wall for r in s.cached]),
    ("cached CPU", "s", lambda s: [r.cpu for r in s.cached]),
    ("peak RSS", "MB", lambda s: [r.rss / 2**20 for r in s.cold]),
    ("peak PSS", "MB", lambda s: [r.pss / 2**20 for r in s.cold]),
)
"""What the comparison prints: name, unit and the per-round values of a side."""


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def tree_state() -> str:
    """HEAD of this checkout and the files under recapkit/ that differ from it."""
    status = git("status", "--porcelain", "--", "recapkit").splitlines()
    changed = [line.split(maxsplit=1)[-1] for line in status]
    return f"{git('rev-parse', '--short', 'HEAD')} + uncommitted: {', '.join(changed) or 'none'}"


@contextlib.contextmanager
def worktree(revision: str) -> Iterator[Path]:
    """*revision* checked out into a temporary git worktree, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="recapkit-base-") as folder:
        tree = Path(folder) / "base"
        git("worktree", "add", "--detach", "--quiet", str(tree), revision)
        try:
            yield tree
        finally:
            git("worktree", "remove", "--force", str(tree))


def snapshot(work: Path) -> Path:
    """A copy of this checkout's recapkit/ as it is now: edits made while the benchmark runs
    (which would also invalidate the lint cache, keyed by the modules' times) do not reach it."""
    copy = work / "current"
    shutil.copytree(
        ROOT / "recapkit", copy / "recapkit", ignore=shutil.ignore_patterns("__pycache__")
    )
    return copy


def bytecode_env(work: Path) -> dict[str, str]:
    """The environment with bytecode written to a folder of *work* for both trees (as an
    installed package has it), even under ``PYTHONDONTWRITEBYTECODE``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(work / "pycache")}


def check_imports_from(source: Path, env: dict[str, str]) -> None:
    """Fail unless the launcher for *source* really imports recapkit from *source*."""
    code = "import sys; sys.path.insert(0, sys.argv[1]); import recapkit; print(recapkit.__file__)"
    command = [sys.executable, "-c", code, str(source)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    found = done.stdout.strip()
    if not Path(found).resolve().is_relative_to(source.resolve()):
        raise SystemExit(f"recapkit imported from {found}, not from {source}")


def alternate(sides: list[Side], paths: list[Path], work: Path, args: argparse.Namespace) -> None:
    """A B A B ...: each round lints cold then cached with each side, in a fresh cache folder."""
    env = bytecode_env(work)
    for index, side in enumerate(sides):  # warm-up, not kept: compiles bytecode, fills caches
        check_imports_from(side.source, env)
        run_lint(paths, work / f"warm-{index}", args.jobs, side.source, env)
    rounds = args.rounds
    for number in range(rounds):
        for index, side in enumerate(sides):
            cache = work / f"cache-{index}-{number}"
            side.cold.append(run_lint(paths, cache, args.jobs, side.source, env))
            side.cached.append(run_lint(paths, cache, args.jobs, side.source, env))
        print(f"round {number + 1}/{rounds} done, load average {os.getloadavg()[0]:.2f}")


def print_comparison(current: Side, base: Side) -> None:
    """Medians of each side and the ratio current/base (below 1: the current tree is faster)."""
    print(f"\n{'median':<14}{current.name:>16}{base.name:>18}{'current/base':>14}")
    for name, unit, values in METRICS:
        now, before = statistics.median(values(current)), statistics.median(values(base))
        cells = f"{f'{now:.2f} {unit}':>16}{f'{before:.2f} {unit}':>18}"
        print(f"{name:<14}{cells}{now / before:>14.3f}")
    print("\nper round (current | base):")
    for name, _unit, values in METRICS:
        runs = [" ".join(f"{v:.2f}" for v in values(side)) for side in (current, base)]
        print(f"  {name:<12} {runs[0]}  |  {runs[1]}")
    if [r.code for r in current.cold] != [r.code for r in base.cold]:
        print("warning: the two trees exit with different codes: their findings differ")


def against_base(paths: list[Path], work: Path, args: argparse.Namespace) -> None:
    """Measure this checkout and ``--base`` alternately on *paths*; print medians and ratios."""
    print(f"current: a copy of {ROOT / 'recapkit'} at {tree_state()}")
    current = Side("current", snapshot(work))
    with worktree(args.base) as tree:
        print(f"base:    {args.base} = {git('rev-parse', '--short', args.base)} in a worktree")
        sides = [current, Side(f"base {args.base}", tree)]
        alternate(sides, paths, work, args)
    print_comparison(*sides)


def replicate(paths: list[Path], folder: Path, times: int) -> list[Path]:
    """*times* copies of each folder of *paths* under *folder*, side by side (links kept as
    links): each copy of a site is a site of its own, so a copy's posts read as the original's."""
    copies = []
    for copy in range(times):
        for index, path in enumerate(paths):
            target = folder / f"copy-{copy}" / f"{index}-{path.name}"
            shutil.copytree(path, target, symlinks=True)
            copies.append(target)
    return copies


def scaling(paths: list[Path], work: Path, args: argparse.Namespace) -> None:
    """Lint 1x, 2x, 4x ... copies of *paths*, cold and cached (best of ``--runs``), and print
    each size's time and memory with the ratios to the smallest: linear in posts is CPU per
    post staying put while the posts double."""
    env = bytecode_env(work)
    rows = []
    for times in args.scale:
        copies = replicate(paths, work / f"scale-{times}", times)
        files, size = (sum(counts) for counts in zip(*map(markdown_files, copies), strict=True))
        run_lint(copies, work / f"warm-{times}", args.jobs, env=env)
        cold, cached = [], []
        for run in range(args.runs):
            cache = work / f"scale-cache-{times}-{run}"
            cold.append(run_lint(copies, cache, args.jobs, env=env))
            cached.append(run_lint(copies, cache, args.jobs, env=env))
        rows.append(Scaled(times, files, size, cold, cached))
        shutil.rmtree(work / f"scale-{times}")
        print(f"{times}x done, load average {os.getloadavg()[0]:.2f}")
    print_scaling(rows)


@dataclass(frozen=True)
class Scaled:
    """The runs over one size of a :func:`scaling` measurement."""

    times: int
    files: int
    size: int
    cold: list[Run]
    cached: list[Run]

    @property
    def cpu_per_file(self) -> float:
        return min(r.cpu for r in self.cold) / self.files

    @property
    def rss(self) -> float:
        return max(r.rss for r in self.cold + self.cached) / 2**20

    @property
    def pss(self) -> float:
        return max(r.pss for r in self.cold + self.cached) / 2**20


def print_scaling(rows: list[Scaled]) -> None:
    print(
        f"\n{'size':<5}{'files':>7}{'MB':>7}{'cold wall':>11}{'cold CPU':>10}{'CPU/file':>10}"
        f"{'cached wall':>13}{'peak RSS':>10}{'peak PSS':>10}"
    )
    for row in rows:
        cold = min(r.wall for r in row.cold)
        cpu = min(r.cpu for r in row.cold)
        cached = min(r.wall for r in row.cached)
        print(
            f"{f'{row.times}x':<5}{row.files:>7}{row.size / 1e6:>7.1f}{cold:>9.2f} s{cpu:>8.2f} s"
            f"{row.cpu_per_file * 1000:>7.2f} ms{cached:>11.2f} s{row.rss:>7.0f} MB"
            f"{row.pss:>7.0f} MB"
        )
    first = rows[0]
    print(f"\nratios to {first.times}x (linear in files: CPU/file 1.00, memory at most the size):")
    for row in rows[1:]:
        print(
            f"  {row.times}x: files {row.files / first.files:.2f}, "
            f"CPU/file {row.cpu_per_file / first.cpu_per_file:.2f}, "
            f"peak RSS {row.rss / first.rss:.2f}, peak PSS {row.pss / first.pss:.2f}"
        )


def lint_targets(args: argparse.Namespace, work: Path) -> tuple[list[Path], int]:
    """The folders to lint (given, corpus, generated posts) and how many posts were generated."""
    paths = list(args.dirs)
    if not args.no_corpus and CORPUS.is_dir():
        paths.append(CORPUS)
    existing = sum(markdown_files(p)[0] for p in paths)
    generated = max(0, args.total - existing)
    if generated:
        generate(work / "site", generated)
        paths.append(work / "site" / "content")
    return paths, generated


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dirs", nargs="*", type=Path, help="more directories to lint")
    parser.add_argument(
        "--total", type=int, default=4000, help="generate posts until this many files"
    )
    parser.add_argument("--no-corpus", action="store_true", help="leave out the shared corpus")
    parser.add_argument("--jobs", type=int, help="worker processes (default: recapkit's)")
    parser.add_argument(
        "--runs", type=int, default=3, help="repeat each measurement, keep the best"
    )
    parser.add_argument(
        "--compare", action="store_true", help="also time markdownlint-cli2 and rumdl if installed"
    )
    parser.add_argument(
        "--base", metavar="REV", help="also measure this git revision, alternating with this tree"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="with --base: alternating rounds, medians kept"
    )
    parser.add_argument(
        "--scale",
        metavar="N,N,...",
        type=lambda text: [int(n) for n in text.split(",")],
        help="lint N copies of the files side by side for each N (1,2,4: linear in posts?)",
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="recapkit-bench-") as temp:
        work = Path(temp)
        paths, generated = lint_targets(args, work)
        files = size = 0
        for path in paths:
            count, nbytes = markdown_files(path)
            files += count
            size += nbytes
        print(
            f"files: {files} ({generated} generated), {size / 1e6:.1f} MB, cpus: {os.cpu_count()}"
        )
        if args.base:
            against_base(paths, work, args)
            return
        if args.scale:
            scaling(paths, work, args)
            return
        ours = best_of(paths, work, args.jobs, args.runs, files)
        if args.compare:
            compare(paths, work, ours)


if __name__ == "__main__":
    main()
