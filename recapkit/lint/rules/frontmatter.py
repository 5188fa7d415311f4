"""Front matter rules: the file is readable, has front matter, it parses, required keys are there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from recapkit.lint.diagnostics import Diagnostic
from recapkit.lint.rules.base import LintContext, Rule
from recapkit.lint.rules.presets import preset_for
from recapkit.lint.rules.where import front_matter_start, key_location, lookup_key

if TYPE_CHECKING:
    from recapkit.post.types import Post


class UnreadablePost(Rule):
    """A file could not be read as a post: empty, binary, not UTF-8, too large or unreadable.

    The linter reads every Markdown file it is given. When one cannot be read as text,
    no other rule can check it, so this rule says why instead of silently skipping it.
    It is an error because the SSG will fail on such a file or publish an empty page.

    ## Why

    An empty `post.md` left by an editor, an image saved with a `.md` extension, a post
    saved as GBK or UTF-16 by an old editor, or a huge generated file: each one builds
    a broken page (or breaks the build) without anyone noticing.

    ## Example

    A post saved in GBK rather than UTF-8:

    ```text
    content/posts/meetup.md:1:1: RK100 not UTF-8 text: byte 0xc4 at offset 12 ...
    ```

    ## Fix

    Re-save the file as UTF-8 (every SSG expects UTF-8), delete an empty file, or move a
    file that is not a post out of the content directory (or `exclude` it in the config).
    """

    code = "RK100"
    name = "unreadable-post"
    summary = "The file is empty, binary, not UTF-8, too large or unreadable."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is not None:
            problem = post.problem
            yield self.diagnostic(post, problem.line, problem.column, problem.message)


class MissingFrontMatter(Rule):
    """A post has no front matter.

    Hugo, Hexo, Jekyll and Zola read a post's title, date and tags from the front matter
    block at the very top of the file: YAML between `---` lines, TOML between `+++`
    lines, or a JSON object. Without it, Jekyll copies the file unprocessed, Zola refuses it
    and Hugo and Hexo publish a page without title or date. An error.

    Hugo section pages (`_index.md`) may go without front matter and are not reported.

    ## Why

    A missing block usually means it was deleted by accident, or that the file starts
    with something else (a blank line, a BOM written twice, a heading) before the `---`.

    ## Example

    Bad (a blank line before the delimiter hides the front matter):

    ```markdown

    ---
    title: Go meetup #12 recap
    ---
    ```

    Good:

    ```markdown
    ---
    title: Go meetup #12 recap
    date: 2024-05-18
    ---
    ```

    ## Fix

    Put the front matter block at the first line of the file.
    """

    code = "RK101"
    name = "missing-front-matter"
    summary = "The post has no front matter block."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        if post.problem is None and post.front_matter is None and post.path.name != "_index.md":
            yield self.diagnostic(post, 0, 0, "no front matter: the post has no title or date")


class FrontMatterSyntax(Rule):
    """The front matter is not valid YAML, TOML or JSON.

    Reported at the line and column where the parser gave up. An error: the SSG stops the
    build (Hugo, Zola) or publishes the page without any of its metadata (Hexo, Jekyll).

    ## Why

    The classic YAML trap is an unquoted `: ` inside a value, such as a title with a colon.
    Others: a tab for indentation, an unclosed quote, `key = value` in a YAML block,
    a `+++` block whose strings are not quoted. A key written twice in a YAML block (at any
    depth) is reported too, at the second one: PyYAML would keep the later value silently, but
    Hugo (go-yaml v3) and Hexo (js-yaml) refuse to build such a post.

    ## Example

    Bad:

    ```yaml
    ---
    title: GopherChina 2024: what we learned
    ---
    ```

    Good:

    ```yaml
    ---
    title: "GopherChina 2024: what we learned"
    ---
    ```

    ## Fix

    Quote the value (YAML: `"..."`, escaping `"` and `\\` inside), or fix what the message
    names at the reported position; for a duplicate key, keep the value you mean and delete the
    other.
    """

    code = "RK102"
    name = "front-matter-syntax"
    summary = "The front matter does not parse as YAML, TOML or JSON."

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        front_matter = post.front_matter
        if front_matter is not None and front_matter.error is not None:
            error = front_matter.error
            kind = front_matter.format.value.upper()
            yield self.diagnostic(
                post, error.line, error.column, f"invalid {kind} front matter: {error.message}"
            )


class RequiredKey(Rule):
    """A front matter key that every post needs is missing or empty.

    By default every post needs `title` and `date`, with what each SSG allows instead:

    - **Hugo**: the date may be given as `publishDate` (or `pubdate`, `published`); keys are
      case-insensitive.
    - **Jekyll**: the date may come from the file name (`_posts/2014-10-21-devfest.md`);
      drafts in `_drafts/` need none.
    - **Zola**: the date may come from the file name (`2024-05-18-meetup.md`).
    - **Hexo**: both keys for posts (Hexo would otherwise use the file's creation time, which
      changes whenever the repository is cloned).

    Section pages (Hugo's and Zola's `_index.md`, often just `sort_by` or `paginate_by`) list
    posts and need none of the keys: the SSG titles them after the section.
    Pages are not posts and need no date: on Jekyll and Hexo every file outside `_posts/`
    (`about.md`, `source/about/index.md`); on Hugo and Zola a file at the top of the content
    folder (`content/about.md`, `content/about/index.md`), since dated posts live in sections;
    anywhere, a page that says `layout: page`. Their title is still required.

    An error: a post without a title shows up as an empty link in lists and feeds,
    and a post without a date sorts wrongly or changes date on every build.

    ## Why

    Keys get lost when posts are copied between sites or templates, and a missing date is
    invisible until the archive page is in the wrong order.

    ## Example

    Bad:

    ```yaml
    ---
    title: Rust meetup recap
    ---
    ```

    Good:

    ```yaml
    ---
    title: Rust meetup recap
    date: 2024-05-18
    ---
    ```

    ## Fix

    Add the key. Which keys are required is configurable with `required-keys` in
    `[tool.recapkit]`, e.g. `required-keys = ["title", "date", "author"]`.
    """

    code = "RK103"
    name = "required-key"
    summary = "A required front matter key (title, date, ...) is missing or empty."
    uses_filesystem: ClassVar[bool] = True  # the date may come from the post's file name

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        front_matter = post.front_matter
        if front_matter is None or front_matter.error is not None:
            return
        if post.path.name == "_index.md" and context.ssg in (None, "hugo", "zola"):
            return  # a section's list page, not a post
        preset = preset_for(context.ssg)
        required = context.settings.required_keys
        for key in required if required is not None else preset.required_keys:
            problem = self._problem(post, context, key)
            if problem:
                message, written = problem
                where = key_location(post, written) if written else front_matter_start(post)
                yield self.diagnostic(post, where.line, where.column, message)

    def _problem(self, post: Post, context: LintContext, key: str) -> tuple[str, str | None] | None:
        """The message and the key as written (None when it is missing), or None when fine."""
        preset = preset_for(context.ssg)
        case_sensitive = preset.keys_case_sensitive
        if key == "date":
            if self._date_elsewhere(post, context, preset.date_from_filename):
                return None
            candidates: tuple[str, ...] = preset.date_keys
        else:
            candidates = (key,)
        found = [
            k for c in candidates if (k := lookup_key(post.data, c, case_sensitive=case_sensitive))
        ]
        if not found:
            return f"missing required front matter key `{key}`", None
        value = post.data[found[0]]
        if value is None or (isinstance(value, str) and not value.strip()):
            return f"required front matter key `{found[0]}` is empty", found[0]
        return None

    @staticmethod
    def _date_elsewhere(post: Post, context: LintContext, from_filename: bool) -> bool:
        parts = post.path.parts
        if post.path.name == "_index.md" or "_drafts" in parts:
            return True  # section pages and Jekyll drafts are dated by the SSG, not the writer
        if is_page(post, context):
            return True  # about.md, contact.md: pages, not posts, have no date to show
        if not from_filename:
            return False
        from recapkit.ssg.site import post_path_date

        return post_path_date(post.path) is not None


def is_page(post: Post, context: LintContext) -> bool:
    """True for a standalone page (about, contact), which needs no date, rather than a post.

    Jekyll and Hexo make a post only of a file under `_posts/`; everything else is a page.
    Hugo and Zola have no such folder: a file at the top of the content folder
    (`content/about.md`, `content/about/index.md`) is a page of the home section, while the
    dated posts live in sections (`content/posts/...`). `layout: page` says so everywhere.
    """
    if str(post.data.get("layout", "")).strip().lower() == "page":
        return True
    ssg = context.ssg
    in_posts = "_posts" in post.path.parts
    if ssg in ("jekyll", "hexo"):
        return not in_posts
    if in_posts:
        return False
    depth = _depth_in_content(post, context)
    return depth is not None and (depth == 1 or (depth == 2 and post.path.name == "index.md"))


def _depth_in_content(post: Post, context: LintContext) -> int | None:
    """How many path parts the post has below its content folder (None: not known)."""
    path = post.path
    for directory in getattr(context.site, "content_dirs", ()) or ():
        for candidate, base in ((path, Path(directory)), (_resolved(path), _resolved(directory))):
            if candidate.is_relative_to(base):
                return len(candidate.relative_to(base).parts)
    parts = path.parts
    if "content" in parts:
        index = len(parts) - 1 - parts[::-1].index("content")
        return len(parts) - index - 1
    return None


def _resolved(path: Path | str) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path)
