"""The Content-Security-Policy and security headers of every page, kept in one place.

Pages carry the policy in ``<meta http-equiv="Content-Security-Policy">`` (it works on any
host, GitHub Pages included); hosts that can send response headers also get the headers,
which add what a ``<meta>`` cannot say (``frame-ancestors``) and the other protections.
The policy allows nothing but this site: no inline script or style, no third-party origin,
no plugins. Pagefind (search) compiles WebAssembly, hence ``'wasm-unsafe-eval'``, which
allows WebAssembly only, never JavaScript's ``eval``.
"""

from __future__ import annotations

PAGE_POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # data: for Material's CSS icons (SVG masks), never script
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("media-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Only as a response header: browsers ignore these in a <meta> element.
HEADER_ONLY_POLICY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)

REFERRER_POLICY = "strict-origin-when-cross-origin"
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb",
))


def _policy(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


def page_policy() -> str:
    """The policy for ``<meta http-equiv="Content-Security-Policy">``."""
    return _policy(PAGE_POLICY)


def header_policy() -> str:
    """The policy for the ``Content-Security-Policy`` response header."""
    return _policy(PAGE_POLICY + HEADER_ONLY_POLICY)


def response_headers() -> dict[str, str]:
    """Every response header a host should send with every file of a mission's site."""
    return {
        "Content-Security-Policy": header_policy(),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
        "Referrer-Policy": REFERRER_POLICY,
        "Permissions-Policy": PERMISSIONS_POLICY,
    }
