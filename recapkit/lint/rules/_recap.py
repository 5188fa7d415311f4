"""What the recap rules share: the typed recap if valid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recapkit.errors import RecapkitError

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
