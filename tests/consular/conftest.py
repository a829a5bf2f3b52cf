"""A small network whose mission has every kind of data, and helpers to check and build it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from tests.conftest import CONTENT, MISSION_YML, page, write

# The clock of every build in these tests (see chancery.core.clock).
NOW = "2026-12-01T10:00:00+01:00"

CONSULAR_YML = """\
services:
  - id: passport
    fees:
      - {id: new, amount: 65, currency: EUR, in_force: 2026-01-01}
      - {id: replacement, amount: 130.5, currency: EUR, in_force: 2026-01-01}
    appointment: https://fr-lyon.test.example/rendez-vous/
  - id: civil-status
    offered: false
  - id: notary
    kind: other
    weight: 5
    title: {vi: Công chứng, fr: Actes notariés}
    summary: {vi: Chứng thực chữ ký cho công dân., fr: Légalisation de signature.}
    audience:
      vi: Công dân Việt Nam.

        Cả người đang đi du lịch.
      fr: Les citoyens vietnamiens.

        Y compris les voyageurs.
    fees:
      - label: {vi: Chứng thực, fr: Légalisation}
        amount: 0
        currency: EUR
        in_force: 2026-03-01
    processing:
      days: 0
      note: {vi: Khi nộp đủ hồ sơ., fr: Sur dossier complet.}
    how_to_apply: {vi: Đến trực tiếp., fr: Venez en personne.}
    online: https://fr-lyon.test.example/demarches/
    review_by: 2027-12-31
"""

HOURS_YML = """\
timezone: Europe/Paris
office:
  - days: [mon, tue, wed, thu, fri]
    opens: "09:00"
    closes: "12:30"
  - days: [mon, tue, wed, thu, fri]
    opens: "14:00"
    closes: "17:00"
consular:
  - days: [mon, tue, thu]
    opens: "09:00"
    closes: "12:00"
holidays:
  open_on:
    - date: 2027-05-17
  names:
    "Christmas Day": {vi: Lễ Giáng sinh}
    "Easter Monday": {vi: Thứ Hai Phục sinh}
    "Ascension Day": {vi: Lễ Thăng Thiên}
    "National Day": {vi: Quốc khánh}
    "All Saints' Day": {vi: Lễ Các Thánh}
    "Armistice Day": {vi: Ngày Đình chiến}
    "Pentecost Monday": {vi: Thứ Hai Lễ Hiện xuống}
closures:
  - start: 2026-12-24
    end: 2026-12-31
    reason: {vi: Nghỉ cuối năm, fr: Fermeture de fin d'année}
"""

RELATIONS_YML = """\
established: 1973-04-12
partnership:
  level: strategic-partnership
  since: 2013-09
agreements:
  - title: {vi: Hiệp định A, fr: Accord A}
    signed: 2019-06-30
    in_force: 2020-08-01
visits:
  - date: 1993-02
    to: vietnam
    kind: state
    role: {vi: Tổng thống Pháp, fr: Président de la République française}
    summary: {vi: Chuyến thăm lịch sử., fr: Une visite historique.}
  - date: 2018
    to: host
    kind: official
    role: {vi: Tổng Bí thư, fr: Secrétaire général}
"""

ALERTS_NONE = "alerts: []\n"


def make_network(content: Path, *, data: bool = True) -> Path:
    """HQ from the repository and mission ``fr-lyon`` [vi, fr] with pages and data."""
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / "_hq/data/alerts.yml", ALERTS_NONE)
    geo = "  country: FR\n  geo: {lat: 45.764, lon: 4.8357}\n"
    mission = MISSION_YML.replace("  country: FR\n", geo)
    write(content / "fr-lyon/mission.yml", mission)
    for lang in ("vi", "fr"):
        base = content / "fr-lyon/pages" / lang
        write(base / "index.md", page(f"Home {lang}"))
        write(base / "contact/index.md", page("Liên hệ" if lang == "vi" else "Contact",
                                              f"Texte de la page contact ({lang})."))
        write(base / "profile/relations.md", page("Quan hệ" if lang == "vi" else "Relations",
                                                  f"Texte de la mission ({lang})."))
    if data:
        write(content / "fr-lyon/data/consular.yml", CONSULAR_YML)
        write(content / "fr-lyon/data/hours.yml", HOURS_YML)
        write(content / "fr-lyon/data/relations.yml", RELATIONS_YML)
    return content


def problems_of(content: Path, mission: str = "fr-lyon") -> list[str]:
    network = load_network(content)
    return [str(p) for p in check_mission(network, network.missions[mission])]


def build(content: Path, out: Path, missions: list[str] | None = None) -> Path:
    """Build with the runner (worker processes, like ``build.py build``); fail on any error."""
    from chancery.pipeline.runner import build_missions

    reports = build_missions(content, out, missions, jobs=2, progress=lambda line: None)
    failed = {r.mission: r.errors for r in reports if not r.ok}
    assert not failed, failed
    return out


@pytest.fixture
def lyon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The content folder (also the working directory, so problems read ``fr-lyon/...``)."""
    content = make_network(tmp_path / "content")
    monkeypatch.chdir(content)
    monkeypatch.setenv("CHANCERY_NOW", NOW)
    return content


@pytest.fixture(scope="module")
def lyon_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``fr-lyon`` with all its data, built once at :data:`NOW`."""
    root = tmp_path_factory.mktemp("lyon")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", NOW)
        yield build(make_network(root / "content"), root / "site")


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")
