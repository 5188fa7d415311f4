"""``recapkit lint`` against what a hostile or broken checkout holds: FIFOs, devices, links out
of the site, read-only posts, lone surrogates, terminal escapes, file names that are not UTF-8.

Runs that could hang go through a real process with a generous timeout (a liveness bound: a
FIFO read without care blocks forever, so the bound is never close)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from recapkit.cli import main
from recapkit.lint.reporters import FORMATS
from tests.files import FifoReader, write
from tests.unprivileged import as_nobody, needs_root

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links")

POST = "---\ntitle: A post\ndate: 2025-01-01\n---\n\n##Talks\n"
FIXED = "---\ntitle: A post\ndate: 2025-01-01\n---\n\n## Talks\n"
LIVENESS = 120  # seconds; a hang is forever


def recapkit(
    *args: str, cwd: Path, stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "recapkit", *args],
        cwd=cwd,
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=LIVENESS,
        check=False,
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write(root / "hugo.toml", 'baseURL = "/"\ntitle = "t"\n')
    write(root / "content" / "posts" / "ok.md", POST)
    return root


# --- reading: only regular files, never more than the limit ---------------------------------


def test_a_fifo_post_and_a_link_to_dev_zero_are_findings_and_the_run_goes_on(site: Path) -> None:
    posts = site / "content" / "posts"
    os.mkfifo(posts / "pipe.md")
    (posts / "zero.md").symlink_to("/dev/zero")

    done = recapkit("lint", "content/posts/pipe.md", "content/posts/zero.md", "content", cwd=site)

    assert done.returncode == 1
    assert "content/posts/pipe.md:1:1: RK100 a FIFO (named pipe), not a regular file" in done.stdout
    assert "content/posts/zero.md:1:1: RK100 a device, not a regular file" in done.stdout
    assert "content/posts/ok.md:6:1: RK301" in done.stdout  # the other post was linted
    assert "Traceback" not in done.stderr


def test_a_fifo_given_as_config_is_an_error_not_a_hang(site: Path) -> None:
    os.mkfifo(site / "recapkit.fifo")
    done = recapkit("lint", "--config", "recapkit.fifo", "content", cwd=site)
    assert done.returncode == 2
    assert "a FIFO (named pipe), not a regular file" in done.stderr


def test_a_fifo_or_huge_site_config_is_not_read(tmp_path: Path) -> None:
    fifo_site = tmp_path / "fifo-site"
    write(fifo_site / "content" / "posts" / "ok.md", POST)
    os.mkfifo(fifo_site / "hugo.toml")
    huge_site = tmp_path / "huge-site"
    write(huge_site / "content" / "posts" / "ok.md", POST)
    write(huge_site / "_config.yml", "title: t\n" + "# padding\n" * 300_000)  # 3 MB

    for root in (fifo_site, huge_site):
        done = recapkit("lint", ".", cwd=root)
        assert done.returncode == 1, done.stderr
        assert "content/posts/ok.md:6:1: RK301" in done.stdout


# --- writing reports: -o to devices, FIFOs and descriptors ---------------------------------


def test_a_report_to_a_descriptor_path_reaches_stdout(site: Path) -> None:
    done = recapkit("lint", "content", "-o", "/proc/self/fd/1", cwd=site)
    assert done.returncode == 1
    assert "content/posts/ok.md:6:1: RK301" in done.stdout


def test_a_report_to_a_fifo_is_streamed_and_the_fifo_stays(site: Path) -> None:
    fifo = FifoReader(site / "report.fifo")
    done = recapkit("lint", "content", "--output-format", "json", "-o", str(fifo.path), cwd=site)
    assert done.returncode == 1
    assert json.loads(fifo.text())["diagnostics"][0]["code"] == "RK301"
    assert stat.S_ISFIFO(fifo.path.lstat().st_mode)


@needs_root
def test_a_report_to_a_device_node_keeps_the_node(site: Path) -> None:
    device = site / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for command in (["lint", "content"], ["schema"]):
        done = recapkit(*command, "-o", str(device), cwd=site)
        assert done.returncode in (0, 1), done.stderr
        assert stat.S_ISCHR(device.lstat().st_mode) and device.stat().st_rdev == os.makedev(1, 3)


# --- text that cannot be encoded, and text that drives the terminal -------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_lone_surrogate_is_a_finding_in_every_format(site: Path, fmt: str) -> None:
    posts = site / "content" / "posts"
    write(posts / "a-surrogate.md", '{\n  "title": "ok",\n  "tags": ["a\\ud800b"]\n}\n\nbody\n')

    done = recapkit("lint", "content", "--output-format", fmt, cwd=site)

    assert done.returncode == 1 and "Traceback" not in done.stderr
    # The Markdown summary backslash-escapes every ASCII punctuation mark; read it unescaped.
    shown = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", done.stdout) if fmt == "markdown" else done.stdout
    assert "\\ud800 is half of a UTF-16 surrogate pair" in shown
    assert "RK301" in shown  # the post after it was linted too


def test_fix_goes_on_past_a_post_with_a_lone_surrogate(site: Path) -> None:
    posts = site / "content" / "posts"
    bad = write(posts / "a-surrogate.md", '{"title": "\\udc00"}\n\n##Talks\n')
    done = recapkit("lint", "--fix", "content", cwd=site)
    assert done.returncode == 1, done.stderr
    assert "content/posts/a-surrogate.md:1:12: RK102" in done.stdout
    assert (posts / "ok.md").read_text() == FIXED
    assert bad.read_text() == '{"title": "\\udc00"}\n\n## Talks\n'  # the body still fixed


def test_terminal_escapes_from_a_post_are_shown_escaped(site: Path) -> None:
    text = '---\ntitle: t\ndate: 2025-01-01\ntags: "go \\e]0;pwned\\a"\n---\n'
    write(site / "content" / "posts" / "ok.md", text)
    done = recapkit("lint", "content", cwd=site)
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "RK104" in done.stdout and "'go \\x1b]0;pwned\\x07'" in done.stdout


def test_a_file_name_that_is_not_utf8_is_shown_by_its_bytes(site: Path) -> None:
    posts = os.fsencode(site / "content" / "posts")
    with open(posts + b"/\xff-post.md", "wb") as stream:
        stream.write(POST.encode())
    done = recapkit("lint", "content", cwd=site)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "content/posts/\\xff-post.md:6:1: RK301" in done.stdout
    second = recapkit("lint", "content", cwd=site)  # the cache wrote and read the name back
    assert second.stdout == done.stdout


# --- --fix writes only inside the site, and only what may be written --------------------------


def test_fix_does_not_write_through_a_link_out_of_the_site(site: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "deploy.sh", POST)
    write(tmp_path / "outside" / "dir" / "post.md", POST)
    (site / "content" / "posts" / "evil.md").symlink_to(outside)
    (site / "content" / "linked").symlink_to(tmp_path / "outside" / "dir")

    done = recapkit("lint", "--fix", "content/posts/evil.md", "content/linked", cwd=site)

    assert done.returncode == 1
    assert (
        outside.read_text() == POST
        and (tmp_path / "outside" / "dir" / "post.md").read_text() == POST
    )
    assert (
        f"warning: content/posts/evil.md: not fixed: it is a link to {outside}, "
        f"outside the site ({site})"
    ) in done.stderr
    assert "warning: content/linked/post.md: not fixed: it is a link to " in done.stderr
    assert "content/posts/evil.md:6:1: RK301" in done.stdout  # linted all the same


def test_fix_follows_a_link_that_stays_in_the_site(site: Path) -> None:
    posts = site / "content" / "posts"
    (posts / "alias.md").symlink_to("ok.md")
    done = recapkit("lint", "--fix", "content/posts/alias.md", cwd=site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (posts / "ok.md").read_text() == FIXED and (posts / "alias.md").is_symlink()


def test_fix_leaves_a_read_only_post_alone_even_as_root(site: Path) -> None:
    post = site / "content" / "posts" / "ok.md"
    post.chmod(0o444)
    done = recapkit("lint", "--fix", "content", cwd=site)
    assert done.returncode == 1
    assert "warning: content/posts/ok.md: not fixed: it is read-only (mode 0444)" in done.stderr
    assert post.read_text() == POST and stat.S_IMODE(post.stat().st_mode) == 0o444


@needs_root
def test_fix_leaves_a_post_the_user_may_not_write_alone(
    shared_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder is writable by all, so the rename itself would succeed: only the check stops it.
    post = write(shared_tmp / "content" / "posts" / "ok.md", POST)
    (shared_tmp / "content").chmod(0o777)
    (shared_tmp / "content" / "posts").chmod(0o777)
    monkeypatch.chdir(shared_tmp)
    main(["lint", "--no-cache", "--fix", "content"])  # imports done before the fork

    post.write_text(POST)

    def run() -> tuple[int, str]:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["lint", "--no-cache", "--fix", "content"])
        return code, err.getvalue()

    code, err = as_nobody(run)
    assert code == 1
    assert "content/posts/ok.md: not fixed: no permission to write it" in err
    assert post.read_text() == POST and post.stat().st_uid == 0
