"""RK108 recap-data: the post's recap data (front matter block or data file) does not fit the
model, or sits in several places."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.data.problems import DataFileError, RecapDataError
from recapkit.errors import RecapkitError
from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.post.recap_source import data_name, named
from recapkit.post.types import recap_prefix
from recapkit.post.where import locate_in_front_matter

if TYPE_CHECKING:
    from recapkit.post.types import Post


class RecapData(Rule[NoOptions]):
    """The post's recap data does not fit the recap model, or it is in several places.

    Posts written with recapkit carry their structured recap (event, talks, speakers,
    takeaways, photos) under `recap:` (Zola: `[extra.recap]`). This rule reads it with the
    same typed model as `recapkit validate` and reports every problem at its own line, with
    the field path: a missing talk title, a speaker given as a string, a photo without alt
    text, an unknown key (with a did-you-mean), a date that is no date. An error: templates and
    tools that read the recap data fail on it. Posts without recap data are not checked.

    The data may also live in a file (see "Where recap data lives" in `docs/posts.md`): a
    sidecar next to the post (`index.recap.yaml`, `my-post.recap.yaml`) or the site's data
    folder (`data/recaps/my-post.yaml`). Its problems are reported on the post, each naming
    the data file's own line and column. When more than one place holds data, the first by the
    documented precedence is read (front matter block, the file `recap_data:` names, sidecar,
    data folder) and a warning names the ones that are not.
    (`recap-without-data`, RK404, tells which posts without data read as recaps).

    ## Why

    The recap block is data that templates render and tools aggregate (talk lists, speaker
    pages). A typo in a key or a wrong type breaks them long after the post was written.

    ## Example

    Bad:

    ```yaml
    recap:
      event:
        name: Go meetup Shanghai
      talks:
        - title: Generics in practice
          speakers: Alice   # a list is expected
          takeways: []      # typo
    ```

    Good:

    ```yaml
    recap:
      event:
        name: Go meetup Shanghai
      talks:
        - title: Generics in practice
          speakers:
            - name: Alice
          takeaways:
            - text: Start with the standard library's constraints package.
    ```

    ## Fix

    Correct the field the message names; `recapkit schema` prints the format and
    `docs/data-format.md` describes every field.
    """

    code = "RK108"
    name = "recap-data"
    summary = "The post's recap data does not fit the typed recap model."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.front_matter is not None and post.front_matter.error is not None:
            return
        yield from self._shadowed(post)
        yield from self._named(post)
        try:
            post.recap  # noqa: B018 - reading it validates it
        except RecapDataError as exc:
            prefix = recap_prefix(post.data)
            for problem in exc.problems:
                where = locate_in_front_matter(post, (*prefix, *problem.path))
                path = ".".join(prefix) + (f".{problem.path_text}" if problem.path else "")
                path = path.replace(".[", "[")
                yield self.diagnostic(post, where.line, where.column, f"{path}: {problem.message}")
        except DataFileError as exc:  # the sidecar's or data folder's file: its own positions
            for file_problem in exc.problems:
                yield self.diagnostic(post, 0, 0, f"recap data file {file_problem}")
        except RecapkitError as exc:  # a data file that cannot be read (a folder, a FIFO)
            yield self.diagnostic(post, 0, 0, f"recap data file: {exc}")

    def _named(self, post: Post) -> Iterator[Diagnostic]:
        """``recap_data:`` that names no file recapkit may read."""
        found = named(post.data)
        if found is None:
            return
        path, value = found
        where = locate_in_front_matter(post, path)
        key = ".".join(path)
        if data_name(post.data) is None:
            why = "must be a name inside the data folder's recaps/ (no `..`, no absolute path)"
        elif not post.data_folder_files:
            why = "names a data-folder file, but the site has none (Zola: set recap_data_dir "
            why += "in config.toml's [extra])"
        elif not any(p.is_file() for p in post.data_folder_files):
            why = f"names recaps/{data_name(post.data)}.yaml (.yml, .toml, .json) in the data "
            why += "folder, which does not exist"
        else:
            return
        yield self.diagnostic(post, where.line, where.column, f"{key}: {value!r} {why}")

    def _shadowed(self, post: Post) -> Iterator[Diagnostic]:
        """One warning when several places hold the post's recap data: the first wins."""
        sources = post.recap_sources
        if len(sources) < 2:
            return
        line = 0
        if sources[0].path is None and post.front_matter is not None:  # the block wins
            places = post.front_matter.key_locations
            where = places.get("recap") or places.get("extra")
            line = where.line if where is not None else 0
        ignored = ", ".join(source.describe() for source in sources[1:])
        message = (
            f"recap data in {len(sources)} places: {sources[0].describe()} is read, "
            f"{ignored} {'is' if len(sources) == 2 else 'are'} not (keep one)"
        )
        yield self.diagnostic(post, line, 0, message, severity=Severity.WARNING)
