"""Crisis mode: switched on by a ``crisis:`` in mission.yml or hq.yml, off by itself at its end.

Built at moments before, during and after a mission's crisis (the build's clock, as
``CHANCERY_NOW`` sets it) with the incremental build's cache, as a real network is: the
emergency layout comes and goes without anyone touching the content.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from chancery.features.crisis.crisis import active_crises
from chancery.features.crisis.layout import emergency_html
from chancery.pipeline.runner import build_missions
from tests.conftest import ROOT, write
from tests.consular.conftest import make_network
from tests.news.helpers import JPEG

MISSION = "fr-lyon"
START, END = "2026-12-01T08:00:00+01:00", "2026-12-03T18:00:00+01:00"
CRISIS = f"""\
crisis:
  start: {START}
  end: {END}
  title: {{vi: Bão lớn đổ bộ Lyon, fr: Tempête majeure sur Lyon}}
  message:
    vi: |-
      Ở trong nhà, tránh xa sông Rhône.
      Gọi đường dây nóng nếu cần giúp đỡ.
    fr: |-
      Restez chez vous, loin du Rhône.
      Appelez la ligne d'urgence si vous avez besoin d'aide.
"""
ALERT = """\
alerts:
  - id: flood-roads
    severity: warning
    title: {vi: Đường ngập, fr: Routes inondées}
    body: {vi: Tránh các tuyến đường ven sông., fr: Évitez les quais.}
    start: 2026-11-01
    end: 2027-01-31
"""


def languages(content: Path) -> list[str]:
    data = yaml.safe_load((content / MISSION / "mission.yml").read_text(encoding="utf-8"))
    return data["languages"]


def crisis_network(content: Path, crisis: str = CRISIS) -> Path:
    """fr-lyon with a photo in a post, an alert, and ``crisis`` in its mission.yml."""
    make_network(content)
    mission = content / MISSION / "mission.yml"
    mission.write_text(mission.read_text(encoding="utf-8") + crisis, encoding="utf-8")
    write(content / MISSION / "data/alerts.yml", ALERT)
    (content / MISSION / "media/news").mkdir(parents=True, exist_ok=True)
    (content / MISSION / "media/news/bridge.jpg").write_bytes(JPEG)
    hq = yaml.safe_load((content / "_hq/hq.yml").read_text(encoding="utf-8"))
    category = hq["news"]["categories"][0]["id"]
    for code in languages(content):
        write(content / MISSION / "pages" / code / "news/2026/cau.md",
              f"---\ntitle: Cầu Bonaparte {code}\ndate: 2026-11-20T10:00:00+01:00\n"
              f"categories: [{category}]\nsummary: Ảnh cây cầu.\n"
              f"image: {{src: /media/news/bridge.jpg, alt: Cây cầu}}\n---\n\n"
              f"![Cây cầu](/media/news/bridge.jpg)\n")
    return content


class Site:
    """Incremental builds of one network into one output folder, at chosen moments."""

    def __init__(self, content: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.content, self.out, self.cache = content, root / "site", root / "cache"
        self.monkeypatch = monkeypatch

    def build_at(self, moment: str):  # noqa: ANN201 - a MissionReport
        self.monkeypatch.setenv("CHANCERY_NOW", moment)
        (report,) = build_missions(self.content, self.out, jobs=2, progress=lambda _: None,
                                   cache_dir=self.cache)
        assert report.ok, report.errors
        return report

    def pages(self) -> dict[str, str]:
        """Every HTML page of the full site (not the text-only edition), by path."""
        root = self.out / MISSION
        return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(root.rglob("*.html")) if "lite" not in path.parts}

    def lite(self) -> dict[str, str]:
        root = self.out / MISSION
        return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
                for path in sorted(root.rglob("lite/**/*.html"))}


SCRIPT_SRC = re.compile(r"<script\b(?![^>]*application/ld\+json)[^>]*>", re.I)
FONT_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/fonts/[^"]*"')
PHOTO = re.compile(r'<picture\b|<img\b[^>]*src="[^"]*media/', re.I)


def assert_emergency(path: str, text: str) -> None:
    body = text[text.index("<body"):]
    crisis = body.index(f'data-chancery-crisis="{MISSION}"')
    header = body.index('<header class="md-header')
    assert crisis < header, path  # the crisis first,
    assert crisis < body.index('data-chancery-alert="flood-roads"') < header, path  # alerts,
    assert crisis < body.index('class="chancery-topbar"') < header, path  # the hotlines
    assert SCRIPT_SRC.search(text) is None, (path, SCRIPT_SRC.findall(text))
    assert FONT_CSS.search(text) is None, path
    assert PHOTO.search(text) is None, path


def assert_normal(path: str, text: str) -> None:
    assert "data-chancery-crisis" not in text, path
    assert FONT_CSS.search(text), path
    body = text[text.index("<body"):]
    assert body.index('<header class="md-header') < body.index("data-chancery-alert"), path


def test_crisis_mode_from_switch_on_to_automatic_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = crisis_network(tmp_path / "content")
    codes = languages(content)
    site = Site(content, tmp_path, monkeypatch)

    site.build_at("2026-11-30T12:00:00+01:00")  # before its start: the normal layout
    before = site.pages()
    for path, text in before.items():
        assert_normal(path, text)
    posts = [path for path in before if "/news/2026/cau-" in f"/{path}"]
    assert len(posts) == len(codes) and all(PHOTO.search(before[p]) for p in posts), posts
    assert SCRIPT_SRC.search(before["search/index.html"])

    report = site.build_at("2026-12-02T10:00:00+01:00")  # during it: the emergency layout
    assert sorted(report.built) == sorted(codes)
    during = site.pages()
    assert len(during) > 20 and "404.html" in during
    for path, text in during.items():
        assert_emergency(path, text)
    assert "Tempête majeure sur Lyon" in during["fr/index.html"]
    assert "Loin du Rhône".lower() in during["fr/contact/index.html"].lower()
    assert "Bão lớn đổ bộ Lyon" in during["index.html"]
    search = during["search/index.html"]
    assert "<noscript>" not in search and 'class="chancery-notice"' in search
    lite = site.lite()
    assert lite and all('data-chancery-crisis="fr-lyon"' in text for text in lite.values())
    assert "Appelez la ligne d&#39;urgence" in lite["fr/lite/index.html"]

    site.build_at("2026-12-03T17:00:00+01:00")  # its last day: still on
    assert all('data-chancery-crisis="fr-lyon"' in t for t in site.pages().values())

    report = site.build_at(END)  # its end, the same day: rebuilt, back to normal
    assert not report.unchanged and sorted(report.built) == sorted(codes)
    after = site.pages()
    assert sorted(after) == sorted(before)
    for path, text in after.items():
        assert_normal(path, text)
    assert all(PHOTO.search(after[p]) for p in posts)
    assert SCRIPT_SRC.search(after["search/index.html"])
    assert not any("data-chancery-crisis" in text for text in site.lite().values())

    report = site.build_at("2026-12-03T19:00:00+01:00")  # nothing else happens that day
    assert report.unchanged


def hq_with_crisis(content: Path, crisis: str) -> None:
    hq = content / "_hq/hq.yml"
    hq.write_text(hq.read_text(encoding="utf-8") + crisis, encoding="utf-8")


def test_an_hq_crisis_covers_its_missions_from_its_first_to_its_last_day(tmp_path: Path) -> None:
    content = make_network(tmp_path / "content")
    hq_with_crisis(content, f"""\
crisis:
  - id: evacuation
    missions: [{MISSION}]
    start: 2026-12-10
    end: 2026-12-11
    title: {{vi: Sơ tán công dân}}
    message: {{vi: Liên hệ ngay với cơ quan đại diện.}}
""")
    network = load_network(content)
    entry = network.missions[MISSION]

    def on(moment: str) -> list[str]:
        return [c.crisis.id for c in active_crises(network, entry, datetime.fromisoformat(moment))]

    # Days without an offset are Viet Nam's (HQ): from 10 December 00:00 to 12 December 00:00.
    assert on("2026-12-09T23:59:00+07:00") == []
    assert on("2026-12-10T00:00:00+07:00") == ["evacuation"]
    assert on("2026-12-11T23:59:00+07:00") == ["evacuation"]
    assert on("2026-12-12T00:00:00+07:00") == []
    found = [str(p) for p in check_mission(network, entry)]
    others = [code for code in languages(content) if code != "vi"]
    assert others and all(
        any(f"no '{code}' text" in line and "[warning]" in line for line in found)
        for code in others), found


def test_an_hq_crisis_without_its_language_shows_the_vietnamese_text_marked_as_such(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_network(tmp_path / "content")
    hq_with_crisis(content, """\
crisis:
  - id: typhoon
    missions: all
    start: 2026-11-25
    end: 2026-12-05
    title: {vi: Bão số 9}
    message: {vi: Theo dõi thông báo của cơ quan đại diện.}
""")
    monkeypatch.setenv("CHANCERY_NOW", "2026-12-01T10:00:00+01:00")
    out = tmp_path / "site"
    (report,) = build_missions(content, out, jobs=1, progress=lambda _: None)
    assert report.ok, report.errors
    other = next(code for code in languages(content) if code != "vi")
    text = (out / MISSION / other / "index.html").read_text(encoding="utf-8")
    assert 'data-chancery-crisis="hq-typhoon"' in text
    assert '<div class="chancery-alert__inner" lang="vi" dir="ltr">' in text
    lite = (out / MISSION / other / "lite/index.html").read_text(encoding="utf-8")
    assert 'data-chancery-crisis="hq-typhoon" lang="vi" dir="ltr">' in lite  # its <section>


def line_of(path: Path, prefix: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.startswith(prefix))


NO_END_MISSION = """\
crisis:
  start: 2026-12-01
  title: {vi: Động đất, fr: Séisme}
  message: {vi: Ở nơi an toàn., fr: Restez en lieu sûr.}
"""


def test_a_crisis_without_end_is_an_error_at_its_line(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    mission = content / MISSION / "mission.yml"
    mission.write_text(mission.read_text(encoding="utf-8") + NO_END_MISSION, encoding="utf-8")
    hq_with_crisis(content, """\
crisis:
  - id: quake
    missions: all
    start: 2026-12-01T06:00:00+07:00
    title: {vi: Động đất}
    message: {vi: Ở nơi an toàn.}
""")
    network = load_network(content)
    found = [str(p) for p in check_mission(network, network.missions[MISSION])]
    mission_line = line_of(mission, "crisis:")
    hq_line = line_of(content / "_hq/hq.yml", "  - id: quake")
    for where in (f"{MISSION}/mission.yml:{mission_line}:", f"_hq/hq.yml:{hq_line}:"):
        assert any(line.startswith(where) and "no end: every crisis needs one" in line
                   and "[warning]" not in line for line in found), (where, found)
    assert any("e.g. end: 2026-12-30" in line for line in found), found  # a day: 30 days

    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content",
                             str(content)], capture_output=True, text=True, cwd=content)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"{MISSION}/mission.yml:{mission_line}:" in output, output

    monkeypatch.setenv("CHANCERY_NOW", "2026-12-02T10:00:00+01:00")
    (report,) = build_missions(content, tmp_path / "site", jobs=1, progress=lambda _: None)
    assert not report.ok
    assert any("no end: every crisis needs one" in line for line in report.errors), report.errors


@pytest.mark.parametrize(("crisis", "field", "message"), [
    ("  start: 2026-12-05\n  end: 2026-12-01\n", "crisis.end", "is not after start"),
    ("  start: 2026-12-01\n  end: 2027-01-15\n", "crisis.end", "more than 30 days"),
    ("  start: 2026-12-01T08:00:00+01:00\n  end: 2026-12-31T09:00:00+01:00\n", "crisis.end",
     "more than 30 days"),
])
def test_a_crisis_that_would_never_show_or_never_end_is_refused_at_its_line(
        tmp_path: Path, crisis: str, field: str, message: str) -> None:
    content = make_network(tmp_path / "content")
    mission = content / MISSION / "mission.yml"
    mission.write_text(mission.read_text(encoding="utf-8") + "crisis:\n" + crisis
                       + "  title: {vi: Lũ, fr: Crue}\n  message: {vi: Cẩn thận., fr: Prudence.}\n",
                       encoding="utf-8")
    network = load_network(content)
    found = [p for p in check_mission(network, network.missions[MISSION]) if p.is_error]
    assert [(p.line, p.field) for p in found if message in p.message] == [
        (line_of(mission, "  end:"), field)], [str(p) for p in found]


def test_an_hq_crisis_naming_an_unknown_mission_or_lacking_vietnamese_is_refused(
        tmp_path: Path) -> None:
    content = make_network(tmp_path / "content")
    hq_with_crisis(content, """\
crisis:
  - id: flood
    missions: [fr-lyon, fr-nantes]
    start: 2026-12-01
    end: 2026-12-02
    title: {fr: Crue}
    message: {vi: Cẩn thận.}
""")
    network = load_network(content)
    errors = [p for p in check_mission(network, network.missions[MISSION]) if p.is_error]
    hq = content / "_hq/hq.yml"
    assert {(p.line, p.message.split(";")[0]) for p in errors} == {
        (line_of(hq, "    missions:"), "no mission 'fr-nantes'"),
        (line_of(hq, "    title:"), "no Vietnamese text"),
    }, [str(p) for p in errors]


def test_the_emergency_pass_keeps_the_emblem_and_data_but_no_photo_or_script() -> None:
    page = ('<img src="../../assets/images/emblem.svg" alt=""><img src="../media/a.jpg" alt="a">'
            '<picture><source srcset="a.webp"><img src="a.jpg" alt="b"></picture>'
            '<img src="https://example.org/assets/images/x.svg" alt="">'
            '<img src="../assets/images/../../media/a.jpg" alt="">'
            '<script type="application/ld+json">{"a": 1}</script>'
            '<script src="../assets/scripts/search.js"></script><script>alert(1)</script>')
    assert emergency_html(page) == ('<img src="../../assets/images/emblem.svg" alt="">'
                                    '<script type="application/ld+json">{"a": 1}</script>')
