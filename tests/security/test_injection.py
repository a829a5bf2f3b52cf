"""Hostile text in every field of content and data reaches pages only as text.

Each payload is appended to every free-text field of a small network (mission facts, page
front matter, news posts, consular services and fees, hours, relations, alerts, HQ's
category names), the network is built, and every page, in every language of the mission,
is parsed: no script other than the site's own files and JSON-LD that parses, no ``on*``
attribute, no ``javascript:``/``data:``/``vbscript:`` address; feeds and sitemaps parse as
XML and carry the payload as text. Addresses that could run script are refused by
``check`` at ``file:line``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from chancery.checks.content import check_mission
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.content.model.network import load_network
from chancery.core.errors import ContentError
from tests.conftest import write
from tests.consular.conftest import NOW, build, make_network
from tests.news.helpers import JPEG

PAYLOADS = {
    "attribute": '"><img src=x onerror=alert(1)>',
    "title": "</title><script>alert(1)</script>",
    "script": "</script><script>alert(1)</script>",
    "single-quote": "' onmouseover='alert(1)",
    "scheme": "javascript:alert(1)",
}
# Keys whose values are not free text (ids, codes, dates, addresses, numbers, kinds).
NOT_TEXT = {
    "id", "kind", "host_country", "languages", "site_url", "country", "number", "hotline",
    "address", "network", "url", "online", "appointment", "link", "publish", "severity",
    "currency", "timezone", "days", "opens", "closes", "date", "start", "end", "in_force",
    "signed", "established", "since", "level", "to", "review_by", "geo", "open_on",
    "postal_code", "amount", "weight", "offered", "template", "src", "scope", "missions",
    "file", "from_days",
}
SCRIPT_OK_TYPES = {"application/ld+json"}
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "xlink:href", "cite", "data",
             "background", "manifest", "icon"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
FALLBACK_MARK = "<span lang="  # how a text in another language is marked (i18n.fallback)
SOCIAL = "https://www.facebook.com/lyon?ref='onmouseover='alert(1)"  # valid, hostile quotes


class _Quoted(yaml.SafeDumper):
    """Every string in double quotes, so that none is read back as something else."""


_Quoted.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Quoted, allow_unicode=True, sort_keys=False)


def poison(node: object, payload: str, key: str | None = None) -> object:
    """``node`` (loaded YAML) with ``payload`` appended to every free-text string."""
    if isinstance(node, dict):
        return {k: (v if k in NOT_TEXT else poison(v, payload, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(item, payload, key) for item in node]
    if isinstance(node, str):
        return f"{node} {payload}"
    return node


def rewrite_yaml(path: Path, payload: str, change=None) -> None:
    data = poison(yaml.safe_load(path.read_text(encoding="utf-8")), payload)
    if change:
        change(data)
    path.write_text(dump(data), encoding="utf-8")


def front_matter(meta: dict, body: str) -> str:
    return "---\n" + dump(meta) + "---\n\n" + body


def alert(payload: str) -> dict:
    return {"alerts": [{
        "id": "hostile", "severity": "warning",
        "title": {DEFAULT_LANGUAGE: f"Cảnh báo {payload}"},
        "body": {DEFAULT_LANGUAGE: f"Nội dung {payload}"},
        "start": "2026-11-01", "end": "2027-01-31", "link": "https://example.org/alert",
    }]}


def hostile_network(content: Path, payload: str) -> tuple[Path, list[str]]:
    """``fr-lyon`` with ``payload`` in every field; returns the folder and its languages."""
    make_network(content)
    mission_file = content / "fr-lyon/mission.yml"

    def mission_extra(data: dict) -> None:
        data["short_name"] = {code: f"LY {payload}" for code in data["languages"]}
        for field in ("street", "city"):  # "address" is also an e-mail's key: not poisoned
            data["address"][field] = f"{data['address'][field]} {payload}"
        data["social"] = [{"network": "facebook", "url": SOCIAL}]

    rewrite_yaml(mission_file, payload, mission_extra)
    languages = yaml.safe_load(mission_file.read_text(encoding="utf-8"))["languages"]
    for name in ("consular.yml", "hours.yml", "relations.yml"):
        rewrite_yaml(content / "fr-lyon/data" / name, payload)
    (content / "_hq/data/alerts.yml").write_text(dump(alert(payload)), encoding="utf-8")

    def category_names(data: dict) -> None:
        for category in data["news"]["categories"]:
            category["name"] = {code: f"{text} {payload}"
                                for code, text in category["name"].items()}

    hq = content / "_hq/hq.yml"
    data = yaml.safe_load(hq.read_text(encoding="utf-8"))
    category_names(data)
    default = languages[0]
    # HQ texts the other languages lack: shown in the default language, marked <span lang>.
    data["ministry"]["name"] = {default: f"{data['ministry']['name'][default]} {payload}"}
    for link in data["ministry"]["links"]:
        link["label"] = {default: f"{link['label'][default]} {payload}"}
    hq.write_text(dump(data), encoding="utf-8")

    def untranslated_titles(hq_consular: dict) -> None:
        for service in hq_consular["services"]:
            service["title"] = {default: service["title"][default]}

    rewrite_yaml(content / "_hq/data/consular.yml", payload, untranslated_titles)
    category = data["news"]["categories"][0]["id"]
    (content / "fr-lyon/media/news").mkdir(parents=True, exist_ok=True)
    (content / "fr-lyon/media/news/photo.jpg").write_bytes(JPEG)
    for code in languages:
        pages = content / "fr-lyon/pages" / code
        for path in ("index.md", "contact/index.md", "profile/relations.md"):
            write(pages / path, front_matter(
                {"title": f"Trang {code} {payload}", "description": f"Mô tả {payload}"},
                f"Văn bản {code}."))
        write(pages / "news/2026/tin.md", front_matter({
            "title": f"Tin {code} {payload}", "date": "2026-11-20T10:00:00+01:00",
            "categories": [category], "tags": [f"thẻ {payload}"],
            "summary": f"Tóm tắt {payload}", "author": f"Tác giả {payload}",
            "image": {"src": "/media/news/photo.jpg", "alt": f"Ảnh {payload}"},
        }, f"Nội dung {code}."))
    return content, languages


class PageScan(HTMLParser):
    """Everything on a page that could run script, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.title: list[str] = []
        self._in: str | None = None
        self._script: dict[str, str | None] = {}
        self._data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if value and name in URL_ATTRS | {"srcset"}:
                urls = [part.split()[0] for part in value.split(",") if part.strip()] \
                    if name == "srcset" else [value]
                for url in urls:
                    plain = re.sub(r"[\x00-\x20]", "", url).lower()
                    if plain.startswith(BAD_SCHEMES):
                        self.problems.append(f"<{tag} {name}={value!r}>")
            if value:
                self.text.append(value)
            if value and FALLBACK_MARK in value:
                self.problems.append(f"<{tag} {name}=...> holds markup: {value[:80]!r}")
        if self._in == "title":
            self.problems.append(f"<{tag}> inside <title>")
        if tag in ("iframe", "object", "embed", "base", "frame", "frameset", "applet"):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag in ("script", "title"):
            self._in, self._script, self._data = tag, dict(attrs), []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in == "script":
            self._check_script("".join(self._data))
        if tag == self._in == "title":
            self.title.append("".join(self._data))
            if FALLBACK_MARK in self.title[-1]:
                self.problems.append(f"markup in <title>: {self.title[-1][:80]!r}")
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._data.append(data)
        self.text.append(data)

    def _check_script(self, body: str) -> None:
        kind, src = self._script.get("type"), self._script.get("src")
        if kind in SCRIPT_OK_TYPES:
            try:
                json.loads(body)
            except ValueError:
                self.problems.append(f"JSON-LD that does not parse: {body[:80]!r}")
            return
        if src is None or body.strip():
            self.problems.append(f"inline <script>: {body[:80]!r}")
        elif re.match(r"^([a-z][a-z0-9+.-]*:|//)", src, re.I):
            self.problems.append(f"<script src={src!r}> from another origin")


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module", params=list(PAYLOADS), ids=list(PAYLOADS))
def hostile_site(request: pytest.FixtureRequest,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, list]]:
    payload = PAYLOADS[request.param]
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", NOW)
        content, languages = hostile_network(root / "content", payload)
        yield build(content, root / "site"), payload, languages


def test_no_page_in_any_language_can_run_the_payload(hostile_site) -> None:
    site, payload, languages = hostile_site
    pages = sorted((site / "fr-lyon").rglob("*.html"))
    assert len(pages) > 20
    problems = {str(p.relative_to(site)): scan(p).problems for p in pages}
    assert not {page: found for page, found in problems.items() if found}


def test_the_payload_is_shown_as_text_in_every_language(hostile_site) -> None:
    site, payload, languages = hostile_site
    default = languages[0]
    for code in languages:
        base = site / "fr-lyon" / ("" if code == default else code)
        home = scan(base / "index.html")
        assert any(payload in title for title in home.title), (code, home.title)
        text = "\n".join(home.text)
        assert f"LY {payload}" in text  # short name (header), as text
        assert f"Mô tả {payload}" in text  # description, as an attribute's value
        (post_file,) = base.glob("news/2026/tin-*/index.html")  # the slug comes from the title
        post = scan(post_file)
        assert f"Tin {code} {payload}" in "\n".join(post.text)
        contact = scan(base / "contact/index.html")
        assert f"Lyon {payload}" in "\n".join(contact.text)  # the city


def test_json_ld_keeps_the_payload_as_data(hostile_site) -> None:
    site, payload, languages = hostile_site
    text = (site / "fr-lyon/contact/index.html").read_text(encoding="utf-8")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert json.loads(script)["address"]["addressLocality"] == f"Lyon {payload}"
    (post_file,) = (site / "fr-lyon").glob("news/2026/tin-*/index.html")
    post = post_file.read_text(encoding="utf-8")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', post, re.S)
    assert json.loads(script)["headline"].endswith(payload)


def test_feeds_and_sitemaps_parse_with_the_payload_as_text(hostile_site) -> None:
    site, payload, languages = hostile_site
    feeds = sorted((site / "fr-lyon").rglob("*.xml"))
    assert any("rss" in f.name or "atom" in f.name for f in feeds), feeds
    for feed in feeds:
        root = ET.parse(feed).getroot()  # raises on anything that is not well-formed XML
        if "sitemap" in feed.name:
            continue
        titles = [el.text or "" for el in root.iter() if el.tag.endswith("title")]
        assert any(title.endswith(payload) for title in titles), (feed, titles)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", 'https://example.org/"><img src=x>',
                                 "java\tscript:alert(1)"])
def test_a_social_link_that_could_run_script_is_refused_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    mission = content / "fr-lyon/mission.yml"
    text = mission.read_text(encoding="utf-8")
    line = text.count("\n") + 3  # the line of "url:"
    mission.write_text(text + "social:\n  - network: x\n    url: " + json.dumps(url) + "\n",
                       encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        network = load_network(content)
        check_mission(network, network.missions["fr-lyon"])
    messages = [str(p) for p in caught.value.problems]
    assert any(m.startswith(f"fr-lyon/mission.yml:{line}:") and "url" in m for m in messages), \
        messages
    assert not any("Traceback" in m for m in messages)


@pytest.mark.parametrize("field, url", [("online", "javascript:alert(1)"),
                                        ("appointment", "data:text/html,x")])
def test_a_consular_link_that_could_run_script_is_refused_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, url: str) -> None:
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    consular = content / "fr-lyon/data/consular.yml"
    lines = consular.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.strip().startswith(f"{field}:"))
    lines[at] = re.sub(rf"{field}: .*", f"{field}: {json.dumps(url)}", lines[at])
    consular.write_text("\n".join(lines) + "\n", encoding="utf-8")
    network = load_network(content)
    try:
        messages = [str(p) for p in check_mission(network, network.missions["fr-lyon"])]
    except ContentError as exc:
        messages = [str(p) for p in exc.problems]
    assert any(m.startswith(f"fr-lyon/data/consular.yml:{at + 1}:") for m in messages), \
        messages


def test_every_field_reaches_its_page_type_as_text(hostile_site) -> None:
    """Data texts (consular services, fees, relations, alerts, categories, tags) and HQ texts
    a language lacks (shown in the default language, marked with their own lang) are text."""
    site, payload, languages = hostile_site
    default = languages[0]
    for code in languages:
        base = site / "fr-lyon" / ("" if code == default else code)

        def text_of(path: str, base: Path = base) -> str:
            return "\n".join(scan(base / path).text)

        assert f"Cảnh báo {payload}" in text_of("index.html")  # an alert, on every page
        assert f"Trang {code} {payload}" in "".join(scan(base / "contact/index.html").title)
        assert payload in text_of("profile/relations/index.html")
        assert payload in text_of("consular/index.html")
        service = text_of("consular/notary/index.html")  # the mission's own service and fee
        assert service.count(payload) >= 3, service
        (post_file,) = base.glob("news/2026/tin-*/index.html")
        post = "\n".join(scan(post_file).text)
        assert f"thẻ {payload}" in post and f"Tóm tắt {payload}" in post  # tag, summary
        assert any(f" {payload}" in value for value in scan(post_file).text
                   if "Tác giả" not in value and "Tin" not in value)  # the category's name
        if code != default:  # the ministry's name and HQ's service titles fall back
            for path in ("index.html", "consular/index.html"):
                html = (base / path).read_text(encoding="utf-8")
                assert f'<span lang="{default}" dir=' in html, (code, path)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:x",
                                 'https://example.org/"onmouseover="alert(1)'])
def test_an_alert_link_that_could_run_script_is_refused_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    data = alert("")
    data["alerts"][0]["link"] = url
    text = dump(data)
    line = next(i for i, row in enumerate(text.splitlines(), 1)
                if row.lstrip().startswith(("link:", '"link":')))
    (content / "_hq/data/alerts.yml").write_text(text, encoding="utf-8")
    try:
        network = load_network(content)
        messages = [str(p) for p in check_mission(network, network.missions["fr-lyon"])]
    except ContentError as exc:
        messages = [str(p) for p in exc.problems]
    assert any(m.startswith(f"_hq/data/alerts.yml:{line}:") and "link" in m
               for m in messages), messages
    assert not any("Traceback" in m for m in messages)


def test_the_text_only_edition_shows_the_payload_as_text(hostile_site) -> None:
    """lite/ prints the same editor texts (alerts, services, contact, posts) as text."""
    site, payload, languages = hostile_site
    default = languages[0]
    for code in languages:
        lite = site / "fr-lyon" / ("" if code == default else code) / "lite"

        def text_of(path: str, lite: Path = lite, code: str = code) -> str:
            parsed = scan(lite / path)
            assert parsed.problems == [], (code, path, parsed.problems)
            return "\n".join(parsed.text)

        assert f"Cảnh báo {payload}" in text_of("index.html")  # the alert, on every page
        assert f"Cảnh báo {payload}" in text_of("contact/index.html")
        assert f"LY {payload}" in "".join(scan(lite / "index.html").title)  # the site's name
        assert text_of("consular/index.html").count(payload) >= 2
        assert text_of("consular/notary/index.html").count(payload) >= 3
        assert f"Lyon {payload}" in text_of("contact/index.html")  # the city
        news = text_of("news/index.html")
        assert f"Tin {code} {payload}" in news and f"Tóm tắt {payload}" in news


def test_a_hostile_crisis_reaches_every_page_and_the_edition_as_text(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """A crisis' title and message, on every page in crisis mode, are text (every payload at
    once, in a mission's crisis and in HQ's)."""
    hostile = " ".join(PAYLOADS.values())
    root = tmp_path_factory.mktemp("hostile-crisis")
    content = make_network(root / "content")
    mission = content / "fr-lyon/mission.yml"
    languages = yaml.safe_load(mission.read_text(encoding="utf-8"))["languages"]
    texts = {code: f"Khủng hoảng {code} {hostile}" for code in languages}
    crisis = {"start": "2026-11-30", "end": "2026-12-05", "title": texts, "message": texts}
    mission.write_text(mission.read_text(encoding="utf-8") + dump({"crisis": crisis}),
                       encoding="utf-8")
    hq = content / "_hq/hq.yml"
    hq_crisis = dict(crisis, id="hostile", missions="all",
                     title={DEFAULT_LANGUAGE: f"HQ {hostile}"},
                     message={DEFAULT_LANGUAGE: f"HQ {hostile}"})
    hq.write_text(hq.read_text(encoding="utf-8") + dump({"crisis": [hq_crisis]}),
                  encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", NOW)
        site = build(content, root / "site")
    pages = sorted((site / "fr-lyon").rglob("*.html"))
    problems = {str(p.relative_to(site)): scan(p).problems for p in pages}
    assert not {page: found for page, found in problems.items() if found}
    default = languages[0]
    for code in languages:
        base = site / "fr-lyon" / ("" if code == default else code)
        for path in ("index.html", "contact/index.html", "lite/index.html",
                     "lite/news/index.html"):
            text = "\n".join(scan(base / path).text)
            assert f"Khủng hoảng {code} {hostile}" in text, (code, path)
            assert f"HQ {hostile}" in text, (code, path)
