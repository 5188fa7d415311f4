"""Import the recap posts a corpus README lists and print the talks found in each.

Usage: python bench/import_smoke.py CORPUS_DIR [POST...]
(POST: paths relative to CORPUS_DIR; default: every recap post named below.)
Nothing is written; compare the titles with your own reading of each post.
"""

from __future__ import annotations

import sys
from pathlib import Path

from recapkit import import_post, is_recap
from recapkit.importing.assemble import PostImportError

RECAPS = (
    "eddycjy__blog/content/posts/2021giac.md",
    "eddycjy__blog/content/posts/go-meetup1017.md",
    "ZHGDG__ZHGDG.github.io/_posts/2013-08-13-et11-zhgdl4-summary.md",
    "ZHGDG__ZHGDG.github.io/_posts/2013-09-15-et12-devfest-summary.md",
    "ZHGDG__ZHGDG.github.io/_posts/2013-12-08-et16-pycon-zh.md",
    "ZHGDG__ZHGDG.github.io/_posts/2013-12-29-et-ecugcon-sz.md",
    "ZHGDG__ZHGDG.github.io/_posts/2014-10-21-devfest-summary-en.md",
    "ZHGDG__ZHGDG.github.io/_posts/2014-11-18-et-pycon-zh.md",
    "ZHGDG__ZHGDG.github.io/_posts/2015-11-02-et-devfest15-summary.md",
    "ZHGDG__ZHGDG.github.io/_posts/2018-11-24-et-devfest-summary.md",
    "ZHGDG__ZHGDG.github.io/_posts/2019-08-27-et-miniblink-summary.md",
    "ZHGDG__ZHGDG.github.io/_posts/2019-11-18-et-devfest-summary.md",
    "kaiyuanshe__Wiki/_posts/Activity/Summit/COSCon-2018-summary.md",
    "kaiyuanshe__Wiki/_posts/Activity/Summit/COSCon-2019-summary.md",
    "kaiyuanshe__Wiki/_posts/Activity/Summit/COSCon-2021-summary.md",
    "kaiyuanshe__Wiki/_posts/Activity/Salon/CampusTour-ECNU.md",
    "gopheracademy__gopheracademy-web/content/gophercon-2014-retrospective.md",
    "gopheracademy__gopheracademy-web/content/gophercon-2016/gophercon2016-retrospective.md",
    "gopheracademy__gopheracademy-web/content/gopherconindia-2015.md",
)


def main(argv: list[str]) -> int:
    corpus = Path(argv[0])
    for name in argv[1:] or RECAPS:
        path = corpus / name
        if not path.exists():
            print(f"{name}: missing")
            continue
        try:
            imported = import_post(path, from_text=True)
        except PostImportError as exc:
            print(f"{name}: error: {exc}")
            continue
        talks = imported.recap.talks
        print(
            f"{name}: {len(talks)} talks, recap={is_recap(imported)}, notes={len(imported.unplaced)}"
        )
        for talk in talks:
            who = ", ".join(s.label for s in talk.speakers)
            media = " ".join(k for k in ("slides", "video") if getattr(talk, k))
            print(
                f"    - {talk.title}"
                + (f"  [{who}]" if who else "")
                + (f" ({media})" if media else "")
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
