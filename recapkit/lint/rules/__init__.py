"""The lint rules, one module per family, and the explicit registry :data:`ALL_RULES`.

Codes and names are a public contract: CI configs name them. Never renumber a rule.
"""

from __future__ import annotations

from recapkit.lint.rules.base import LintContext, NoOptions, Rule
from recapkit.lint.rules.front_dates import DateFormat, FilenameDateMismatch
from recapkit.lint.rules.frontmatter import (
    FrontMatterSyntax,
    MissingFrontMatter,
    RequiredKey,
    UnreadablePost,
)
from recapkit.lint.rules.image_files import ImageNotFound
from recapkit.lint.rules.images import (
    ImageAltFilename,
    ImageHotlinkBlocked,
    ImageInsecureUrl,
    ImageMissingAlt,
)
from recapkit.lint.rules.key_names import UnknownKey
from recapkit.lint.rules.key_types import KeyType
from recapkit.lint.rules.markdown import EmptyLink, HeadingMissingSpace
from recapkit.lint.rules.recap import PlaceholderLeft, RecapData, TalkWithoutTakeaways
from recapkit.lint.rules.remote import REMOTE_RULES
from recapkit.lint.rules.settings import LintSettings

ALL_RULES: tuple[type[Rule], ...] = (
    UnreadablePost,
    MissingFrontMatter,
    FrontMatterSyntax,
    RequiredKey,
    KeyType,
    UnknownKey,
    DateFormat,
    FilenameDateMismatch,
    RecapData,
    ImageMissingAlt,
    ImageAltFilename,
    ImageNotFound,
    ImageInsecureUrl,
    ImageHotlinkBlocked,
    HeadingMissingSpace,
    EmptyLink,
    PlaceholderLeft,
    TalkWithoutTakeaways,
    *REMOTE_RULES,
)
"""Every rule, in code order."""

_BY_KEY: dict[str, type[Rule]] = {
    **{rule.code.upper(): rule for rule in ALL_RULES},
    **{rule.name: rule for rule in ALL_RULES},
}


def get_rule(code_or_name: str) -> type[Rule] | None:
    """The rule with this code (``RK201``, any case) or kebab name (``image-missing-alt``)."""
    key = code_or_name.strip()
    return _BY_KEY.get(key.upper()) or _BY_KEY.get(key.lower())


__all__ = ["ALL_RULES", "LintContext", "LintSettings", "NoOptions", "Rule", "get_rule"]
