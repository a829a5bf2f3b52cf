"""The typed data is checked by the assembly of each language, on the files its features
use: a build reports what ``check`` reports about the data, once, whatever the number of
languages, and a data file is parsed once per load of the mission."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from chancery.content.data.files import mission_data_path
from chancery.content.model.network import load_network
from chancery.core.errors import ContentError
from chancery.features.consular.hours import load_hours
from chancery.pipeline.runner import build_missions
from chancery.site.assemble import InvalidData, assemble, release
from chancery.site.data_checks import data_problems
from chancery.site.request import RenderRequest
from tests.conftest import write
from tests.consular.conftest import CONSULAR_YML, HOURS_YML, NOW, problems_of

PAST_REVIEW = CONSULAR_YML.replace("review_by: 2027-12-31", "review_by: 2026-11-30")
NEGATIVE_FEE = CONSULAR_YML.replace("amount: 0\n", "amount: -5\n")
UNNAMED_HOLIDAY = HOURS_YML.replace('    "Armistice Day": {vi: Ngày Đình chiến}\n', "")


def _languages(content: Path) -> list[str]:
    return load_network(content).missions["fr-lyon"].mission.languages


def _build(content: Path, out: Path):
    (report,) = build_missions(content, out, jobs=2, progress=lambda line: None)
    return report


def test_a_build_reports_the_data_warnings_check_reports_once(lyon: Path, tmp_path: Path) -> None:
    write(lyon / "fr-lyon/data/consular.yml", PAST_REVIEW)
    write(lyon / "fr-lyon/data/hours.yml", UNNAMED_HOLIDAY)
    expected = problems_of(lyon)
    assert len(expected) == 2 and len(_languages(lyon)) > 1
    report = _build(lyon, tmp_path / "site")
    assert report.ok, report.errors
    assert [w for w in report.warnings if w in expected] == expected  # once each, in order
    assert not [w for w in report.warnings if "review date" in w and w not in expected]


def test_a_build_refuses_a_data_error_and_says_it_once(lyon: Path, tmp_path: Path) -> None:
    write(lyon / "fr-lyon/data/consular.yml", NEGATIVE_FEE)
    (expected,) = problems_of(lyon)
    report = _build(lyon, tmp_path / "site")
    assert not report.ok
    assert report.errors.count(expected) == 1
    assert not [e for e in report.errors if "negative fee" in e and e != expected], report.errors
    assert not (tmp_path / "site/fr-lyon").exists()


def _request(content: Path, lang: str, serving: bool = False) -> RenderRequest:
    return RenderRequest(content, "fr-lyon", lang, datetime.fromisoformat(NOW),
                         serving=serving)


def test_the_assembly_raises_on_a_data_error_and_a_preview_shows_it(lyon: Path) -> None:
    write(lyon / "fr-lyon/data/consular.yml", NEGATIVE_FEE)
    lang = _languages(lyon)[-1]
    with pytest.raises(InvalidData) as raised:
        assemble(_request(lyon, lang))
    assert [str(p) for p in raised.value.problems] == problems_of(lyon)
    try:
        site = assemble(_request(lyon, lang, serving=True))
    except ContentError as exc:  # a feature that cannot show invalid data refuses it
        assert [str(p) for p in exc.problems] == problems_of(lyon)
    else:
        release(site)
        assert [str(p) for p in site.problems] == problems_of(lyon)


def test_the_checks_and_the_features_read_one_parse_of_each_file(lyon: Path) -> None:
    write(lyon / "fr-lyon/data/hours.yml", UNNAMED_HOLIDAY)
    site = assemble(_request(lyon, _languages(lyon)[0]))
    release(site)
    assert [str(p) for p in site.problems] == problems_of(lyon)
    hours = load_hours(site.entry)
    assert hours is not None
    assert hours.source is site.entry.parsed.optional(mission_data_path(site.entry, "hours.yml"))
    # The file fixed after the assembly: its checks still see what its features used;
    # the next load of the mission reads the file again.
    write(lyon / "fr-lyon/data/hours.yml", HOURS_YML)
    assert [str(p) for p in data_problems(site.network, site.entry, site.facts.now)] \
        == [str(p) for p in site.problems]
    assert problems_of(lyon) == []
