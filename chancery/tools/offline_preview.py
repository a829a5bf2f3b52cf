"""A built mission site as a preview that works opened from disk (``file://``).

Pages link to each other with relative addresses that end in a folder (``../consular/``):
a web server answers them with the folder's ``index.html``, a browser opening files does
not. The preview is a copy of ``<out>/<mission>/`` in which every relative address of a
folder names its ``index.html`` (query and fragment kept), so a reviewer can click through
the site from an unpacked CI artifact or a local folder. Every page of the preview says
``noindex``: a preview put on a web server by mistake is kept out of search engines.
Addresses of other sites, absolute paths and files are left as they are; the site's search
needs a web server (browsers do not let a ``file://`` page fetch its index).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

# href and src attributes, as the theme and MkDocs write them (double quotes).
_ADDRESS = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)
_ROBOTS = re.compile(r'<meta name="robots"[^>]*>', re.IGNORECASE)
NOINDEX = '<meta name="robots" content="noindex, nofollow">'


@dataclass
class OfflinePreview:
    """What :func:`write_offline_preview` wrote, and the addresses that lead nowhere."""

    folder: Path
    pages: int = 0
    addresses: int = 0
    broken: list[str] = field(default_factory=list)  # "page: address"


def offline_address(address: str) -> str:
    """``address`` as it must be written for a browser reading files: a relative address of
    a folder names the folder's ``index.html``; every other address is unchanged."""
    if not address or address.startswith(("#", "/", "?")) or _SCHEME.match(address):
        return address
    cut = min((i for i in (address.find("?"), address.find("#")) if i >= 0),
              default=len(address))
    path, rest = address[:cut], address[cut:]
    if path in (".", ".."):
        path += "/"
    return f"{path}index.html{rest}" if path.endswith("/") else address


def offline_page(html: str) -> tuple[str, list[str]]:
    """A page of the preview, and the relative file addresses it links to (rewritten)."""
    targets: list[str] = []

    def rewrite(match: re.Match[str]) -> str:
        new = offline_address(match.group(2))
        if new != match.group(2) or _is_relative_file(new):
            targets.append(new)
        return match.group(1) + new + match.group(3)

    html = _ADDRESS.sub(rewrite, html)
    if _ROBOTS.search(html):
        html = _ROBOTS.sub(NOINDEX, html, count=1)
    elif (policy := _POLICY.search(html)) is not None:  # the policy stays first in <head>
        html = html[:policy.end()] + NOINDEX + html[policy.end():]
    elif (head := _HEAD.search(html)) is not None:
        html = html[:head.end()] + NOINDEX + html[head.end():]
    return html, targets


def _is_relative_file(address: str) -> bool:
    return bool(address) and not address.startswith(("#", "/", "?")) \
        and not _SCHEME.match(address)


def write_offline_preview(site: Path, dest: Path) -> OfflinePreview:
    """Copy the built ``site`` to ``dest`` (replaced), rewritten for reading from disk."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(site, dest, symlinks=False)
    report = OfflinePreview(dest)
    for root, _dirs, files in os.walk(dest):
        for name in files:
            if not name.endswith(".html"):
                continue
            page = Path(root) / name
            html, targets = offline_page(page.read_text(encoding="utf-8"))
            page.write_text(html, encoding="utf-8")
            report.pages += 1
            report.addresses += len(targets)
            for target in targets:
                path = unquote(re.split(r"[?#]", target, maxsplit=1)[0])
                if not (page.parent / path).exists():
                    report.broken.append(f"{page.relative_to(dest)}: {target}")
    return report
