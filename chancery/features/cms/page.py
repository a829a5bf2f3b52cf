"""The web editor's own page, ``admin/index.html``, and its Content Security Policy.

The page is ours, not the theme's: it loads nothing but the vendored ``decap-cms.js`` and
``config.yml`` beside it. Its policy is its own (the site's pages keep theirs): Decap
injects its styles at run time (``style-src 'unsafe-inline'``), shows uploaded pictures
from ``blob:``/``data:`` URLs, and talks to the repository's API and the sign-in service.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from chancery.content.model.cms import CmsSettings
from chancery.features.cms.vendor import BUNDLE

_APIS = {"github": ["https://api.github.com"], "gitlab": ["https://gitlab.com"]}
# GitHub shows editors' avatars and serves pictures of the repository from these.
_IMAGES = {"github": ["https://avatars.githubusercontent.com",
                      "https://raw.githubusercontent.com"],
           "gitlab": ["https://gitlab.com"]}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def admin_policy(settings: CmsSettings, local_backend: str | None) -> str:
    """The page's Content Security Policy."""
    connect = ["'self'", *_APIS[settings.backend]]
    if settings.base_url:
        connect.append(_origin(settings.base_url))
    if local_backend:
        connect.append(_origin(local_backend))
    images = ["'self'", "data:", "blob:", *_IMAGES[settings.backend]]
    directives = [
        "default-src 'none'",
        f"script-src 'self' {_EVAL}",
        "style-src 'self' 'unsafe-inline'",
        f"img-src {' '.join(images)}",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        f"connect-src {' '.join(connect)}",
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


# Decap compiles code at run time (its YAML and schema libraries use new Function()).
_EVAL = "'unsafe-eval'"


def admin_page(title: str, policy: str) -> str:
    """``admin/index.html``: ``title`` is the mission's name (escaped)."""
    return (
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{escape(policy)}\">\n"
        "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        "<meta name=\"referrer\" content=\"same-origin\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>Biên tập – {escape(title)}</title>\n"
        "<link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n"
        f"</head>\n<body>\n<script src=\"{BUNDLE}\"></script>\n</body>\n</html>\n"
    )
