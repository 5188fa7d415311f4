"""Remote options: the config table, the command-line flags and how they merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recapkit.commands._remote_flags import REMOTE_PARAM_NAMES, remote_flags, remote_options
from recapkit.errors import ConfigError, UsageError
from recapkit.lint.remote.options import (
    RemoteConfig,
    RemoteFlags,
    RemoteOptions,
    build_remote_options,
    host_matches,
    parse_duration,
    parse_remote_config,
)


def raw_flags(*argv: str) -> dict[str, Any]:
    """What a command decorated with remote_options receives for *argv*."""
    seen: dict[str, Any] = {}

    @click.command()
    @remote_options
    def command(**kwargs: Any) -> None:
        seen.update(kwargs)

    command.main(list(argv), standalone_mode=False)
    return seen


def parse_flags(*argv: str) -> RemoteFlags:
    """The typed remote flags of *argv*."""
    return remote_flags(raw_flags(*argv))


def test_every_flag_reaches_the_command_under_its_documented_name() -> None:
    assert set(raw_flags()) == set(REMOTE_PARAM_NAMES)


def test_defaults_leave_remote_checks_off() -> None:
    options = build_remote_options(parse_flags())
    assert options == RemoteOptions()
    assert not options.enabled


def test_flags_become_options() -> None:
    flags = parse_flags(
        "--remote", "--links", "--max-concurrency", "8", "--per-host-concurrency", "2",
        "--per-host-interval", "250", "--timeout", "3", "--connect-timeout", "1",
        "--max-retries", "0", "--max-retry-wait", "1m", "--max-cache-age", "12h",
        "--cache-dir", "ci-cache", "--allow-private", "--exclude-url", "example\\.com",
        "--include-url", "keep", "--user-agent", "bot/1", "--site-url", "https://blog.example.com/",
    )  # fmt: skip
    options = build_remote_options(flags, hotlink_hosts=["mmbiz.qpic.cn"])
    assert options.enabled and options.include_links and options.allow_private
    assert (options.max_concurrency, options.per_host_concurrency, options.max_retries) == (8, 2, 0)
    assert (options.per_host_interval, options.timeout, options.connect_timeout) == (
        250.0,
        3.0,
        1.0,
    )
    assert (options.max_retry_wait, options.max_cache_age) == (60.0, 43200.0)
    assert options.cache_dir == Path("ci-cache")
    assert options.is_excluded("https://example.com/a") and not options.is_excluded(
        "https://example.com/keep"
    )
    assert options.user_agent == "bot/1"
    assert options.referer_for("mmbiz.qpic.cn") == "https://blog.example.com/"
    assert options.referer_for("img.example.com") is None


def test_links_implies_remote_and_offline_wins() -> None:
    assert build_remote_options(parse_flags("--links")).enabled
    assert not build_remote_options(parse_flags("--remote", "--offline")).enabled
    config = RemoteConfig(enabled=True)
    assert not build_remote_options(parse_flags("--offline"), config=config).enabled
    assert not build_remote_options(parse_flags("--no-remote"), config=config).enabled


def test_bad_flag_values_are_usage_errors() -> None:
    with pytest.raises(click.BadParameter, match="not a duration"):
        parse_flags("--max-cache-age", "forever")
    with pytest.raises(UsageError, match="invalid regular expression"):
        build_remote_options(parse_flags("--exclude-url", "(unclosed"))
    with pytest.raises(ConfigError, match="--site-url"):
        build_remote_options(parse_flags("--site-url", "blog.example.com"))


def test_the_config_table_is_validated_and_merged(tmp_path: Path) -> None:
    raw = {
        "enabled": True,
        "links": True,
        "per-host-concurrency": 2,
        "max-cache-age": "7d",
        "timeout": 20,
        "cache-dir": ".cache/recapkit",
        "exclude": ["^https://internal\\."],
        "user-agent": "my-blog-ci",
        "site-url": "https://blog.example.com/",
        "headers": {"api.github.com": {"Authorization": "Bearer ${GH_TOKEN}"}},
    }
    config = parse_remote_config(raw, base_dir=tmp_path, env={"GH_TOKEN": "s3cret"})
    options = build_remote_options(
        parse_flags("--timeout", "5", "--exclude-url", "x"), config=config
    )
    assert options.enabled and options.include_links
    assert options.per_host_concurrency == 2 and options.max_cache_age == 7 * 86400
    assert options.timeout == 5.0  # the command line wins
    assert options.cache_dir == tmp_path / ".cache/recapkit"
    assert [p.pattern for p in options.exclude] == ["^https://internal\\.", "x"]
    assert options.headers_for("api.github.com") == {"Authorization": "Bearer s3cret"}
    assert options.headers_for("github.com") == {}


def test_a_header_whose_variable_is_unset_is_left_out() -> None:
    """A pull request from a fork has no secrets: the check runs without the token."""
    config = parse_remote_config(
        {"headers": {"*.example.com": {"X-Token": "${MISSING}", "X-Plain": "1"}}}, env={}
    )
    options = build_remote_options(parse_flags(), config=config)
    assert options.headers_for("img.example.com") == {"X-Plain": "1"}
    assert options.headers_for("example.org") == {}


def test_accept_comes_from_the_config_as_a_list_or_ranges_and_the_flag_wins() -> None:
    listed = parse_remote_config({"accept": [200, 429]})
    assert build_remote_options(parse_flags(), config=listed).accept == {200, 429}
    ranged = parse_remote_config({"accept": "200..=204,429"})
    assert ranged.accept == {200, 201, 202, 203, 204, 429}
    assert parse_remote_config({"accept": "200..204"}).accept == {200, 201, 202, 203}
    options = build_remote_options(parse_flags("--accept", "200"), config=ranged)
    assert options.accept == {200} and not options.accepts(204)
    assert build_remote_options(parse_flags()).accepts(204)  # no --accept: any 2xx


def test_header_flags_add_to_the_config_and_win_for_the_same_name() -> None:
    config = parse_remote_config({"headers": {"api.github.com": {"X-A": "config"}}})
    options = build_remote_options(
        parse_flags("-H", "X-A: flag", "-H", "*.github.com X-B: $B"),
        config=config,
        env={"B": " b \n"},
    )
    assert options.headers_for("api.github.com") == {"X-A": "flag", "X-B": "b"}
    assert options.headers_for("example.org") == {"X-A": "flag"}


def test_a_bare_boolean_enables_remote_checks() -> None:
    assert parse_remote_config(True) == RemoteConfig(enabled=True)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"enable": True}, "unknown key 'enable'"),
        ({"enabled": "yes"}, "enabled: expected true or false"),
        ({"max-concurrency": 0}, "at least 1"),
        ({"max-retries": True}, "expected an integer"),
        ({"timeout": "soon"}, "not a duration"),
        ({"exclude": ["("]}, "invalid regular expression"),
        ({"site-url": "example.com"}, "expected an http"),
        ({"headers": {"h": {"Bad Name": "x"}}}, "invalid header name"),
        ({"headers": {"h": {"X-A": "a\r\nInjected: 1"}}}, "one-line string"),
        ({"accept": "2xx"}, "accept: not a status or a range"),
        ({"accept": True}, "accept: expected a list of statuses or a string"),
        ("on", "expected a table or true/false"),
    ],
)
def test_config_errors_name_the_key(raw: Any, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        parse_remote_config(raw, where="pyproject.toml: [tool.recapkit.remote]")
    assert str(info.value).startswith("pyproject.toml: [tool.recapkit.remote]")


@given(
    st.integers(min_value=0, max_value=10**6), st.sampled_from(["", "ms", "s", "m", "h", "d", "w"])
)
@settings(max_examples=100, deadline=None)
def test_durations_scale_by_their_unit(number: int, unit: str) -> None:
    factor = {"": 1, "ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit]
    assert parse_duration(f"{number}{unit}") == pytest.approx(number * factor)


def test_hotlink_hosts_match_subdomains() -> None:
    assert host_matches("mmbiz.qpic.cn", ("qpic.cn",))
    assert host_matches("MMBIZ.QPIC.CN.", ("mmbiz.qpic.cn",))
    assert not host_matches("notqpic.cn", ("qpic.cn",))
