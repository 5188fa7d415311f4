"""What the recap rules share: where the recap block is, and the typed recap if valid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from recapkit.errors import RecapkitError

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post


def recap_prefix(post: Post) -> tuple[str, ...]:
    """Where the recap block sits in the front matter: ``recap`` or Zola's ``extra.recap``."""
    return ("recap",) if "recap" in post.data else ("extra", "recap")


def typed_recap(post: Post) -> Recap | None:
    """The post's typed recap, or None when it has none or it is invalid (RK108's business)."""
    try:
        return post.recap
    except RecapkitError:
        return None
