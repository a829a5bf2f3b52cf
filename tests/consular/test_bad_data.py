"""Bad data is an error (or a warning) at file:line that says what to do, from ``check``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tests.consular.conftest import CONSULAR_YML, HOURS_YML, RELATIONS_YML, problems_of

VISA_LINK = "  - id: visa\n    online: https://vietnam-visa.example/\n"
VISA_FORM = """\
  - id: visa
    forms:
      - id: na1
        title: {vi: Tờ khai, fr: Formulaire}
        file: /media/forms/missing.pdf
        fields:
          - label: {vi: Họ tên, fr: Nom}
"""

CASES = {
    "unknown currency": (
        "consular.yml",
        CONSULAR_YML.replace("amount: 65, currency: EUR", "amount: 65, currency: EURO"),
        "fr-lyon/data/consular.yml:4: services[0].fees[0].currency: 'EURO' is not an ISO 4217 "
        "currency code; did you mean EUR? use the three capital letters of the currency, "
        "e.g. EUR, USD, GBP, JPY, EGP",
    ),
    "negative fee": (
        "consular.yml",
        CONSULAR_YML.replace("amount: 0\n", "amount: -5\n"),
        "fr-lyon/data/consular.yml:23: services[2].fees[0].amount: negative fee -5; a fee is 0 "
        "or more (write 0 for a free service)",
    ),
    "unknown service kind": (
        "consular.yml",
        CONSULAR_YML.replace("kind: other", "kind: notarial"),
        "fr-lyon/data/consular.yml:10: services[2].kind: 'notarial' is not allowed; expected "
        "one of: 'visa', 'passport', 'legalisation', 'civil-status', 'nationality', "
        "'citizen-protection' or 'other'",
    ),
    "closure ends before it starts": (
        "hours.yml",
        HOURS_YML.replace("end: 2026-12-31", "end: 2026-12-20"),
        "fr-lyon/data/hours.yml:26: closures[0].end: end 2026-12-20 is before start 2026-12-24; "
        "put the last day of the closure in 'end' (or leave it out for one day)",
    ),
    "holiday override on an invalid date": (
        "hours.yml",
        HOURS_YML.replace("date: 2027-05-17", "date: 2026-02-30"),
        "fr-lyon/data/hours.yml:15: holidays.open_on[0].date: '2026-02-30' is not a date: "
        "February 2026 has 28 days; correct the day (YYYY-MM-DD, e.g. 2026-02-28)",
    ),
    "closure on an invalid date": (
        "hours.yml",
        HOURS_YML.replace("start: 2026-12-24", "start: 2026-02-30"),
        "fr-lyon/data/hours.yml:25: closures[0].start: '2026-02-30' is not a date: February "
        "2026 has 28 days; correct the day (YYYY-MM-DD, e.g. 2026-02-28)",
    ),
    "closing before opening": (
        "hours.yml",
        HOURS_YML.replace('closes: "17:00"', 'closes: "13:00"'),
        "fr-lyon/data/hours.yml:8: office[1].closes: closes at 13:00, not after it opens "
        "(14:00); check the two times",
    ),
    "unknown time zone": (
        "hours.yml",
        HOURS_YML.replace("Europe/Paris", "Paris"),
        "fr-lyon/data/hours.yml:1: timezone: 'Paris' is not a time zone; use an IANA name such "
        "as Europe/Paris",
    ),
    "unknown region": (
        "hours.yml",
        HOURS_YML.replace("holidays:\n", "holidays:\n  subdivision: ZZ\n"),
        "fr-lyon/data/hours.yml:14: holidays.subdivision: 'ZZ' is not a region of FR known to "
        "the holidays library; use one of: 57, 6AE, 971, 972, 973, 974, 976, BL, MF, NC, PF, "
        "PM, TF, WF, Zone A, Zone B, Zone C",
    ),
    "visa page linking elsewhere than the e-visa portal": (
        "consular.yml",
        CONSULAR_YML + VISA_LINK,
        "fr-lyon/data/consular.yml:33: services[3].online: 'https://vietnam-visa.example/': the "
        "visa page links only to the official e-visa portal https://evisa.gov.vn/; remove this "
        "address",
    ),
    "missing form file": (
        "consular.yml",
        CONSULAR_YML + VISA_FORM,
        "fr-lyon/data/consular.yml:36: services[3].forms[0].file: '/media/forms/missing.pdf' not "
        "found; put the file in the mission's media/ folder (or HQ's) and link it as "
        "/media/<name>",
    ),
    "unknown service id": (
        "consular.yml",
        CONSULAR_YML + "  - id: pasport\n    appointment: https://x.example/\n",
        "fr-lyon/data/consular.yml:32: services[3].id: 'pasport' is not a known service (visa, "
        "passport, legalisation, citizen-protection, notary); check the id, or give every field "
        "of a new service (missing: kind, title, summary, audience, how_to_apply, review_by)",
    ),
    "fee with neither label nor HQ id": (
        "consular.yml",
        CONSULAR_YML.replace("{id: new, amount: 65", "{id: nouveau, amount: 65"),
        "fr-lyon/data/consular.yml:4: services[0].fees[0]: this fee needs a 'label', or the "
        "'id' of one of HQ's fees for 'passport' (ids: new, replacement)",
    ),
    "missing translation": (
        "consular.yml",
        CONSULAR_YML.replace("title: {vi: Công chứng, fr: Actes notariés}",
                             "title: {vi: Công chứng}"),
        "fr-lyon/data/consular.yml:12: services[2].title: no 'fr' text; add 'fr: ...' (every "
        "language of the mission needs it)",
    ),
    "processing range upside down": (
        "consular.yml",
        CONSULAR_YML.replace("      days: 0\n", "      days: 2\n      from_days: 4\n"),
        "fr-lyon/data/consular.yml:28: services[2].processing.from_days: from_days (4) is more "
        "than days (2); 'days' is the longest time",
    ),
    "impossible month": (
        "relations.yml",
        RELATIONS_YML.replace("signed: 2019-06-30", "signed: 2019-13"),
        "fr-lyon/data/relations.yml:7: agreements[0].signed: '2019-13' is not a date: there is "
        "no month 13 (months are 01 to 12)",
    ),
    "agreement in force before signature": (
        "relations.yml",
        RELATIONS_YML.replace("in_force: 2020-08-01", "in_force: 2018-01-01"),
        "fr-lyon/data/relations.yml:8: agreements[0].in_force: in force 2018-01-01 before it was "
        "signed (2019-06-30); check both dates",
    ),
    "unknown partnership level": (
        "relations.yml",
        RELATIONS_YML.replace("level: strategic-partnership", "level: best-friends"),
        "fr-lyon/data/relations.yml:3: partnership.level: 'best-friends' is not allowed; "
        "expected one of: 'comprehensive-strategic-partnership', 'strategic-partnership', "
        "'extensive-strategic-partnership', 'comprehensive-partnership' or "
        "'friendship-and-cooperation'",
    ),
}


def test_the_fixture_itself_is_clean(lyon: Path) -> None:
    assert problems_of(lyon) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_data_is_reported_at_file_and_line_with_the_fix(lyon: Path, case: str) -> None:
    file, text, expected = CASES[case]
    write(lyon / "fr-lyon/data" / file, text)
    assert problems_of(lyon) == [expected]


def test_a_past_review_date_is_a_warning(lyon: Path) -> None:
    write(lyon / "fr-lyon/data/consular.yml",
          CONSULAR_YML.replace("review_by: 2027-12-31", "review_by: 2026-11-30"))
    assert problems_of(lyon) == [
        "fr-lyon/data/consular.yml:31: [warning] services[2].review_by: review date 2026-11-30 "
        "has passed; check that the 'notary' service's documents, fees and times are still "
        "right, then set a new review_by date"
    ]


def test_an_hq_review_date_gone_by_warns_every_mission_at_hq_file(
    lyon: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANCERY_NOW", "2027-11-15T09:00:00+01:00")
    found = problems_of(lyon)
    assert "../_hq/data/consular.yml" not in " ".join(found)
    assert any(p.startswith("_hq/data/consular.yml:") and "[warning] services[0].review_by: "
               "review date 2027-10-31 has passed" in p for p in found), found


def test_a_host_holiday_without_a_name_in_a_language_is_a_warning(lyon: Path) -> None:
    write(lyon / "fr-lyon/data/hours.yml",
          HOURS_YML.replace('    "Armistice Day": {vi: Ngày Đình chiến}\n', ""))
    assert problems_of(lyon) == [
        "fr-lyon/data/hours.yml:13: [warning] holidays: public holiday 'Armistice Day' "
        "(2027-11-11) has no 'vi' name and will be shown in English; add under holidays.names: "
        '"Armistice Day": {vi: ...}'
    ]


def test_open_on_a_day_that_is_no_holiday_is_a_warning(lyon: Path) -> None:
    write(lyon / "fr-lyon/data/hours.yml",
          HOURS_YML.replace("date: 2027-05-17", "date: 2027-05-18"))
    assert problems_of(lyon) == [
        "fr-lyon/data/hours.yml:15: [warning] holidays.open_on[0].date: 2027-05-18 is not a "
        "public holiday here, so there is nothing to open on; check the date or remove it"
    ]


def test_the_build_refuses_bad_data(lyon: Path, tmp_path: Path) -> None:
    from chancery.pipeline.runner import build_missions

    write(lyon / "fr-lyon/data/consular.yml", CASES["negative fee"][1])
    (report,) = build_missions(lyon, tmp_path / "site", jobs=1, progress=lambda line: None)
    assert not report.ok
    assert CASES["negative fee"][2] in report.errors
    assert not (tmp_path / "site/fr-lyon").exists()


def test_links_to_service_pages_are_known_to_check(lyon: Path) -> None:
    write(lyon / "fr-lyon/pages/fr/index.md", "---\ntitle: Accueil\n---\n"
          "[Passeport](/consular/passport.md) · [Actes](/consular/notary.md)\n"
          "[Absent](/consular/civil-status.md)\n")
    assert problems_of(lyon) == [
        "fr-lyon/pages/fr/index.md:5: link to '/consular/civil-status.md', which does not "
        "exist in 'fr'; check the path or create pages/fr/consular/civil-status.md"
    ]
