"""Fees and processing times, formatted for each language with Babel (CLDR)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chancery.content.data.formats import money
from chancery.content.model.fields import Localized
from chancery.features.consular.model import Fee, Processing
from chancery.features.consular.views import fee_view, processing_text


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        ("1234.5", "EUR", "vi", "1.234,50\u00a0€"),
        ("65", "EUR", "fr", "65,00\u00a0€"),
        ("3500", "EGP", "ar", "\u200f3,500.00\u00a0ج.م.\u200f"),
        ("10500", "JPY", "ja", "￥10,500"),
        ("55", "GBP", "en", "£55.00"),
        ("10500", "JPY", "vi", "10.500\u00a0¥"),
        ("25", "USD", "fr", "25,00\u00a0$US"),
    ],
)
def test_amounts_are_written_as_each_locale_writes_them(
    amount: str, currency: str, lang: str, expected: str
) -> None:
    assert money(Decimal(amount), currency, lang) == expected


def fee(amount: str) -> Fee:
    return Fee(label=Localized({"vi": "Cấp mới", "fr": "Nouveau"}), amount=amount,
               currency="EUR", in_force="2026-01-01")


def test_a_fee_has_its_label_amount_and_date_in_the_page_language() -> None:
    view = fee_view(fee("65"), "fr")
    assert (view.label, view.amount, view.in_force, view.in_force_iso) == (
        "Nouveau", "65,00\u00a0€", "1 janvier 2026", "2026-01-01")
    assert fee_view(fee("65"), "vi").in_force == "1 tháng 1, 2026"


def test_a_zero_fee_reads_free_of_charge() -> None:
    assert fee_view(fee("0"), "vi").amount == "Miễn phí"
    assert fee_view(fee("0"), "fr").amount == "Gratuit"


@pytest.mark.parametrize(
    ("days", "from_days", "lang", "expected"),
    [
        (5, None, "en", "5 working days"),
        (1, None, "en", "1 working day"),
        (5, 3, "fr", "3 à 5 jours ouvrés"),
        (20, 5, "vi", "5–20 ngày làm việc"),
        (5, None, "ru", "5 рабочих дней"),
        (3, None, "ru", "3 рабочих дня"),
        (3, None, "ar", "3 أيام عمل"),
        (5, 3, "ja", "3～5営業日"),
        (0, None, "fr", "Le jour même"),
    ],
)
def test_processing_time_uses_each_language_plural(
    days: int, from_days: int | None, lang: str, expected: str
) -> None:
    assert processing_text(Processing(days=days, from_days=from_days), lang) == expected


def test_fee_date_in_force_is_a_real_date() -> None:
    assert fee("1").in_force == date(2026, 1, 1)
