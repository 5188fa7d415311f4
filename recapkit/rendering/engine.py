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
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from recapkit.data.model import Recap
from recapkit.errors import RecapkitError, UsageError
from recapkit.rendering.filters import FILTERS, Safe, inert_syntax
from recapkit.rendering.front_matter import FrontMatterStyle, dump_front_matter, format_date, prune

SSGS = ("hugo", "hexo", "jekyll", "zola")
SITE_TEMPLATE_DIR = Path(".recapkit") / "templates"
"""A site's own template folder, searched after ``--template-dir`` and before the built-ins."""
LANGS = ("en", "zh")
TEMPLATE_SUFFIX = ".md.j2"

# Where each SSG cuts the summary shown on list pages (Jekyll's default is the first paragraph).
MORE_SEPARATORS = {
    "hugo": "<!--more-->",
    "hexo": "<!-- more -->",
    "jekyll": "",
    "zola": "<!-- more -->",
}

# Zola silently ignores unknown top-level keys: everything else goes under [extra] to be kept.
_ZOLA_TOP_LEVEL = frozenset(
    {"title", "description", "date", "updated", "weight", "draft", "slug", "path", "aliases"}
    | {"in_search_index", "template", "taxonomies", "extra"}
)


class TemplateError(RecapkitError):
    """A template is missing, invalid or failed while rendering; names the template and line."""


@functools.lru_cache(maxsize=32)
def environment(search_paths: tuple[str, ...] = (), ssg: str = "hugo") -> jinja2.Environment:
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
    return env


def _finalizer(ssg: str) -> Callable[[Any], str]:
    def finalize(value: Any) -> str:
        # The md_* filters' results are already neutral (and Markdown-escaped): skip the work.
        return value if type(value) is Safe else inert_syntax(str(value), ssg)

    return finalize


def site_template_dirs(site_root: Path | None, extra: Sequence[str | Path] = ()) -> list[Path]:
    """*extra* folders first, then the site's ``.recapkit/templates`` when it has one."""
    dirs = [Path(d) for d in extra]
    if site_root is not None and (site_root / SITE_TEMPLATE_DIR).is_dir():
        dirs.append(site_root / SITE_TEMPLATE_DIR)
    return dirs


def find_template(
    template: str | Path | None, *, ssg: str, lang: str, search_paths: Sequence[str | Path] = ()
) -> jinja2.Template:
    """The template to use: a file path, a name in *search_paths*, or the built-in for ssg/lang."""
    paths = tuple(str(p) for p in search_paths)
    if template is None:
        return _load(environment(paths, ssg), [f"{ssg}/{lang}{TEMPLATE_SUFFIX}"])
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


def default_front_matter(recap: Recap, ssg: str, layout: str = "post") -> dict[str, Any]:
    """The keys after title and date that the built-in templates write, per SSG.

    *layout* is Jekyll's ``layout:`` (see :func:`recapkit.scaffolding.post_layout`)."""
    cover = recap.cover
    if ssg == "zola":
        return {
            "draft": recap.draft or None,
            "slug": recap.slug,
            "taxonomies": {"tags": recap.tags or None, "categories": recap.categories or None},
            "extra": {"authors": recap.authors or None, "cover": cover},
        }
    if ssg == "hugo":
        fm: dict[str, Any] = {"draft": recap.draft, "slug": recap.slug}
        fm.update(authors=recap.authors, tags=recap.tags, categories=recap.categories)
        fm["images"] = [cover] if cover else None
        return _drop_empty(fm)
    fm = {"layout": layout} if ssg == "jekyll" else {}
    fm.update(authors=recap.authors, tags=recap.tags, categories=recap.categories)
    if ssg == "hexo" and len(recap.categories) > 1:
        # Hexo reads a flat list as one hierarchy (a > b); the recap's categories are siblings.
        fm["categories"] = [[category] for category in recap.categories]
    fm["image" if ssg == "jekyll" else "cover"] = cover
    fm["published"] = False if recap.draft else None  # neither has `draft:`: drafts don't publish
    return _drop_empty(fm)


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != ()}


def build_front_matter(
    recap: Recap,
    *,
    ssg: str,
    style: FrontMatterStyle,
    keys: Mapping[str, Any],
    data: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """title, date, then *keys* in their order, then the recap data (``[extra.recap]`` in Zola)."""
    fm: dict[str, Any] = {"title": recap.title, "date": recap.date}
    fm.update(keys)
    if isinstance(fm["date"], date):
        fm["date"] = format_date(fm["date"], ssg, style)
    if data is not None and "recap" not in fm:
        fm["recap"] = data
    if ssg != "zola":
        return fm
    extra = dict(fm.pop("extra", None) or {})
    for key in [k for k in fm if k not in _ZOLA_TOP_LEVEL]:
        extra[key] = fm.pop(key)
    fm["extra"] = extra
    for key in ("taxonomies", "extra"):  # an empty `[extra]` table is only noise in a new post
        if isinstance(fm.get(key), Mapping) and not prune(fm[key]):
            del fm[key]
    return fm


def front_matter_style(ssg: str, requested: str | None) -> FrontMatterStyle:
    """YAML for Hugo (TOML on request), Hexo and Jekyll; TOML for Zola."""
    natural = FrontMatterStyle.TOML if ssg == "zola" else FrontMatterStyle.YAML
    if requested is None or requested == natural:
        return natural
    if ssg != "hugo":
        raise UsageError(f"{ssg} front matter is {natural}; only Hugo can also use the other")
    return FrontMatterStyle(requested)


def render(
    recap: Recap,
    *,
    ssg: str,
    lang: str | None = None,
    template: str | Path | None = None,
    search_paths: Sequence[str | Path] = (),
    front_matter: str | None = None,
    include_data: bool = True,
    scaffold: bool = False,
    layout: str = "post",
) -> str:
    """The post text for *recap*: front matter block then the body. Deterministic.

    *lang* defaults to the recap's language (``zh`` for any ``zh-*`` tag, else ``en``);
    *front_matter* is ``"yaml"`` or ``"toml"`` (Hugo only); *include_data* puts the recap's
    structured data in the front matter so that ``load_post(path).recap == recap``;
    *scaffold* adds ``TODO(recapkit):`` markers for every part a writer still has to fill;
    *layout* is the Jekyll layout the front matter names.
    """
    ssg = str(ssg)
    if ssg not in SSGS:
        raise UsageError(f"unknown SSG {ssg!r}; choose one of {', '.join(SSGS)}")
    lang = lang or default_lang(recap)
    style = front_matter_style(ssg, front_matter)
    tmpl = find_template(template, ssg=ssg, lang=lang, search_paths=search_paths)
    context = {
        "recap": recap,
        "ssg": ssg,
        "lang": lang,
        "scaffold": scaffold,
        "more_separator": MORE_SEPARATORS[ssg],
        "default_front_matter": default_front_matter(recap, ssg, layout),
    }
    try:
        module = _make_module(tmpl, context)
        body = str(module)
        keys = getattr(module, "front_matter", context["default_front_matter"])
    except jinja2.TemplateSyntaxError as exc:  # an included template failed to compile
        raise TemplateError(_describe_syntax_error(exc)) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as exc:
        raise TemplateError(_describe_runtime_error(exc, tmpl)) from None
    if not isinstance(keys, Mapping):
        raise TemplateError(f"{tmpl.filename}: front_matter must be a mapping, got {keys!r}")
    data = _recap_data(recap) if include_data else None
    fm = build_front_matter(recap, ssg=ssg, style=style, keys=keys, data=data)
    return dump_front_matter(fm, style) + "\n" + body.lstrip("\n")


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
