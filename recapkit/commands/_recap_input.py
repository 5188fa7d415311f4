"""A recap from a data file or from a post's front matter, for commands that take either.

A data file (``.yaml``, ``.yml``, ``.toml``, ``.json``) is read as ``recapkit validate`` reads
it. Any other file is read as a post, and its recap data is the recap: its ``recap:`` block (Zola:
``[extra.recap]``), with each problem reported at its line in the post as ``recapkit lint``
(RK108) reports it, or the sidecar or data-folder file :attr:`Post.recap` reads. Either way the problems come as one :class:`DataFileError`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from recapkit.data.convert import structure_recap
from recapkit.data.files import FORMATS, load_recap
from recapkit.data.problems import (
    DataFileError,
    FileProblem,
    RecapDataError,
    file_problem,
    format_path,
)
from recapkit.errors import UsageError
from recapkit.post.types import LoadProblemKind, recap_block, recap_prefix
from recapkit.post.where import locate_in_front_matter
from recapkit.ssg.posts import load_post

if TYPE_CHECKING:
    from recapkit.data.model import Recap
    from recapkit.post.types import Post


def load_data_or_post(path: str | os.PathLike[str], *, timezone: str | None = None) -> Recap:
    """The recap of a data file, or of the post at *path*.

    Raises :class:`DataFileError` for data that does not fit the model (every problem with its
    line), and :class:`UsageError` for a file that cannot be read or a post without a recap.
    """
    if Path(path).suffix.lower() in FORMATS:
        return load_recap(path, timezone=timezone)
    return _post_recap(load_post(path), timezone)


def _post_recap(post: Post, timezone: str | None) -> Recap:
    name = str(post.path)
    if post.problem is not None:
        if post.problem.kind is LoadProblemKind.UNREADABLE:
            raise UsageError(f"{name}: {post.problem.message}")
        raise file_problem(name, post.problem.message, post.problem.line, post.problem.column)
    front_matter = post.front_matter
    if front_matter is not None and front_matter.error is not None:
        error = front_matter.error
        raise file_problem(name, f"front matter: {error.message}", error.line, error.column)
    source = post.recap_source
    if source is not None and source.path is not None:  # a sidecar or the data folder's file
        return load_recap(source.path, timezone=timezone)
    raw = recap_block(post.data)
    if raw is None:
        raise UsageError(
            f"{name}: no recap data: the post's front matter has no `recap:` block "
            f"(Zola: [extra.recap]), no sidecar ({post.path.stem}.recap.yaml) and the site's "
            "data folder no file for it; pass a data file instead"
        )
    try:
        return structure_recap(raw, timezone=timezone)
    except RecapDataError as exc:
        raise DataFileError(_placed(post, exc)) from None


def _placed(post: Post, error: RecapDataError) -> list[FileProblem]:
    """*error*'s problems at their lines in the post, each with its path from the top of the
    front matter (``recap.talks[0].title``)."""
    problems = []
    for problem in error.problems:
        path = (*recap_prefix(post.data), *problem.path)
        where = locate_in_front_matter(post, path)
        problems.append(
            FileProblem(
                str(post.path), where.line, where.column, format_path(path), problem.message
            )
        )
    return problems
