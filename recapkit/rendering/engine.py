"""Render a :class:`~recapkit.data.model.Recap` into a post for an SSG: front matter + Markdown body.

The body comes from a Jinja2 template (``StrictUndefined``, ``keep_trailing_newline``, no
autoescape: it is Markdown). Data reaches templates only as values, never as template source,
so ``{{ 7*7 }}`` in a title stays text; and the environment's ``finalize`` makes the SSG's own
template syntax inert in every value a template outputs, filtered or not, so the SSG does not
run it either (a custom template's bare ``{{ recap.title }}`` is as safe as the built-ins). The front matter is built here as a mapping and written
by :mod:`recapkit.rendering.front_matter`; a template may export ``front_matter`` to choose its keys.

Template lookup (:func:`find_template`): a path to a file, else a name in *search_paths* (the
site's template folder), else the built-ins shipped in ``recapkit/templates``.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from recapkit.data.model import Recap
from recapkit.errors import RecapkitError, UsageError
from recapkit.post.front_matter_dump import dump_front_matter
from recapkit.rendering.blocks import BlockSyntaxError, block_key, seal
from recapkit.rendering.filters import FILTERS
from recapkit.rendering.front_matter import build_front_matter, front_matter_format
from recapkit.rendering.markdown_text import Safe
from recapkit.ssg import registry
from recapkit.ssg.base import Generator, Site

SITE_TEMPLATE_DIR = Path(".recapkit") / "templates"
"""A site's own template folder, searched after ``--template-dir`` and before the built-ins."""
LANGS = ("en", "zh")
LAYOUTS = ("form", "notes")
"""The built-in body layouts. ``form``: the lead, an event facts block, a section per talk
with its facts as a list, keywords last. ``notes``: the writer's narrative: the lead with one
line of when and where, keywords up front, each talk a section with its speakers on one line,
its photos, prose, takeaways and quotes, and the closing summary."""
DEFAULT_LAYOUT = "form"
"""What recapkit 1.x wrote, kept so that existing posts, goldens and site overrides of
``<lang>.md.j2`` do not change under a writer; a site picks ``notes`` in its configuration."""
TEMPLATE_SUFFIX = ".md.j2"


class TemplateError(RecapkitError):
    """A template is missing, invalid or failed while rendering; names the template and line."""


@functools.lru_cache(maxsize=32)
def environment(search_paths: tuple[str, ...], ssg: str) -> jinja2.Environment:
    """The Jinja2 environment for *ssg*, loading from *search_paths* then the built-ins.

    Cached, so templates compile once per folder list and SSG. Its ``finalize`` runs on every
    ``{{ ... }}`` output, so no template, however written, can pass the data to the SSG as code.
    """
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(list(search_paths))]
    loaders.append(jinja2.PackageLoader("recapkit.rendering", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML; the md_* filters do Markdown's escaping
        auto_reload=False,
        finalize=_finalizer(ssg),
    )
    env.filters.update(FILTERS)
    env.filters["block_key"] = block_key
    return env


def _finalizer(ssg: str) -> Callable[[Any], str]:
    disarm = registry.get(ssg).disarm

    def finalize(value: Any) -> str:
        # The md_* filters' results are already neutral (and Markdown-escaped): skip the work.
        return value if type(value) is Safe else disarm(str(value))

    return finalize


def site_template_dirs(site_root: Path | None, extra: Sequence[str | Path] = ()) -> list[Path]:
    """*extra* folders first, then the site's ``.recapkit/templates`` when it has one."""
    dirs = [Path(d) for d in extra]
    if site_root is not None and (site_root / SITE_TEMPLATE_DIR).is_dir():
        dirs.append(site_root / SITE_TEMPLATE_DIR)
    return dirs


def find_template(
    template: str | Path | None,
    *,
    ssg: str,
    lang: str,
    search_paths: Sequence[str | Path] = (),
    layout: str = DEFAULT_LAYOUT,
) -> jinja2.Template:
    """The template to use: a file path, a name in *search_paths*, or the built-in *layout*
    for ssg/lang (``<lang>.md.j2`` for ``form``, ``<layout>-<lang>.md.j2`` for the others)."""
    paths = tuple(str(p) for p in search_paths)
    if template is None:
        if layout not in LAYOUTS:
            raise UsageError(f"unknown layout {layout!r}: use {' or '.join(LAYOUTS)}")
        base = lang if layout == "form" else f"{layout}-{lang}"
        # A generator's own `<ssg>/<base>` (a site may add one) before the shared built-in.
        names = [f"{ssg}/{base}{TEMPLATE_SUFFIX}", f"{base}{TEMPLATE_SUFFIX}"]
        return _load(environment(paths, ssg), names)
    as_path = Path(template)
    if as_path.is_file():
        # The file's own folder comes first, so it can include its siblings and the built-ins.
        env = environment((str(as_path.resolve().parent), *paths), ssg)
        return _load(env, [as_path.name])
    if isinstance(template, Path) or (
        "/" in str(template) and str(template).endswith(TEMPLATE_SUFFIX)
    ):
        raise TemplateError(f"template file not found: {template}")
    name = str(template)
    candidates = [f"{name}{TEMPLATE_SUFFIX}", f"{name}/{ssg}-{lang}{TEMPLATE_SUFFIX}", name]
    return _load(environment(paths, ssg), candidates)


def _load(env: jinja2.Environment, names: list[str]) -> jinja2.Template:
    try:
        return env.select_template(names)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(_describe_syntax_error(exc)) from None
    except jinja2.TemplatesNotFound:
        raise TemplateError(
            f"template not found: {names[0].removesuffix(TEMPLATE_SUFFIX)} (looked for "
            + ", ".join(names)
            + " in the template folders and the built-ins)"
        ) from None


def _describe_syntax_error(exc: jinja2.TemplateSyntaxError) -> str:
    where = exc.filename or exc.name or "<template>"
    return f"{where}:{exc.lineno}: template syntax error: {exc.message}"


def _describe_runtime_error(exc: Exception, template: jinja2.Template) -> str:
    """The innermost template frame of *exc* ("file:line"), as Jinja maps template lines."""
    where = f"{template.filename or template.name}"
    for frame in traceback.extract_tb(exc.__traceback__):
        if not frame.filename.endswith(".py") and frame.lineno:
            where = f"{frame.filename}:{frame.lineno}"
    return f"{where}: {type(exc).__name__}: {exc}"


def render(
    recap: Recap,
    *,
    ssg: str | Generator,
    lang: str | None = None,
    template: str | Path | None = None,
    search_paths: Sequence[str | Path] = (),
    front_matter: str | None = None,
    include_data: bool = True,
    scaffold: bool = False,
    layout: str | None = None,
    site: Site | None = None,
    body_layout: str | None = None,
    placeholder_talks: int = 1,
) -> str:
    """The post text for *recap*: front matter block then the body. Deterministic.

    *ssg* is the generator (or its name); *site*, when given, lets it fit the post to the site
    (Jekyll's layouts). *lang* defaults to the recap's language (``zh`` for any ``zh-*`` tag,
    else ``en``); *front_matter* is ``"yaml"`` or ``"toml"`` where the generator reads both
    (Hugo); *include_data* puts the recap's structured data in the front matter so that
    ``load_post(path).recap == recap``; *scaffold* adds ``TODO(recapkit):`` markers for every
    part a writer still has to fill, and *placeholder_talks* placeholder talks to a recap without
    talks; *layout* replaces the ``layout:`` a generator writes; *body_layout* is the built-in body
    (one of :data:`LAYOUTS`, default :data:`DEFAULT_LAYOUT`) used when no *template* is given.
    """
    generator = ssg if isinstance(ssg, Generator) else registry.get(ssg)
    lang = lang or default_lang(recap)
    fmt = front_matter_format(generator, front_matter)
    tmpl = find_template(
        template,
        ssg=generator.name,
        lang=lang,
        search_paths=search_paths,
        layout=body_layout or DEFAULT_LAYOUT,
    )
    default_keys = generator.front_matter(recap, site)
    if layout is not None and "layout" in default_keys:
        default_keys["layout"] = layout
    context = {
        "recap": recap,
        "ssg": generator.name,
        "lang": lang,
        "scaffold": scaffold,
        "placeholder_talks": placeholder_talks if scaffold else 0,
        "more_separator": generator.more_separator,
        "default_front_matter": default_keys,
    }
    try:
        module = _make_module(tmpl, context)
        body = _sealed(str(module), tmpl)
        keys = getattr(module, "front_matter", default_keys)
    except jinja2.TemplateSyntaxError as exc:  # an included template failed to compile
        raise TemplateError(_describe_syntax_error(exc)) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        raise TemplateError(_describe_runtime_error(exc, tmpl)) from None
    if not isinstance(keys, Mapping):
        raise TemplateError(f"{tmpl.filename}: front_matter must be a mapping, got {keys!r}")
    data = _recap_data(recap) if include_data else None
    fm = build_front_matter(recap, generator=generator, fmt=fmt, keys=keys, data=data, site=site)
    return dump_front_matter(fm, fmt) + "\n" + body.lstrip("\n")


def _sealed(body: str, tmpl: jinja2.Template) -> str:
    """*body* with the hash of each generated block, for ``render --update``."""
    try:
        return seal(body)
    except BlockSyntaxError as exc:  # a template's markers, or a marker line in a data text
        raise TemplateError(f"{tmpl.filename or tmpl.name}: generated blocks: {exc}") from None


def _make_module(tmpl: jinja2.Template, context: dict[str, Any]) -> Any:
    """Render *tmpl* and keep its exported names; errors get Jinja's template-line traceback."""
    try:
        return tmpl.make_module(context)
    except Exception:
        tmpl.environment.handle_exception()  # re-raises with frames at template lines


def default_lang(recap: Recap) -> str:
    return "zh" if recap.lang.lower().split("-")[0] == "zh" else "en"


def _recap_data(recap: Recap) -> dict[str, Any]:
    from recapkit.data.convert import unstructure_recap  # the data layer's one converter

    return unstructure_recap(recap)
