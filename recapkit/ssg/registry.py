"""The generators recapkit knows, in detection order, and the generic reading for a site whose
generator is unknown.

The registry is an explicit list: adding a generator is one module plus one line here (or, for a
plugin or a test, :func:`register`). Everything that lists generators (the ``--ssg`` choices, the
``ssg`` config key, detection, the docs) asks this module.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recapkit.errors import UsageError
from recapkit.post.ssg_tags import TagSyntax
from recapkit.post.types import ImageKind, ImageRef
from recapkit.ssg import hexo, hugo, jekyll, zola
from recapkit.ssg.base import Claim, Generator, KeyVocabulary, PostTarget, Site, content_of
from recapkit.ssg.config_file import Folder
from recapkit.ssg.kinds import top_level_page

if TYPE_CHECKING:
    from collections.abc import Mapping

    from recapkit.data.model import Recap
    from recapkit.post.types import Post

_GENERATORS: list[Generator] = [hugo.GENERATOR, hexo.GENERATOR, jekyll.GENERATOR, zola.GENERATOR]
"""Detection and listing order (the ``--ssg`` choices, the docs); a folder whose config files two
generators claim equally is an error that asks for ``--ssg``, whatever the order."""


def generators() -> tuple[Generator, ...]:
    """Every registered generator, in detection order."""
    return tuple(_GENERATORS)


def names() -> tuple[str, ...]:
    """The registered generators' names (the ``--ssg`` and ``ssg`` choices besides ``auto``)."""
    return tuple(generator.name for generator in _GENERATORS)


def labels() -> str:
    """The registered generators' labels for a message: ``Hugo, Hexo, Jekyll or Zola``."""
    shown = [generator.label for generator in _GENERATORS]
    return ", ".join(shown[:-1]) + " or " + shown[-1] if len(shown) > 1 else "".join(shown)


def get(name: str) -> Generator:
    """The generator called *name* (any case); a :class:`UsageError` naming the choices otherwise."""
    wanted = str(name).lower()
    for generator in _GENERATORS:
        if generator.name == wanted:
            return generator
    raise UsageError(f"unknown SSG {name!r}; choose one of {', '.join(names())}")


def register(generator: Generator) -> None:
    """Add *generator* (after the built-in ones, so it never changes how they are detected)."""
    if generator.name in names():
        raise ValueError(f"a generator called {generator.name!r} is already registered")
    _GENERATORS.append(generator)
    generic.cache_clear()


def unregister(name: str) -> None:
    """Remove the generator called *name* (for tests and plugins that registered one)."""
    _GENERATORS[:] = [g for g in _GENERATORS if g.name != name]
    generic.cache_clear()


@contextmanager
def registered(generator: Generator) -> Iterator[Generator]:
    """``with registered(MyGenerator()):`` the generator is known inside the block only."""
    register(generator)
    try:
        yield generator
    finally:
        unregister(generator.name)


def tag_owner(kind: ImageKind) -> Generator | None:
    """The generator whose tags write images of *kind* (``{% asset_img %}``: Hexo's), if any."""
    return next((g for g in _GENERATORS if kind in g.tag_image_kinds), None)


class Generic(Generator):
    """How recapkit reads a site whose generator it could not tell: generic Markdown.

    Every generator's tags and image keys are read (a post may use any of them) and a date may
    come from any of their date keys or the file name; but nothing that only one generator
    decides is judged: no key vocabulary (no "did you mean" toward another generator's keys), no
    date required, file names not taken for post dates. Nothing can be written for it.
    """

    name = "generic"
    label = "generic"
    is_generic = True
    section_index_names = frozenset({"_index.md"})

    def __init__(self, members: Sequence[Generator]) -> None:
        self.members = tuple(members)
        self.keys = KeyVocabulary(  # type: ignore[misc]  # per instance: the members decide
            frozenset(),  # no vocabulary: which keys are known is the generator's to say
            case_sensitive=False,
            date_keys=tuple(dict.fromkeys(k for g in members for k in g.keys.date_keys)),
            date_from_filename=True,
        )
        self.tags = functools.reduce(  # type: ignore[misc]
            lambda a, b: a | b, (g.tags for g in members), TagSyntax()
        )
        self.image_keys = tuple(  # type: ignore[misc]
            dict.fromkeys(k for g in members for k in g.image_keys)
        )
        self.theme_image_keys = tuple(  # type: ignore[misc]
            dict.fromkeys(k for g in members for k in g.theme_image_keys)
        )
        self.section_index_names = frozenset().union(  # type: ignore[misc]
            *(g.section_index_names for g in members)
        )

    def claim(self, folder: Folder) -> Claim | None:
        return None

    def name_date(self, post: Post, site: Site | None) -> date | None:
        return None  # `2020-04-13.md` may be a meeting's day, not the post's

    def config_files(self, root: Path) -> tuple[Path, ...]:
        return ()

    def site(self, root: Path, config: Mapping[str, Any], config_file: Path | None) -> Site:
        raise UsageError("cannot read a site without knowing its generator; pass --ssg")

    def is_page_by_place(self, post: Post, site: Site | None) -> bool:
        return top_level_page(post, content_of(site))

    def strip_url_templates(self, src: str) -> str:
        for member in self.members:
            src = member.strip_url_templates(src)
        return src

    def disarm(self, text: str) -> str:
        raise UsageError("cannot write for a site without knowing its SSG; pass --ssg")

    def post_target(
        self, site: Site, slug: str, day: date, section: Sequence[str] | None
    ) -> PostTarget:
        raise UsageError(f"cannot tell which SSG {site.root} uses; pass --ssg")

    def front_matter(self, recap: Recap, site: Site | None) -> dict[str, Any]:
        raise UsageError("cannot write front matter without knowing the SSG; pass --ssg")


@functools.cache
def generic() -> Generic:
    """The reading for a site whose generator is unknown, from every registered generator."""
    return Generic(_GENERATORS)


def reading(site: Site | None) -> Generator:
    """The generator whose rules apply to a post of *site*: its own, else :func:`generic`."""
    return site.generator if site is not None else generic()


def image_resolver(site: Site | None, ref: ImageRef) -> Generator:
    """Who decides where *ref* leads: the author of the tag it was written with, else the
    site's generator (else the generic reading)."""
    return tag_owner(ref.kind) or reading(site)
