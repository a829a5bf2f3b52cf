"""The languages Chancery publishes in: HQ declares them, CLDR (through Babel) describes them.

HQ lists its languages in ``content/_hq/languages.yml``: a BCP 47 code each, and only what
CLDR cannot tell (a preferred font family, a search language). The native name, the writing
direction, plural rules, date and number formats all come from CLDR, so any tag CLDR knows
(``lo``, ``zh-Hant``, ``sr-Latn``, ``pt-BR``) can be declared without code.

* :func:`language` gives the CLDR facts of any known tag (pure, remembered per tag).
* :func:`load_languages` gives HQ's declaration (remembered per file and version).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from pydantic import Field

from chancery.content.loaders.yaml_source import YamlSource, dotted, load_yaml_file
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.core.incremental.stamps import FileStamp
from chancery.core.project import PROJECT_ROOT

DEFAULT_LANGUAGE = "vi"  # the network's source language: every text is written in it first
LANGUAGES_FILE = "languages.yml"
_TAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")


@dataclass(frozen=True)
class Language:
    """A site language: BCP 47 code, CLDR's facts about it, and HQ's few additions."""

    code: str
    native_name: str
    direction: str  # "ltr" or "rtl"
    babel_locale: str
    font: str | None = None  # HQ's preferred font family, if CLDR's script is not enough
    search: str | None = None  # the language the search index uses, if not ``code``

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.babel_locale)

    @property
    def script(self) -> str:
        """The ISO 15924 script CLDR expects for this language (``Laoo``, ``Hebr``...)."""
        return _likely_script(self.babel_locale)

    @property
    def search_language(self) -> str:
        return self.search or self.code


class UnknownLanguage(KeyError):
    """A tag CLDR does not know; ``str()`` is an editor-friendly message."""

    def __str__(self) -> str:
        return str(self.args[0])


def known_tags() -> list[str]:
    """Every tag CLDR knows, in BCP 47 spelling (``zh-Hant``, ``pt-BR``)."""
    return _known_tags()


@lru_cache(maxsize=1)
def _known_tags() -> list[str]:
    return sorted(identifier.replace("_", "-") for identifier in locale_identifiers())


def closest_tags(code: str, count: int = 3) -> list[str]:
    """The known tags that look most like ``code``, for error messages."""
    tags = known_tags()
    lowered = {tag.lower(): tag for tag in tags}
    close = difflib.get_close_matches(code.lower(), list(lowered), n=count, cutoff=0.5)
    return [lowered[tag] for tag in close] or ["en", "vi"]


@lru_cache(maxsize=512)
def language(code: str) -> Language:
    """CLDR's facts about ``code``; raise :class:`UnknownLanguage` if CLDR does not know it."""
    if not isinstance(code, str) or not _TAG.fullmatch(code):
        raise UnknownLanguage(msg("'{code}' is not a BCP 47 language tag; the closest known "
                                  "tags are: {closest}", code=str(code),
                                  closest=", ".join(closest_tags(str(code)))))
    try:
        locale = Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError):
        raise UnknownLanguage(msg("'{code}' is not a language CLDR knows; the closest known "
                                  "tags are: {closest}", code=code,
                                  closest=", ".join(closest_tags(code)))) from None
    # CLDR's name of the language (with script and region only if the tag names them);
    # capitalised, as it stands alone in the language switcher.
    territory = locale.territory if "-" in code and code.rsplit("-", 1)[-1].isupper() else None
    named = Locale(locale.language, territory=territory, script=locale.script)
    name = named.get_display_name(locale) or code
    return Language(
        code=code,
        native_name=name[:1].upper() + name[1:],
        direction="rtl" if locale.character_order == "right-to-left" else "ltr",
        babel_locale=str(locale),
    )


@lru_cache(maxsize=512)
def _likely_script(babel_locale: str) -> str:
    from babel.core import get_global

    locale = Locale.parse(babel_locale)
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags").get(locale.language, "")
    parts = likely.split("_")
    return next((part for part in parts[1:] if len(part) == 4), "Latn")


@dataclass(frozen=True)
class Languages:
    """HQ's declared languages, in HQ's order; ``source`` is ``None`` without a file."""

    by_code: dict[str, Language]
    source: YamlSource | None = None

    def __contains__(self, code: object) -> bool:
        return code in self.by_code if self.source is not None else _is_known(code)

    def __iter__(self):
        return iter(self.by_code)

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code: str) -> Language:
        """The declared language ``code`` (CLDR's facts alone if HQ keeps no file)."""
        if code in self.by_code:
            return self.by_code[code]
        if self.source is None:
            return language(code)
        raise UnknownLanguage(self.not_declared(code))

    @property
    def codes(self) -> list[str]:
        return list(self.by_code)

    @property
    def file(self) -> str:
        return self.source.file if self.source else LANGUAGES_FILE

    def supported_codes(self) -> str:
        """Comma-separated declared codes, for error messages."""
        return ", ".join(self.by_code) if self.source else "any language CLDR knows"

    def not_declared(self, code: str) -> str:
        """Why ``code`` cannot be used, and what to do."""
        if not _is_known(code):
            try:
                language(code)
            except UnknownLanguage as exc:
                return exc.args[0]  # a message (msg), which str() would make plain text
        return (msg("'{code}' is not a language HQ declares ({supported_codes}); HQ adds it "
                    "with one line '- code: {code}' in {file}",
                    code=code, supported_codes=self.supported_codes(), file=self.file))


def _is_known(code: object) -> bool:
    try:
        language(str(code))
    except UnknownLanguage:
        return False
    return True


def _entry_model():
    from chancery.content.model.fields import Strict

    class LanguageEntry(Strict):
        """One line of ``languages.yml``: the tag, and only what CLDR cannot tell."""

        code: str = Field(min_length=2)
        font: str | None = Field(None, min_length=1, description="preferred font family")
        search: str | None = Field(None, min_length=2, description="search index language")

    class LanguagesFile(Strict):
        languages: list[LanguageEntry] = Field(min_length=1)

    return LanguagesFile


def load_languages(hq_dir: Path) -> Languages:
    """HQ's declaration in ``hq_dir/languages.yml``; raise :class:`ContentError` at file:line.

    Remembered per file path, modification time and size, so tests with their own content
    folders and edits while serving each get their own answer.
    """
    path = Path(hq_dir) / LANGUAGES_FILE
    try:
        stat = path.stat()
    except OSError:
        return Languages({}, None)
    return _load(str(path.resolve()), FileStamp.of(stat), display_path(path))


@lru_cache(maxsize=32)
def _load(path: str, _stamp: FileStamp, display: str) -> Languages:
    from chancery.content.model.validation import validate

    source = load_yaml_file(Path(path), display)
    parsed = validate(_entry_model(), source)
    problems: list[Problem] = []
    by_code: dict[str, Language] = {}
    for i, entry in enumerate(parsed.languages):
        where = ("languages", i, "code")
        line = source.line_of(where)
        if entry.code in by_code:
            problems.append(Problem(display, line, dotted(where),
                                    msg("'{code}' is declared twice; keep one entry",
                                        code=entry.code)))
            continue
        try:
            facts = language(entry.code)
        except UnknownLanguage as exc:
            problems.append(Problem(display, line, dotted(where), exc.args[0]))
            continue
        by_code[entry.code] = Language(facts.code, facts.native_name, facts.direction,
                                       facts.babel_locale, entry.font, entry.search)
    if DEFAULT_LANGUAGE not in by_code and not problems:
        problems.append(Problem(display, source.line_of(("languages",)), "languages",
                                msg("'{default_language}' (the source language) must be declared",
                                    default_language=DEFAULT_LANGUAGE)))
    if problems:
        raise ContentError(problems)
    return Languages(by_code, source)


def project_languages() -> Languages:
    """The languages of the project's own content folder (for the UI catalog tools)."""
    return load_languages(PROJECT_ROOT / "content" / "_hq")


def supported_codes(languages: Languages | None = None) -> str:
    """Comma-separated list of supported codes, for error messages."""
    return (languages or project_languages()).supported_codes()
