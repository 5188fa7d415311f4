"""``render --update``: bring a post up to date with its data, keeping every byte the writer wrote.

The fresh render of the data gives the new generated blocks (:mod:`recapkit.rendering.blocks`)
and the new front matter. In the post:

- a block in both is replaced by its fresh version (nothing changes when they are equal);
- a block only in the fresh render (a talk added to the data, a talk's first photos) is
  inserted before the next block of the fresh render that the post has, so the writer's lines
  after the previous block stay with it; else after the previous one; else at the end;
- a block only in the post (a talk removed from the data) is removed with the blank line after it;
- a block whose content no longer has the hash of its begin marker was edited by the writer:
  replacing or removing it is refused (:attr:`Update.conflicts`) unless *force*, when the data wins.
  An edited block the fresh render writes exactly as the writer did is no conflict.

Front matter: :mod:`recapkit.rendering.front_matter_update`. Line breaks in what is written
follow the post's (CRLF stays CRLF).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from attrs import frozen

from recapkit.errors import RecapkitError
from recapkit.post.front_matter import read_front_matter
from recapkit.rendering.blocks import BlockSyntaxError, GeneratedBlock, find_blocks
from recapkit.rendering.front_matter_update import update_front_matter

_TALK_PART = re.compile(r"^(?P<talk>talk-.+)-(?:takeaways|links|photos)$")


class UpdateError(RecapkitError):
    """The post cannot be updated: no generated blocks, or markers that do not pair up."""


@frozen
class Conflict:
    """A generated block the writer edited, which the update would replace or remove."""

    id: str
    line: int
    """1-based line of its begin marker in the post."""
    removed: bool
    """The data no longer has it (else: the data has new content for it)."""

    def describe(self) -> str:
        what = "no longer in the data" if self.removed else "the data renders it differently"
        return f"line {self.line}: block {self.id!r} was edited in the post, and {what}"


@frozen
class Update:
    """What an update makes of a post: its new text, the conflicts, notes for the writer."""

    text: str
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[str, ...] = ()


def update_post(old: str, fresh: str, *, force: bool = False) -> Update:
    """*old* (the post's text, BOM removed) brought up to date with *fresh* (the data rendered).

    With conflicts and no *force*, :attr:`Update.text` is *old* unchanged."""
    _, old_body_at = read_front_matter(old)
    _, fresh_body_at = read_front_matter(fresh)
    first_line = old.count("\n", 0, old_body_at)
    old_body, fresh_body = old[old_body_at:], fresh[fresh_body_at:]
    body, conflicts, skipped = merge_blocks(
        old_body, fresh_body, line_offset=first_line, force=force
    )
    if conflicts and not force:
        return Update(old, tuple(conflicts))
    head, notes = update_front_matter(old[:old_body_at] + body, fresh)
    notes += [
        f"block {name!r} of the fresh render has no place in the post: not added"
        for name in skipped
    ]
    return Update(head, tuple(conflicts), tuple(notes))


def merge_blocks(
    old: str, fresh: str, *, line_offset: int = 0, force: bool = False
) -> tuple[str, list[Conflict], list[str]]:
    """*old*'s blocks replaced, added and removed after *fresh*'s; the conflicts; the ids of
    the fresh blocks not added (:func:`_belongs`)."""
    try:
        before = find_blocks(old)
    except BlockSyntaxError as exc:
        raise UpdateError(
            f"the post's generated blocks are broken: {_shift(exc, line_offset)}"
        ) from None
    if not before:
        raise UpdateError(
            "the post has no generated blocks (<!-- recapkit:begin ... --> markers): "
            "render it anew, or add the markers of the blocks recapkit may replace"
        )
    after = find_blocks(fresh)
    if not {b.id for b in before} & {b.id for b in after}:
        raise UpdateError(
            "none of the post's generated blocks is in the fresh render: was it rendered with "
            "another --layout or --template? Pass the ones it was rendered with"
        )
    newline = "\r\n" if "\r\n" in old else "\n"
    fresh_by_id = {b.id: b for b in after}
    edits: list[tuple[int, int, str]] = []
    conflicts: list[Conflict] = []
    for block in before:
        new = fresh_by_id.get(block.id)
        text = _text(fresh, new) if new is not None else None
        if text is not None and _same(old[block.start : block.end], text):
            continue
        if block.edited(old) and not (new is not None and _same_content(block, old, new, fresh)):
            conflicts.append(Conflict(block.id, line_offset + block.line + 1, new is None))
        if text is None:
            edits.append((block.start, _blank_after(old, block.end), ""))
        else:
            edits.append((block.start, block.end, _keep_end(old, block, text, newline)))
    added, skipped = _insertions(old, before, after, fresh, newline)
    return _apply(old, edits + added), conflicts, skipped


def _shift(exc: BlockSyntaxError, offset: int) -> str:
    message = str(exc)
    number, _, rest = message.removeprefix("line ").partition(":")
    return f"line {int(number) + offset}:{rest}" if number.isdigit() else message


def _text(fresh: str, block: GeneratedBlock) -> str:
    """The whole of *block* in *fresh*, markers included, with LF line breaks."""
    text = fresh[block.start : block.end].replace("\r\n", "\n")
    return text if text.endswith("\n") else text + "\n"


def _same(current: str, text: str) -> bool:
    return current.replace("\r\n", "\n").removesuffix("\n") == text.replace(
        "\r\n", "\n"
    ).removesuffix("\n")


def _same_content(block: GeneratedBlock, old: str, new: GeneratedBlock, fresh: str) -> bool:
    return _same(block.content(old), new.content(fresh))


def _keep_end(old: str, block: GeneratedBlock, text: str, newline: str) -> str:
    """*text* in the post's line breaks, without a final one where the block ended the file bare."""
    text = text.replace("\n", newline)
    return text if old[block.start : block.end].endswith("\n") else text.removesuffix(newline)


def _blank_after(old: str, end: int) -> int:
    """*end*, past the blank line that follows it, if one does (a removed block leaves no gap)."""
    for blank in ("\r\n", "\n"):
        if old.startswith(blank, end):
            return end + len(blank)
    return end


def _insertions(
    old: str,
    before: list[GeneratedBlock],
    after: list[GeneratedBlock],
    fresh: str,
    newline: str,
) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Each fresh block the post lacks and has a place for, at the place its neighbours in
    *fresh* give it; and the ids of those it has no place for."""
    present = {b.id: b for b in before}
    edits: list[tuple[int, int, str]] = []
    skipped: list[str] = []
    for index, block in enumerate(after):
        if block.id in present:
            continue
        if not _belongs(block.id, present):
            skipped.append(block.id)
            continue
        text = _text(fresh, block).replace("\n", newline)
        following = next((present[b.id] for b in after[index + 1 :] if b.id in present), None)
        previous = next((present[b.id] for b in reversed(after[:index]) if b.id in present), None)
        if following is not None:
            edits.append((following.start, following.start, text + newline))
        else:
            at = previous.end if previous is not None else len(old)
            lead = "" if old[:at].endswith("\n") or not old[:at] else newline
            edits.append(
                (at, at, lead + newline + text.removesuffix(newline) + _tail(old, at, newline))
            )
    return edits, skipped


def _belongs(block_id: str, present: Mapping[str, object]) -> bool:
    """Whether the post has a place for a block it lacks: any, where it has the lead and the
    summary (a post rendered whole); else a talk's part where it has that talk, a talk or day
    where it has talks. A post whose writer marked only some parts gets no others."""
    if "lead" in present and "summary" in present:
        return True
    part = _TALK_PART.match(block_id)
    if part is not None:
        return part["talk"] in present
    if block_id.startswith(("talk-", "day-")):
        return any(name.startswith("talk-") for name in present)
    return False


def _tail(old: str, at: int, newline: str) -> str:
    return newline if at < len(old) or old.endswith("\n") else ""


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """*edits* applied from the end; at one offset the replacement first, then the insertions
    before it, last to first, so they keep their order."""

    def key(item: tuple[int, tuple[int, int, str]]) -> tuple[int, bool, int]:
        index, (start, end, _) = item
        return start, end > start, index

    for _, (start, end, replacement) in sorted(enumerate(edits), key=key, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
