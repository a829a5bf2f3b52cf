"""Holiday closures: Viet Nam's and the host country's public holidays, the mission's own."""

from __future__ import annotations

from datetime import date

from chancery.content.loaders.yaml_source import parse_yaml
from chancery.content.model.fields import Localized
from chancery.features.consular.closures import (
    Holiday,
    HolidaySources,
    closed_days,
    public_holidays,
    window,
)
from chancery.features.consular.hours import Hours, MissionHours
from chancery.features.consular.schedule import holiday_name, schedule_view, week
from tests.consular.conftest import HOURS_YML


def hours(text: str = HOURS_YML) -> MissionHours:
    source = parse_yaml(text, "hours.yml")
    return MissionHours(Hours.model_validate(source.data), source, "Europe/Paris")


def days_of(country: str, year: int, subdivision: str | None = None) -> dict[date, str]:
    found = public_holidays(country, subdivision, date(year, 1, 1), date(year + 1, 1, 1))
    return {h.day: h.english for h in found}


def test_tet_2027_falls_on_6_february() -> None:
    vietnam = days_of("VN", 2027)
    assert vietnam[date(2027, 2, 6)] == "Lunar New Year"
    assert vietnam[date(2027, 2, 5)] == "Lunar New Year's Eve"


def test_hung_kings_day_and_the_other_vietnamese_holidays() -> None:
    vietnam = days_of("VN", 2027)
    assert vietnam[date(2027, 4, 16)] == "Hung Kings' Commemoration Day"
    assert vietnam[date(2027, 4, 30)] == "Liberation Day/Reunification Day"
    assert vietnam[date(2027, 9, 2)] == "National Day"


def test_host_country_holidays_by_region() -> None:
    assert date(2027, 8, 30) not in days_of("GB", 2027)  # UK-wide: no August bank holiday
    assert days_of("GB", 2027, "ENG")[date(2027, 8, 30)] == "Late Summer Bank Holiday"


def test_the_next_12_months() -> None:
    assert window(date(2026, 12, 1)) == (date(2026, 12, 1), date(2027, 12, 1))
    assert window(date(2028, 2, 29)) == (date(2028, 2, 29), date(2029, 2, 28))


def test_closed_days_are_working_days_closed_for_a_holiday_or_by_the_mission() -> None:
    closed = {c.day: c for c in closed_days(hours(), "FR", date(2026, 12, 1))}
    assert date(2027, 2, 5) in closed  # Friday: Lunar New Year's Eve
    assert date(2027, 2, 6) not in closed  # Tết itself is a Saturday: closed anyway
    assert date(2027, 2, 8) in closed  # Monday: third day of Tết
    assert [h.country for h in closed[date(2027, 7, 14)].holidays] == ["FR"]
    assert [h.country for h in closed[date(2027, 1, 1)].holidays] == ["VN", "FR"]
    # declared closure from 24 to 31 December, on working days only
    declared = [d for d, c in closed.items() if c.declared]
    assert declared == [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28),
                        date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)]
    # the mission works on Pentecost Monday 2027 (holidays.open_on)
    assert date(2027, 5, 17) not in closed
    assert all(day < date(2027, 12, 1) for day in closed)


def test_holidays_can_be_switched_off() -> None:
    text = HOURS_YML.replace("holidays:\n", "holidays:\n  vietnam: false\n  host: false\n")
    closed = closed_days(hours(text), "FR", date(2026, 12, 1))
    assert all(not c.holidays for c in closed)
    assert len(closed) == 6  # only the declared closure


def sources() -> HolidaySources:
    return HolidaySources(
        mission={"Armistice Day": Localized({"vi": "Ngày Đình chiến"})},
        hq={"Lunar New Year": Localized({"fr": "Nouvel An lunaire (Tết)"}),
            "Hung Kings' Commemoration Day": Localized({"fr": "Fête des rois Hùng"})},
    )


def test_holiday_names_come_from_the_library_hq_or_the_mission() -> None:
    tet = Holiday(date(2027, 2, 6), "VN", "Lunar New Year", 0)
    armistice = Holiday(date(2027, 11, 11), "FR", "Armistice Day", 0)
    assert holiday_name(tet, "vi", sources(), None).value == "Tết Nguyên Đán"  # library
    assert holiday_name(tet, "fr", sources(), None).value == "Nouvel An lunaire (Tết)"  # HQ
    assert holiday_name(armistice, "fr", sources(), None).value == "Armistice"  # library
    assert holiday_name(armistice, "vi", sources(), None).value == "Ngày Đình chiến"  # mission
    fallback = holiday_name(tet, "ar", sources(), None)
    assert (fallback.value, fallback.lang) == ("Lunar New Year", "en")


def test_qualifiers_are_translated_with_the_name() -> None:
    observed = Holiday(date(2026, 4, 27), "VN", "Hung Kings' Commemoration Day (observed)", 0)
    assert holiday_name(observed, "fr", sources(), None).value == (
        "Fête des rois Hùng (jour de report)")
    assert holiday_name(observed, "vi", sources(), None).value == (
        "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)")
    moved = Holiday(date(2026, 8, 31), "VN", "Day off (substituted from 08/22/2026)", 0)
    names = HolidaySources(hq={"Day off": Localized({"fr": "Jour de congé"})})
    assert holiday_name(moved, "fr", names, None).value == (
        "Jour de congé (en remplacement du 22 août 2026)")


def test_weekly_hours_in_each_language() -> None:
    vi = week(hours(), "vi")
    assert (vi[0].day, vi[0].office, vi[0].reception) == (
        "Thứ Hai", "09:00–12:30, 14:00–17:00", "09:00–12:00")
    assert (vi[2].reception, vi[5].office, vi[5].is_open) == ("Nghỉ", "Nghỉ", False)
    en = week(hours(), "en")
    assert en[0].office == "9:00\u202fAM–12:30\u202fPM, 2:00\u202fPM–5:00\u202fPM"


def test_schedule_names_whose_holiday_it_is() -> None:
    view = schedule_view(hours(), "FR", sources(), date(2026, 12, 1), "fr", "Viet Nam")
    by_day = {c.iso: c for c in view.closures}
    assert by_day["2027-07-14"].date == "mercredi 14 juillet 2027"
    assert [(n.value, n.country) for n in by_day["2027-07-14"].names] == [
        ("Fête nationale", "France")]
    # no French name given for this one: the library's English name, marked as English
    assert [(n.value, n.lang, n.country) for n in by_day["2027-02-08"].names] == [
        ("Third Day of Lunar New Year", "en", "Viet Nam")]
    assert [n.country for n in by_day["2027-01-01"].names] == [None]  # both countries
    assert view.until == "30 novembre 2027"
    assert view.separate_reception
