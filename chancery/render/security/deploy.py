"""The security headers (:mod:`chancery.render.security.headers`) as configuration hosts can deploy.

Two places, so that no host serves a configuration file as a page:

- ``<out>/<mission>/_headers``, in the published site, only for a mission published with
  ``method: git`` (or not published yet): Netlify and Cloudflare Pages read it from the
  published folder and never serve it; GitHub Pages (Jekyll) leaves out files whose names
  start with ``_``. A site published over SSH or to S3 does not get it: nginx or S3 would
  serve it as a file.
- ``<out>/_deploy/<mission>/``, next to the sites (never published): ``_headers`` (the same
  file), ``nginx.conf`` (``add_header`` lines to ``include`` in the ``server`` block of the
  SSH target's nginx) and ``cloudfront-headers-policy.json`` (a CloudFront response headers
  policy for an S3 bucket: S3 object metadata cannot carry these headers, only
  ``Content-Type`` and a few others).

Every file is made from :func:`~chancery.render.security.headers.response_headers`, so the headers
a host sends are the policy each page carries in its ``<meta>``, plus what only a header
can say.

Where HQ enables the web editor (``admin/index.html`` in the site, see
:mod:`chancery.features.cms.page`), its page carries its own, wider policy; the site's would block
it. ``_deploy/<mission>/`` then also holds ``nginx-admin.conf`` (a ``location /admin/``
sending the editor's policy instead of the site's, to include in the ``server`` block) and
``cloudfront-admin-headers-policy.json`` (for a ``/admin/*`` cache behaviour). Both are
removed when the editor is turned off.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from chancery.core.atomic import write_text_atomic
from chancery.render.security.headers import (
    PERMISSIONS_POLICY,
    REFERRER_POLICY,
    header_policy,
    response_headers,
)

NETLIFY = "_headers"
NGINX = "nginx.conf"
CLOUDFRONT = "cloudfront-headers-policy.json"
ADMIN_NGINX = "nginx-admin.conf"
ADMIN_CLOUDFRONT = "cloudfront-admin-headers-policy.json"
ADMIN_PAGE = "admin/index.html"
_META_POLICY = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
DEPLOY_DIR = "_deploy"
IN_SITE_METHODS = (None, "git")  # publish methods whose hosts read _headers, never serve it
# Names no code path, so that moving the code never changes a published file.
_NOTE = "Security headers of every file of {mission} (made by Chancery from HQ's " \
        "security policy at every build: do not edit)."


def netlify_headers(mission: str) -> str:
    """``_headers`` for Netlify and Cloudflare Pages: every path gets every header."""
    lines = [f"# {_NOTE.format(mission=mission)}", "/*"]
    lines += [f"  {name}: {value}" for name, value in response_headers().items()]
    return "\n".join(lines) + "\n"


def nginx_headers(mission: str) -> str:
    """``add_header`` lines for the ``server`` block (``always``: error pages too).

    nginx inherits ``add_header`` only into locations that set none of their own, so the
    file is included in each such ``location`` too.
    """
    lines = [f"# {_NOTE.format(mission=mission)}",
             "# In the server block (and in any location with add_header of its own):",
             f"#     include /etc/nginx/chancery/{mission}.conf;"]
    lines += [f'add_header {name} "{value}" always;'
              for name, value in response_headers().items()]
    return "\n".join(lines) + "\n"


def _with_policy(policy: str) -> dict[str, str]:
    """The response headers, with ``policy`` (plus ``frame-ancestors``) as the CSP."""
    headers = response_headers()
    headers["Content-Security-Policy"] = f"{policy}; frame-ancestors 'none'"
    return headers


def admin_nginx(mission: str, policy: str) -> str:
    """A ``location /admin/`` for the ``server`` block: the editor's policy, not the site's."""
    lines = [f"# Security headers of the web editor of {mission} at /admin/ (made by Chancery "
             "from its admin/index.html: do not edit).",
             "# In the server block, beside the site's headers:",
             f"#     include /etc/nginx/chancery/{mission}-admin.conf;",
             "location /admin/ {"]
    lines += [f'    add_header {name} "{value}" always;'
              for name, value in _with_policy(policy).items()]
    return "\n".join([*lines, "}"]) + "\n"


def admin_policy_of(site_dir: Path) -> str | None:
    """The policy the editor's page carries, if the site has the editor."""
    try:
        text = (site_dir / ADMIN_PAGE).read_text(encoding="utf-8")
    except OSError:
        return None
    found = _META_POLICY.search(text)
    return html.unescape(found.group(1)) if found else None


def cloudfront_policy(mission: str, policy: str | None = None) -> str:
    """For ``aws cloudfront create-response-headers-policy --response-headers-policy-config``.

    ``policy``: the web editor's, for the ``/admin/*`` behaviour (default: the site's).
    """
    name = f"chancery-{mission}" + ("-admin" if policy else "")
    csp = _with_policy(policy)["Content-Security-Policy"] if policy else header_policy()
    config = {
        "Name": name,
        "Comment": _NOTE.format(mission=mission)[:128],
        "SecurityHeadersConfig": {
            "ContentSecurityPolicy": {"Override": True, "ContentSecurityPolicy": csp},
            "ContentTypeOptions": {"Override": True},
            "FrameOptions": {"Override": True, "FrameOption": "DENY"},
            "ReferrerPolicy": {"Override": True, "ReferrerPolicy": REFERRER_POLICY},
        },
        "CustomHeadersConfig": {
            "Quantity": 1,
            "Items": [{"Header": "Permissions-Policy", "Value": PERMISSIONS_POLICY,
                       "Override": True}],
        },
    }
    return json.dumps(config, indent=2) + "\n"


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (hard links to the live site stay)."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    write_text_atomic(path, text)


def write_site_headers(site_dir: Path, mission: str, method: str | None) -> None:
    """``_headers`` in a mission's published folder, if its host reads it (see above)."""
    if method in IN_SITE_METHODS:
        _write(site_dir / NETLIFY, netlify_headers(mission))


def write_deploy_config(out_dir: Path, mission: str) -> Path:
    """Every host's configuration in ``<out>/_deploy/<mission>/`` (never published)."""
    folder = out_dir / DEPLOY_DIR / mission
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((NETLIFY, netlify_headers(mission)), (NGINX, nginx_headers(mission)),
                       (CLOUDFRONT, cloudfront_policy(mission))):
        _write(folder / name, text)
    admin = admin_policy_of(out_dir / mission)
    for name, text in ((ADMIN_NGINX, admin and admin_nginx(mission, admin)),
                       (ADMIN_CLOUDFRONT, admin and cloudfront_policy(mission, admin))):
        if text:
            _write(folder / name, text)
        else:
            (folder / name).unlink(missing_ok=True)
    return folder
