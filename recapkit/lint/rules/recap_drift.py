"""RK403 recap-drift: the body and the recap data no longer tell the same talks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from recapkit.lint.diagnostics import Diagnostic, Severity
from recapkit.lint.rules._recap import typed_recap
from recapkit.lint.rules._recap_reading import read_body
from recapkit.lint.rules.base import LintContext, NoOptions, Rule, shorten
from recapkit.post.types import Location, recap_block, recap_prefix
from recapkit.post.where import locate_in_front_matter

if TYPE_CHECKING:
    from recapkit.data.model import Talk
    from recapkit.lint.rules._drift import Heading, Pairing, Section
    from recapkit.post.types import Post


class RecapDrift(Rule[NoOptions]):
    """The body of a post and its recap data disagree about its talks.

    A post rendered from recap data shows each talk as a section: its title as the heading, its
    speakers under it. Writers then edit the post, and the data (which tools aggregate and
    `recapkit render` renders again) stops telling the same story. This rule reads the body as
    `recapkit import --from-text` does, ignoring the data, pairs its sections with the data's
    talks (by title, then by place and likeness) and reports:

    - a talk of the data without a section in the body, nor an item in its lists (at the talk's
      entry in the front matter);
    - a section heading that no longer matches its talk's title (at the heading);
    - a speaker renamed in one place (the data says 王磊, the section says 王雷), or named in
      the data and nowhere in the talk's section (at the section's line that names the speaker,
      else its heading);
    - a section the body reads as a talk, with its speakers, that the data does not have.

    A warning: the post is valid, but one of the two is out of date. Only posts that carry recap
    data are checked, and only when at least one of its talks has its section: a body that does
    not show talks as sections (a template of your own) is not compared. A post recapkit rendered
    from its data, in any layout, language and generator, has no finding.

    ## Why

    The data feeds talk lists, speaker pages and JSON-LD; the body is what readers see. A fix
    made in one of them (a speaker's name, a retitled talk) and not in the other shows two
    versions of the same event.

    ## Example

    Bad (the data says `王磊`, the section was corrected to `王雷`):

    ```markdown
    recap:
      talks:
        - title: Go 泛型在业务代码中的落地
          speakers: [{name: 王磊}]
    ---
    ## Go 泛型在业务代码中的落地

    - **分享嘉宾**：王雷
    ```

    Good: the same name in both.

    ## Fix

    Decide which one is right. If the data is, re-render the post's generated parts from it with
    `recapkit render --update POST` (the writer's prose is kept); if the body is, correct the
    data (or read it again with `recapkit import POST --from-text`).
    """

    code = "RK403"
    name = "recap-drift"
    summary = "The post's body and its recap data disagree about its talks."
    default_severity = Severity.WARNING

    def check(self, post: Post, context: LintContext) -> Iterator[Diagnostic]:
        recap = typed_recap(post)
        if recap is None or not recap.talks:
            return
        read = read_body(post, context)
        if read is None:
            return
        from recapkit.lint.rules._drift import headings, key, listed, pair

        pairing = pair(recap.talks, headings(post), read.recap.talks)
        if not pairing.found and not pairing.renamed:
            return  # the body does not show the talks as sections: nothing to compare
        if pairing.missing:
            sections = {**pairing.found, **pairing.renamed}.values()
            items = listed(post, min(section.heading.line for section in sections))
            pairing.missing = [i for i in pairing.missing if key(recap.talks[i].title) not in items]
        yield from self._missing(post, recap.talks, pairing)
        for index, section in sorted({**pairing.found, **pairing.renamed}.items()):
            talk = recap.talks[index]
            if index in pairing.renamed:
                where = section.heading.line
                message = (
                    f"section {shorten(section.heading.title, 60)!r} no longer matches its "
                    f"talk's title {shorten(talk.title, 60)!r} in the recap data"
                )
                yield self.diagnostic(post, where, 0, message)
            for line, message in _speakers(talk, section):
                yield self.diagnostic(post, line, 0, message)
        for section in pairing.extra:
            names = ", ".join(s.label for s in section.read.speakers) if section.read else ""
            message = (
                f"section {shorten(section.heading.title, 60)!r} ({names}) is not a talk of "
                "the recap data"
            )
            yield self.diagnostic(post, section.heading.line, 0, message)

    def _missing(
        self, post: Post, talks: tuple[Talk, ...], pairing: Pairing
    ) -> Iterator[Diagnostic]:
        for index in pairing.missing:
            where = _missing_place(post, index, pairing)
            message = f"talk {shorten(talks[index].title, 60)!r} of the recap data has no section"
            yield self.diagnostic(post, where.line, where.column, message)


def _missing_place(post: Post, index: int, pairing: Pairing) -> Location:
    """The talk's entry in the front matter; for data kept elsewhere, where its section would
    go: before the next talk's section, else after the last one's heading."""
    if recap_block(post.data) is not None:
        return locate_in_front_matter(post, (*recap_prefix(post.data), "talks", index))
    sections = {**pairing.found, **pairing.renamed}
    later = [s.heading.line for i, s in sections.items() if i > index]
    earlier = [s.heading.line for i, s in sections.items() if i < index]
    return Location(min(later) if later else max(earlier, default=0), 0)


def _speakers(talk: Talk, section: Section) -> list[tuple[int, str]]:
    """The speakers named in the data and not in the section, and the other way round."""
    from recapkit.lint.rules._drift import normal

    wanted = [s.label for s in talk.speakers if s.label]
    read = [s.label for s in section.read.speakers if s.label] if section.read else []
    text = _text(section.heading)
    missing = [n for n in wanted if normal(n) not in {normal(r) for r in read}]
    # A notes byline of only a room or track ("缓存") reads like a name; the data says it is not.
    known = {normal(n) for n in (*wanted, talk.room, talk.track) if n}
    added = [n for n in read if normal(n) not in known]
    found: list[tuple[int, str]] = []
    for old, new in zip(missing, added, strict=False):
        found.append(
            (
                _line_naming(section.heading, new),
                f"speaker renamed: the recap data says {old!r}, the section says {new!r}",
            )
        )
    for old in missing[len(added) :]:
        if normal(old) not in text:  # the importer may have missed a name the text shows
            found.append(
                (section.heading.line, f"the section does not name speaker {old!r} of the data")
            )
    for new in added[len(missing) :]:
        found.append(
            (
                _line_naming(section.heading, new),
                f"the section names speaker {new!r}, whom the recap data does not list",
            )
        )
    return found


def _text(heading: Heading) -> str:
    from recapkit.importing.inline import plain
    from recapkit.lint.rules._drift import normal

    raw = "\n".join(b.source for b in heading.section)
    return normal(raw) + "\n" + normal(plain(raw.replace("\n", " ")))


def _line_naming(heading: Heading, name: str) -> int:
    """The first line of the section that names *name*, else the heading's."""
    for block in heading.section:
        for offset, line in enumerate(block.source.split("\n")):
            if name in line:
                return block.line + offset
    return heading.line
