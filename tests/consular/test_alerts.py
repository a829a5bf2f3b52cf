"""Alerts: typed, mandatory end and Vietnamese text, a banner on every page while they last."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from chancery.content.model.network import load_network
from chancery.features.alerts.alerts import active_alerts, load_alerts
from chancery.features.alerts.views import alert_view
from tests.conftest import MISSION_YML, page, write
from tests.consular.conftest import build, problems_of

MISSION_ALERT = """\
alerts:
  - id: typhoon
    severity: critical
    title: {vi: Cảnh báo bão, fr: Alerte typhon}
    body: {vi: Hãy theo dõi tin tức., fr: Suivez les informations.}
    start: 2026-12-05
    end: 2026-12-10
    link: https://example.org/typhon
"""

HQ_ALERT = """\
alerts:
  - id: network-notice
    severity: info
    title: {vi: Thông báo chung, en: General notice}
    body: {vi: Nội dung thông báo., en: What the notice says.}
    start: 2026-12-01T00:00:00+07:00
    end: 2026-12-31T18:00:00+07:00
"""


def alerts_at(content: Path, moment: str) -> list[str]:
    network = load_network(content)
    when = datetime.fromisoformat(moment)
    return [a.alert.id for a in active_alerts(network, network.missions["fr-lyon"], when)]


def test_a_day_alert_lasts_from_the_start_of_its_first_day_to_the_end_of_its_last(
    lyon: Path,
) -> None:
    write(lyon / "fr-lyon/data/alerts.yml", MISSION_ALERT)
    # days are meant in the mission's time zone (Europe/Paris, from hours.yml)
    assert alerts_at(lyon, "2026-12-04T23:59:00+01:00") == []
    assert alerts_at(lyon, "2026-12-05T00:00:00+01:00") == ["typhoon"]
    assert alerts_at(lyon, "2026-12-10T23:59:00+01:00") == ["typhoon"]
    assert alerts_at(lyon, "2026-12-11T00:00:00+01:00") == []


def test_hq_alerts_reach_every_mission_most_severe_first(lyon: Path) -> None:
    write(lyon / "_hq/data/alerts.yml", HQ_ALERT)
    write(lyon / "fr-lyon/data/alerts.yml", MISSION_ALERT)
    assert alerts_at(lyon, "2026-12-06T12:00:00+01:00") == ["typhoon", "network-notice"]
    # HQ's times carry their offset: 18:00 in Hà Nội is 12:00 in Lyon
    assert alerts_at(lyon, "2026-12-31T11:59:00+01:00") == ["network-notice"]
    assert alerts_at(lyon, "2026-12-31T12:00:00+01:00") == []


def test_a_language_the_alert_lacks_shows_english_then_vietnamese(lyon: Path) -> None:
    write(lyon / "_hq/data/alerts.yml", HQ_ALERT)
    network = load_network(lyon)
    (alert,) = active_alerts(network, network.missions["fr-lyon"],
                             datetime.fromisoformat("2026-12-02T12:00:00+01:00"))
    fr, vi, ar = (alert_view(alert, lang) for lang in ("fr", "vi", "ar"))
    assert (fr.title, fr.lang, fr.label) == ("General notice", "en", "Information")
    assert (vi.title, vi.lang, vi.body) == ("Thông báo chung", "vi", ["Nội dung thông báo."])
    assert (ar.lang, ar.dir) == ("en", "ltr")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("    end: 2026-12-10\n", ""),
         "fr-lyon/data/alerts.yml:2: alerts[0]: no end: every alert needs one (e.g. end: "
         "2027-03-31) so that it disappears by itself at the next build after it"),
        (("{vi: Cảnh báo bão, fr: Alerte typhon}", "{fr: Alerte typhon}"),
         "fr-lyon/data/alerts.yml:4: alerts[0].title: no Vietnamese text; add 'vi: ...' (every "
         "alert needs it; pages in a language the alert lacks show it in English or "
         "Vietnamese)"),
        (("end: 2026-12-10", "end: 2026-12-01"),
         "fr-lyon/data/alerts.yml:7: alerts[0].end: end 2026-12-01 is before start 2026-12-05; "
         "the alert would never show: put the last day (or moment) of the alert in 'end'"),
        (("end: 2026-12-10", "end: 2026-12-32"),
         "fr-lyon/data/alerts.yml:7: alerts[0].end: '2026-12-32' is not a date: December 2026 "
         "has 31 days; correct the day (YYYY-MM-DD, e.g. 2026-12-31)"),
        (("severity: critical", "severity: urgent"),
         "fr-lyon/data/alerts.yml:3: alerts[0].severity: 'urgent' is not allowed; expected one "
         "of: 'info', 'warning' or 'critical'"),
    ],
)
def test_bad_alerts_are_errors(lyon: Path, change: tuple[str, str], expected: str) -> None:
    write(lyon / "fr-lyon/data/alerts.yml", MISSION_ALERT.replace(*change))
    assert problems_of(lyon) == [expected]


def test_an_hq_alert_without_vietnamese_fails_every_mission(lyon: Path) -> None:
    write(lyon / "_hq/data/alerts.yml", HQ_ALERT.replace("body: {vi: Nội dung thông báo., ",
                                                         "body: {"))
    network = load_network(lyon)
    problems = load_alerts(network, network.missions["fr-lyon"])[1]
    assert [str(p) for p in problems] == [
        "_hq/data/alerts.yml:5: alerts[0].body: no Vietnamese text; add 'vi: ...' (every alert "
        "needs it; pages in a language the alert lacks show it in English or Vietnamese)"
    ]


def banners(site: Path, mission: str) -> dict[str, set[str]]:
    """Alert ids found on each HTML page of a built mission."""
    found = {}
    for path in sorted((site / mission).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found[str(path.relative_to(site))] = {
            part.split('"', 1)[0] for part in text.split('data-chancery-alert="')[1:]
        }
    return found


@pytest.fixture
def two_missions(lyon: Path) -> Path:
    write(lyon / "_hq/data/alerts.yml", HQ_ALERT)
    write(lyon / "fr-lyon/data/alerts.yml", MISSION_ALERT)
    nice = MISSION_YML.replace("fr-lyon", "fr-nice").replace("Lyon", "Nice")
    write(lyon / "fr-nice/mission.yml", nice)
    for lang in ("vi", "fr"):
        write(lyon / f"fr-nice/pages/{lang}/index.md", page(f"Nice {lang}"))
    return lyon


@pytest.mark.parametrize(
    ("now", "lyon_alerts", "nice_alerts"),
    [
        ("2026-11-30T12:00:00+01:00", set(), set()),  # before both start
        ("2026-12-06T12:00:00+01:00", {"typhoon", "network-notice"}, {"network-notice"}),
        ("2026-12-20T12:00:00+01:00", {"network-notice"}, {"network-notice"}),  # typhoon over
        ("2027-01-02T12:00:00+01:00", set(), set()),  # both ended: gone at the next build
    ],
)
def test_an_alert_is_on_every_page_of_every_language_while_it_lasts(
    two_missions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str,
    lyon_alerts: set[str], nice_alerts: set[str],
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", now)
    site = build(two_missions, tmp_path / "site")
    lyon_pages, nice_pages = banners(site, "fr-lyon"), banners(site, "fr-nice")
    assert len(lyon_pages) > 15 and len(nice_pages) > 10
    assert any(p.startswith("fr-lyon/fr/") for p in lyon_pages)  # French pages too
    assert any(p.endswith("404.html") for p in lyon_pages)
    assert {page: ids for page, ids in lyon_pages.items() if ids != lyon_alerts} == {}
    assert {page: ids for page, ids in nice_pages.items() if ids != nice_alerts} == {}


def test_the_banner_needs_no_script_and_says_what_it_is(
    two_missions: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", "2026-12-06T12:00:00+01:00")
    site = build(two_missions, tmp_path / "site", ["fr-lyon"])
    text = (site / "fr-lyon/fr/index.html").read_text(encoding="utf-8")
    start = text.index('<div class="chancery-alert chancery-alert--critical"')
    banner = text[start:re.compile(r"</div>\s*</div>").search(text, start).start()]
    assert 'role="region" aria-label="Alerte urgente"' in banner
    assert '<strong class="chancery-alert__title">Alerte typhon</strong>' in banner
    assert '<a href="https://example.org/typhon" rel="noopener">En savoir plus</a>' in banner
    assert "<script" not in banner
    # the HQ alert has no French text: shown in English, marked as such
    assert '<div class="chancery-alert__inner" lang="en" dir="ltr">' in text
    # the banner comes right after the header, before the page
    assert text.index("</header>") < start < text.index('class="md-container"')
