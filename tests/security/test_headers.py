"""The Content-Security-Policy each page carries and the headers each host is given.

Every built page of the example network carries the one policy of
:mod:`chancery.render.security.headers` first in its ``<head>`` and no script it would block (no
inline script, no handler attribute, no inline style); each host's configuration in
``<out>/_deploy/<mission>/`` sends that same policy plus what only a header can say.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chancery.content.model.network import load_network
from chancery.render.security.deploy import CLOUDFRONT, DEPLOY_DIR, NETLIFY, NGINX
from chancery.render.security.headers import header_policy, page_policy, response_headers
from tests.conftest import CONTENT

NETWORK = load_network(CONTENT)
DATA_SCRIPTS = {"application/ld+json"}  # data blocks: never run, not governed by script-src


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in
            (part.split() for part in policy.split(";") if part.strip())}


def test_the_policy_allows_only_this_site() -> None:
    policy = directives(page_policy())
    for name, values in policy.items():
        assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values, name
        assert not any(re.match(r"(https?:|\*|wss?:)", value) for value in values), name
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert "frame-ancestors" not in policy  # ignored in <meta>: only the header says it
    assert directives(header_policy())["frame-ancestors"] == ["'none'"]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.first_in_head: str | None = None
        self.meta_policy: list[str] = []
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.styles: list[str] = []
        self._in_head = False
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif self._in_head and self.first_in_head is None and "charset" not in values:
            self.first_in_head = values.get("http-equiv") or tag
        if tag == "meta" and (values.get("http-equiv") or "").lower() == \
                "content-security-policy":
            self.meta_policy.append(values.get("content") or "")
        if tag == "script" and "src" not in values:
            self._script = values.get("type") or "text/javascript"
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if "style" in values:
            self.styles.append(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None and data.strip() and self._script not in DATA_SCRIPTS:
            self.inline_scripts.append(data.strip()[:80])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None


def _pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html")
                  if not {"_dashboard", "_deploy", "admin"} & set(path.relative_to(site).parts))


def test_every_page_carries_the_policy_first_and_nothing_it_blocks(example_site: Path) -> None:
    pages = _pages(example_site)
    assert len(pages) > 100
    for path in pages:
        parsed = _Page()
        parsed.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(example_site)
        assert parsed.meta_policy == [page_policy()], where
        assert parsed.first_in_head == "Content-Security-Policy", (where, parsed.first_in_head)
        assert parsed.inline_scripts == [], (where, parsed.inline_scripts)
        assert parsed.handlers == [], (where, parsed.handlers)
        assert parsed.styles == [], (where, parsed.styles)


@pytest.mark.parametrize("mission", sorted(NETWORK.missions))
def test_each_host_is_given_the_same_headers(example_site: Path, mission: str) -> None:
    folder = example_site / DEPLOY_DIR / mission
    expected = response_headers()
    assert expected["Content-Security-Policy"] == header_policy()

    netlify = (folder / NETLIFY).read_text(encoding="utf-8").splitlines()
    assert "/*" in netlify
    given = dict(line.strip().split(": ", 1) for line in netlify if line.startswith("  "))
    assert given == expected

    nginx = (folder / NGINX).read_text(encoding="utf-8")
    lines = re.findall(r'^add_header (\S+) "([^"]*)" always;$', nginx, re.M)
    assert dict(lines) == expected
    assert not [line for line in nginx.splitlines()
                if line and not line.startswith(("#", "add_header "))]

    cloudfront = json.loads((folder / CLOUDFRONT).read_text(encoding="utf-8"))
    security = cloudfront["SecurityHeadersConfig"]
    assert security["ContentSecurityPolicy"]["ContentSecurityPolicy"] == header_policy()
    assert security["ReferrerPolicy"]["ReferrerPolicy"] == expected["Referrer-Policy"]
    assert cloudfront["CustomHeadersConfig"]["Items"][0]["Value"] == \
        expected["Permissions-Policy"]


@pytest.mark.parametrize("mission", sorted(NETWORK.missions))
def test_headers_file_is_published_only_where_the_host_reads_it(example_site: Path,
                                                                mission: str) -> None:
    """Netlify-style hosts (git) read ``_headers``; nginx or S3 would serve it as a page."""
    target = NETWORK.missions[mission].mission.publish
    in_site = (example_site / mission / NETLIFY).exists()
    assert in_site == (target is None or target.method == "git"), (mission, target)
