"""The emergency layout's last step: a finished page without photos and without scripts.

The templates already leave out the web fonts and the scripts in crisis mode; this pass
removes what content and data put in a page: every ``<picture>`` (the image pipeline's
photos, news cards, covers), every ``<img>`` that is not one of the theme's own small
images (the emblem, under ``assets/images/``), and any executable ``<script>`` (JSON-LD,
which is data and never runs, stays).
"""

from __future__ import annotations

import re

_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_PICTURE = re.compile(rf"<picture\b{_ATTRS}>.*?</picture\s*>", re.IGNORECASE | re.DOTALL)
_IMG = re.compile(rf"<img\b{_ATTRS}>", re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SCRIPT = re.compile(rf"<script\b({_ATTRS})>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_DATA_SCRIPT = re.compile(r"""\stype\s*=\s*["']?application/ld\+json["'\s>]""", re.IGNORECASE)
_UP = re.compile(r"^(?:\.\.?/)+")
THEME_IMAGES = "assets/images/"  # the theme's emblem and icons: small SVG files, kept


def theme_image(src: str) -> bool:
    """Whether ``src`` (relative, as the theme writes it) is one of the theme's images."""
    if ":" in src or src.startswith("//"):
        return False
    path = _UP.sub("", src)
    return path.startswith(THEME_IMAGES) and ".." not in path


def _keep_img(tag: str) -> bool:
    match = _SRC.search(tag)
    src = next((group for group in match.groups() if group is not None), "") if match else ""
    return theme_image(src)


def emergency_html(html: str) -> str:
    """``html`` without photos and executable scripts."""
    html = _PICTURE.sub("", html)
    html = _IMG.sub(lambda m: m.group(0) if _keep_img(m.group(0)) else "", html)
    return _SCRIPT.sub(lambda m: m.group(0) if _DATA_SCRIPT.search(m.group(1) + ">") else "",
                       html)
