"""Static site generators: what each one does (one module each), and which site a path belongs to.

``hugo.py``, ``hexo.py``, ``jekyll.py`` and ``zola.py`` each state everything recapkit knows
about one generator (:class:`~recapkit.ssg.base.Generator`); :mod:`~recapkit.ssg.registry` lists
them; :func:`~recapkit.ssg.site.find_site` is the one policy for finding a post's site; images
resolve in :mod:`~recapkit.ssg.images`; :mod:`~recapkit.ssg.posts` reads a post as its site's
generator does.
"""

from __future__ import annotations

from recapkit.ssg.base import Generator, PostTarget, Site, SiteDetectionError
from recapkit.ssg.images import ImageResolution, resolve_image
from recapkit.ssg.kinds import filename_date
from recapkit.ssg.registry import generators, generic, get, names, reading
from recapkit.ssg.site import SiteFinder, detect_site, find_site, read_site

__all__ = [
    "Generator",
    "ImageResolution",
    "PostTarget",
    "Site",
    "SiteDetectionError",
    "SiteFinder",
    "detect_site",
    "filename_date",
    "find_site",
    "generators",
    "generic",
    "get",
    "names",
    "read_site",
    "reading",
    "resolve_image",
]
