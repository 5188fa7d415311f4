"""Is it an image? Judged from the first bytes of a response and its content type.

Only a short prefix is ever read (:data:`SNIFF_BYTES`), so that a huge or endless body costs
nothing; magic bytes are more trustworthy than ``Content-Type``, which hosts often get wrong
both ways (``application/octet-stream`` PNGs, ``image/png`` HTML error pages).
"""

from __future__ import annotations

SNIFF_BYTES = 512
"""How many bytes of an image response are read: enough for every signature below."""

_ISOBMFF_IMAGE_BRANDS = {
    b"avif": "avif",
    b"avis": "avif",
    b"heic": "heic",
    b"heix": "heic",
    b"mif1": "heif",
}
_SVG_STARTS = ("<svg", "<?xml", "<!--", "<!doctype svg")
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<script")


def sniff_image(data: bytes) -> str | None:
    """The image format whose signature *data* starts with, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp":
        return _isobmff_brand(data)
    if data[:2] == b"BM" and len(data) >= 14:
        return "bmp"
    if data[:4] == b"\x00\x00\x01\x00":
        return "ico"
    return "svg" if _looks_like_svg(data) else None


def _isobmff_brand(data: bytes) -> str | None:
    """AVIF and HEIF live in an ISO-BMFF ``ftyp`` box: a major brand, then compatible brands.

    The most specific brand wins (``mif1`` is generic HEIF; ``avif`` may come after it).
    """
    box_end = min(int.from_bytes(data[:4], "big"), len(data))
    brands = {data[start : start + 4] for start in range(8, box_end - 3, 4) if start != 12}
    found = {_ISOBMFF_IMAGE_BRANDS[b] for b in brands if b in _ISOBMFF_IMAGE_BRANDS}
    return next((kind for kind in ("avif", "heic", "heif") if kind in found), None)


def _text_start(data: bytes) -> str:
    return data.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n").lower()


def _looks_like_svg(data: bytes) -> bool:
    text = _text_start(data)
    return text.startswith(_SVG_STARTS) and "<svg" in text and "<html" not in text


def looks_like_html(data: bytes) -> bool:
    return _text_start(data).startswith(_HTML_STARTS)


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``; empty when absent."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def image_verdict(content_type: str | None, data: bytes) -> str | None:
    """None when the response is an image, else why not (for the RK502 message)."""
    if sniff_image(data):
        return None
    kind = media_type(content_type)
    if not data:
        return f"the body is empty ({kind or 'no content type'})"
    if looks_like_html(data):
        return f"it serves an HTML page ({kind or 'no content type'})"
    if kind.startswith("image/"):
        return None  # a format we do not sniff (TIFF, JPEG XL, ...): trust the server
    return f"it serves {kind or 'unrecognised bytes with no content type'}"
