"""What the recap rules share: the typed recap if valid, and where a field of it is written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from recapkit.errors import RecapkitError
from recapkit.post.types import recap_prefix
from recapkit.post.where import locate_in_front_matter

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post


def has_recap_data(post: Post) -> bool:
    """Whether *post* carries recap data, valid or not, wherever :attr:`Post.recap` finds it."""
    try:
        return post.recap is not None
    except RecapkitError:
        return True


def typed_recap(post: Post) -> Recap | None:
    """The post's typed recap, or None when it has none or it is invalid (RK108's business)."""
    try:
        return post.recap
    except RecapkitError:
        return None


def recap_field(post: Post, path: Sequence[str | int]) -> tuple[int, int, str]:
    """Where the recap field *path* is written: a 0-based line and column of the post, and a
    note for the message. Data in the front matter is pointed at; data in a file (sidecar,
    data folder) is reported at the post's first line, the note naming the file's position
    (`` (index.recap.yaml:12:5)``)."""
    source = post.recap_source
    if source is None or source.path is None:
        where = locate_in_front_matter(post, (*recap_prefix(post.data), *path))
        return where.line, where.column, ""
    from recapkit.data.files import FORMATS, read_text
    from recapkit.data.positions import Locator

    try:
        text = read_text(source.path)
        line, column = Locator(text, FORMATS[source.path.suffix.lower()]).find(path)
    except (RecapkitError, OSError, KeyError):
        return 0, 0, f" (in {source.path.name})"
    return 0, 0, f" ({source.path.name}:{line + 1}:{column + 1})"
