"""The languages Chancery can publish in, with the facts the theme needs."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGE = "vi"


@dataclass(frozen=True)
class Language:
    """A site language: BCP 47 code, native name, writing direction, Babel locale."""

    code: str
    native_name: str
    direction: str  # "ltr" or "rtl"
    babel_locale: str

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("vi", "Tiếng Việt", "ltr", "vi"),
        Language("en", "English", "ltr", "en"),
        Language("fr", "Français", "ltr", "fr"),
        Language("ar", "العربية", "rtl", "ar"),
        Language("fa", "فارسی", "rtl", "fa"),
        Language("ja", "日本語", "ltr", "ja"),
        Language("zh", "中文", "ltr", "zh_Hans"),
        Language("ko", "한국어", "ltr", "ko"),
        Language("ru", "Русский", "ltr", "ru"),
        Language("de", "Deutsch", "ltr", "de"),
        Language("es", "Español", "ltr", "es"),
        Language("pt", "Português", "ltr", "pt"),
    )
}


def language(code: str) -> Language:
    """Return the :class:`Language` for ``code``; raise ``KeyError`` if unsupported."""
    return LANGUAGES[code]


def supported_codes() -> str:
    """Comma-separated list of supported codes, for error messages."""
    return ", ".join(LANGUAGES)
