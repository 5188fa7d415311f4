"""Benchmark ``recapkit lint``: cold and cached wall time, files/s and peak memory.

Generates posts (Hugo-style YAML front matter, CJK and English text, images, links, code, a few
planted mistakes) into a temporary site, adds any directories given (by default the shared corpus
of real posts when it exists) and lints them all in a fresh ``python -m recapkit`` process, the way
CI runs it: once with an empty cache (cold) and once more (cached).

    python bench/lint_bench.py                       # corpus + generated posts up to 4,000 files
    python bench/lint_bench.py --total 1000 --no-corpus
    python bench/lint_bench.py --jobs 1 ../my-site/content

Peak memory is the largest sum of resident memory over the lint process and its workers,
sampled from /proc every 10 ms (Linux), and ``getrusage`` of the children otherwise.
Targets on the 2-core reference machine for ~4,000 posts / 13 MB: cold <= 3 s, cached <= 0.5 s,
peak <= 150 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

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


CPU_SECONDS: list[float] = []
"""CPU time (user + system, all processes) of each lint run, in run order."""


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


def run_lint(
    paths: list[Path], cache: Path, jobs: int | None
) -> tuple[float, tuple[int, int], int]:
    """(wall seconds, (peak RSS, peak PSS) bytes, exit code) of one ``recapkit lint`` process."""
    command = [sys.executable, "-m", "recapkit", "lint", "--quiet", "--output-format", "json"]
    command += ["--output-file", os.devnull, "--cache-dir", str(cache)]
    if jobs:
        command += ["--jobs", str(jobs)]
    command += [str(p) for p in paths]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command)
    poller = MemoryPoller(process.pid) if Path("/proc").is_dir() else None
    code = process.wait()
    wall = time.perf_counter() - started
    if poller is not None:
        peak = poller.stop()
    else:
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        peak = (rss, rss)
    if code not in (0, 1):
        raise SystemExit(f"recapkit lint failed with exit code {code}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU_SECONDS.append(cpu)
    return wall, peak, code


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


def compare(paths: list[Path], work: Path) -> None:
    """markdownlint-cli2 (Node) and rumdl (Rust) on the same files, when on PATH."""
    globs = [f"{p}/**/*.md" for p in paths] + [f"{p}/**/*.markdown" for p in paths]
    run_other("markdownlint-cli2", ["markdownlint-cli2", *globs])
    targets = [str(p) for p in paths]
    run_other("rumdl check (no cache)", ["rumdl", "check", "--no-cache", "--silent", *targets])
    cache = ["--cache-dir", str(work / "rumdl-cache")]
    subprocess.run(
        ["rumdl", "check", "--silent", *cache, *targets], capture_output=True, check=False
    )
    run_other("rumdl check (cached)", ["rumdl", "check", "--silent", *cache, *targets])


def main() -> None:
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
    args = parser.parse_args()

    paths = list(args.dirs)
    if not args.no_corpus and CORPUS.is_dir():
        paths.append(CORPUS)
    with tempfile.TemporaryDirectory(prefix="recapkit-bench-") as temp:
        work = Path(temp)
        existing = sum(markdown_files(p)[0] for p in paths)
        generated = max(0, args.total - existing)
        if generated:
            generate(work / "site", generated)
            paths.append(work / "site" / "content")
        files = size = 0
        for path in paths:
            count, nbytes = markdown_files(path)
            files += count
            size += nbytes
        print(
            f"files: {files} ({generated} generated), {size / 1e6:.1f} MB, cpus: {os.cpu_count()}"
        )
        cold: list[float] = []
        cached: list[float] = []
        rss = pss = 0
        for run in range(args.runs):
            cache = work / f"cache-{run}"
            for times in (cold, cached):
                wall, memory, _ = run_lint(paths, cache, args.jobs)
                times.append(wall)
                rss, pss = max(rss, memory[0]), max(pss, memory[1])
        best_cold, best_cached = min(cold), min(cached)
        cpu_cold, cpu_cached = min(CPU_SECONDS[0::2]), min(CPU_SECONDS[1::2])
        print(
            f"cold   {best_cold:6.2f} s  {files / best_cold:8.0f} files/s   (runs: {', '.join(f'{t:.2f}' for t in cold)})"
        )
        print(
            f"cached {best_cached:6.2f} s  {files / best_cached:8.0f} files/s   (runs: {', '.join(f'{t:.2f}' for t in cached)})"
        )
        print(
            f"cpu    {cpu_cold:6.2f} s cold, {cpu_cached:.2f} s cached (user + system, all processes)"
        )
        print(
            f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows the wall times)"
        )
        print(
            f"peak memory {pss / 2**20:.0f} MB PSS, {rss / 2**20:.0f} MB RSS (lint process + workers)"
        )
        if args.compare:
            compare(paths, work)


if __name__ == "__main__":
    main()
