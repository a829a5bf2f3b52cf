"""HQ texts a language lacks fall back to Vietnamese, marked with their own lang and dir."""

from __future__ import annotations

from jinja2 import Environment

from chancery.content.i18n.fallback import Fallback, localized
from chancery.content.model.fields import Localized


def render(value: object) -> str:
    return Environment(autoescape=True).from_string("<p>{{ v }}</p>").render(v=value)


def test_the_page_language_is_plain_text() -> None:
    text = localized(Localized({"vi": "Hộ chiếu", "lo": "ໜັງສືຜ່ານແດນ"}), "lo")
    assert not isinstance(text, Fallback)
    assert render(text) == "<p>ໜັງສືຜ່ານແດນ</p>"


def test_a_fallback_carries_its_language_and_is_escaped() -> None:
    text = localized(Localized({"vi": "Hộ chiếu <script>alert(1)</script> & \"x\""}), "he")
    assert isinstance(text, Fallback) and text.lang == "vi" and text.dir == "ltr"
    assert render(text) == ('<p><span lang="vi" dir="ltr">Hộ chiếu &lt;script&gt;alert(1)'
                            '&lt;/script&gt; &amp; &#34;x&#34;</span></p>')
    assert str(text) == "Hộ chiếu <script>alert(1)</script> & \"x\""  # still the text
