"""Texts shown in another language than the page's carry their own ``lang`` and ``dir``.

HQ's texts and data labels a language lacks fall back to the Vietnamese (the source
language; ``check`` warns). :func:`localized` returns the page language's text as a plain
``str``; a fallback comes back as :class:`Fallback`, a ``str`` that renders in an
autoescaping template as ``<span lang="vi" dir="ltr">…</span>`` (escaped), so the element
holding it says its language, and nothing else is marked.
"""

from __future__ import annotations

from markupsafe import escape

from chancery.content.model.fields import Localized
from chancery.content.model.languages import DEFAULT_LANGUAGE, UnknownLanguage, language


class Fallback(str):
    """A text in ``lang`` (not the page's language); as HTML, wrapped in a marked span."""

    lang: str
    dir: str

    def __new__(cls, text: str, lang: str) -> Fallback:
        made = super().__new__(cls, text)
        made.lang = lang
        try:
            made.dir = language(lang).direction
        except UnknownLanguage:
            made.dir = "ltr"
        return made

    def __html__(self) -> str:
        return f'<span lang="{escape(self.lang)}" dir="{self.dir}">{escape(str(self))}</span>'

    def with_text(self, text: str) -> Fallback:
        """Another text in the same language (e.g. one paragraph of this one)."""
        return Fallback(text, self.lang)


def localized(value: Localized | None, lang: str, fallback: str = DEFAULT_LANGUAGE) -> str | None:
    """``value`` in ``lang``; else in ``fallback`` (or any language) as a :class:`Fallback`."""
    if value is None:
        return None
    root = value.root
    if root.get(lang):
        return root[lang]
    used = fallback if root.get(fallback) else next(iter(root), None)
    return Fallback(root[used], used) if used is not None else ""
