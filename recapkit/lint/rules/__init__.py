"""The lint rules, one module per rule named as the rule, and the explicit registry :data:`ALL_RULES`.

Codes and names are a public contract: CI configs name them. Never renumber a rule.
"""

from __future__ import annotations

from recapkit.lint.rules.anchor_not_found import AnchorNotFound
from recapkit.lint.rules.base import AnyRule, LintContext, NoOptions, Rule
from recapkit.lint.rules.cjk_latin_spacing import CjkLatinSpacing
from recapkit.lint.rules.code_outside_fence import CodeOutsideFence
from recapkit.lint.rules.cross_post_anchor import CrossPostAnchorNotFound
from recapkit.lint.rules.date_format import DateFormat
from recapkit.lint.rules.emphasis_not_rendered import EmphasisNotRendered
from recapkit.lint.rules.empty_link import EmptyLink
from recapkit.lint.rules.filename_date_mismatch import FilenameDateMismatch
from recapkit.lint.rules.front_matter_syntax import FrontMatterSyntax
from recapkit.lint.rules.fullwidth_punctuation import FullwidthPunctuation
from recapkit.lint.rules.heading_missing_space import HeadingMissingSpace
from recapkit.lint.rules.image_alt_filename import ImageAltFilename
from recapkit.lint.rules.image_hotlink_blocked import ImageHotlinkBlocked
from recapkit.lint.rules.image_insecure_url import ImageInsecureUrl
from recapkit.lint.rules.image_missing_alt import ImageMissingAlt
from recapkit.lint.rules.image_not_found import ImageNotFound
from recapkit.lint.rules.image_unverified import ImageUnverified
from recapkit.lint.rules.key_type import KeyType
from recapkit.lint.rules.list_item_too_long import ListItemTooLong
from recapkit.lint.rules.missing_front_matter import MissingFrontMatter
from recapkit.lint.rules.placeholder_left import PlaceholderLeft
from recapkit.lint.rules.recap_data import RecapData
from recapkit.lint.rules.recap_drift import RecapDrift
from recapkit.lint.rules.recap_without_data import RecapWithoutData
from recapkit.lint.rules.remote_broken import RemoteBroken
from recapkit.lint.rules.remote_not_an_image import RemoteNotAnImage
from recapkit.lint.rules.remote_skipped import RemoteSkipped
from recapkit.lint.rules.remote_unverified import RemoteUnverified
from recapkit.lint.rules.required_key import RequiredKey
from recapkit.lint.rules.settings import LintSettings
from recapkit.lint.rules.space_around_fullwidth_punctuation import (
    SpaceAroundFullwidthPunctuation,
)
from recapkit.lint.rules.table_broken import TableBroken
from recapkit.lint.rules.talk_without_takeaways import TalkWithoutTakeaways
from recapkit.lint.rules.unknown_key import UnknownKey
from recapkit.lint.rules.unreadable_post import UnreadablePost
from recapkit.lint.rules.web_boilerplate import WebBoilerplate

ALL_RULES: tuple[type[AnyRule], ...] = (
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
    ImageUnverified,
    AnchorNotFound,
    CrossPostAnchorNotFound,
    HeadingMissingSpace,
    EmptyLink,
    EmphasisNotRendered,
    CodeOutsideFence,
    TableBroken,
    WebBoilerplate,
    ListItemTooLong,
    PlaceholderLeft,
    TalkWithoutTakeaways,
    RecapDrift,
    RecapWithoutData,
    RemoteBroken,
    RemoteNotAnImage,
    RemoteUnverified,
    RemoteSkipped,
    CjkLatinSpacing,
    FullwidthPunctuation,
    SpaceAroundFullwidthPunctuation,
)
"""Every rule, in code order. The RK6 rules are opt-in (off unless selected by name or code)."""

REMOTE_RULES = (RemoteBroken, RemoteNotAnImage, RemoteUnverified, RemoteSkipped)
"""The RK5xx family, whose findings the remote checker makes."""

_BY_KEY = {
    **{rule.code.upper(): rule for rule in ALL_RULES},
    **{rule.name: rule for rule in ALL_RULES},
}


def get_rule(code_or_name: str) -> type[AnyRule] | None:
    """The rule with this code (``RK201``, any case) or kebab name (``image-missing-alt``)."""
    key = code_or_name.strip()
    return _BY_KEY.get(key.upper()) or _BY_KEY.get(key.lower())


__all__ = ["ALL_RULES", "LintContext", "LintSettings", "NoOptions", "Rule", "get_rule"]
