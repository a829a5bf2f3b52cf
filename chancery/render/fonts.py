"""A mission's web fonts: families per script (theme ``fonts.yml``) and generated CSS.

Each language's script comes from CLDR (Babel), so languages need no font setting. The
build publishes ``assets/fonts/fonts.css`` (:data:`FONTS_CSS`) made here from the vendored
``faces.css`` of the mission's families (``@font-face`` rules, one per ``unicode-range``
subset and weight, written by ``build.py fonts``) followed by one font stack per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError, get_global

from chancery.content.loaders.yaml_source import load_yaml_file
from chancery.content.model.languages import Languages

FONTS_CSS = "assets/fonts/fonts.css"  # in the built site
FACES = "faces.css"  # in each vendored family's folder
LICENCE = "OFL.txt"
GENERIC = ("system-ui", "sans-serif")
_FAMILY_NAME = re.compile(r'font-family:\s*"([^"]+)"')
_URL = re.compile(r'url\("(?!\.\./|/|[a-z]+:)')


@dataclass(frozen=True)
class FontTable:
    """The theme's ``fonts.yml``."""

    base: str
    scripts: dict[str, str]
    subsets: dict[str, list[str]] = field(default_factory=dict)
    system: tuple[str, ...] = ()  # scripts in the reader's own fonts: no web font linked
    version: str = "5.3.0"
    weights: tuple[str, ...] = ("400", "700")
    source: str = "@fontsource"

    def families(self) -> list[str]:
        """Every family of the table, the base first, then in the order of ``scripts``."""
        return list(dict.fromkeys([self.base, *self.scripts.values()]))


def load_table(path: Path) -> FontTable:
    data = load_yaml_file(path).data or {}
    return FontTable(
        base=str(data.get("base", "noto-sans")),
        scripts={str(k): str(v) for k, v in (data.get("scripts") or {}).items()},
        subsets={str(k): [str(s) for s in v] for k, v in (data.get("subsets") or {}).items()},
        version=str(data.get("version", "5.3.0")),
        weights=tuple(str(w) for w in data.get("weights", (400, 700))),
        source=str(data.get("source", "@fontsource")),
        system=tuple(str(script) for script in data.get("system") or ()),
    )


@lru_cache(maxsize=256)
def script_of(tag: str) -> str | None:
    """The ISO 15924 script a BCP 47 tag is written in, per CLDR (``None``: unknown tag)."""
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        parts = str(likely.get(key, "")).split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            return parts[1]
    return None


@lru_cache(maxsize=256)
def is_rtl(tag: str) -> bool:
    try:
        return Locale.parse(tag, sep="-").character_order == "right-to-left"
    except (ValueError, TypeError, UnknownLocaleError):
        return False


Preferred = dict[str, str]  # language tag -> family HQ prefers (languages.yml ``font``)


def family_of(table: FontTable, tag: str, preferred: Preferred | None = None) -> str | None:
    """The family that writes ``tag``: HQ's preferred one, else its script's (``None``: the
    table has none)."""
    if preferred and preferred.get(tag):
        return preferred[tag]
    script = script_of(tag)
    return table.scripts.get(script) if script else None


def in_system_fonts(table: FontTable, tag: str, preferred: Preferred | None = None) -> bool:
    """Whether ``tag`` is written in the reader's own fonts (its script is one of the
    table's ``system`` scripts and HQ prefers no family for it)."""
    return not (preferred and preferred.get(tag)) and script_of(tag) in table.system


def web_family_of(table: FontTable, tag: str, preferred: Preferred | None = None) -> str | None:
    """The family whose files a page in ``tag`` loads (``None``: the reader's own fonts)."""
    return None if in_system_fonts(table, tag, preferred) else family_of(table, tag, preferred)


def preferred_fonts(declared: Languages, codes: list[str]) -> Preferred:
    """The families HQ prefers for some of ``codes`` (``font:`` in languages.yml)."""
    return {code: font for code in codes if code in declared
            and (font := declared.get(code).font)}


def font_families(table: FontTable, fonts_dir: Path, languages: list[str],
                  preferred: Preferred | None = None) -> list[str]:
    """Vendored families (in ``fonts_dir``) ``languages`` load, in the table's order (the
    base first): none for a language written in the reader's own fonts (``system`` scripts)."""
    wanted = [f for f in (web_family_of(table, tag, preferred) for tag in languages) if f]
    ordered = list(dict.fromkeys([*table.families(), *wanted]))
    return [f for f in ordered if f in wanted and (fonts_dir / f / FACES).is_file()]


def family_name(fonts_dir: Path, family: str) -> str:
    """The CSS ``font-family`` name of a vendored family (from its ``faces.css``)."""
    found = _FAMILY_NAME.search((fonts_dir / family / FACES).read_text(encoding="utf-8"))
    return found[1] if found else family


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "").replace('"', "") + '"'


def stacks_css(table: FontTable, languages: list[str], names: dict[str, str],
               preferred: Preferred | None = None) -> str:
    """One ``--chancery-font-stack`` per language (``names``: family -> CSS name, of the
    published families only): the base family first, then the language's own family,
    then the others; a right-to-left script's family comes before the base family (its
    digits and punctuation). Languages written in the base family keep the default."""
    families = list(names)
    default = [names[f] for f in families] + list(GENERIC)
    rules = [":root,\n[lang] {\n  --chancery-font-stack: " + ", ".join(
        _quote(n) if n not in GENERIC else n for n in default) + ";\n}"]
    for tag in sorted(set(languages), key=lambda t: (t.count("-"), t)):  # zh before zh-Hant
        own = family_of(table, tag, preferred)
        if own not in names or own == table.base:
            continue
        order = [own, table.base] if is_rtl(tag) else [table.base, own]
        order += [f for f in families if f not in order]
        stack = ", ".join([_quote(names[f]) for f in order if f in names] + list(GENERIC))
        selector = re.sub(r"[^A-Za-z0-9-]", "", tag)
        rules.append(f'[lang|="{selector}"] {{\n  --chancery-font-stack: {stack};\n}}')
    return "\n\n".join(rules) + "\n"


@dataclass(frozen=True)
class MissionFonts:
    """The font families a mission's languages load, and its ``fonts.css``."""

    families: list[str]
    css: str


def mission_fonts(theme_dir: Path, languages: list[str],
                  preferred: Preferred | None = None) -> MissionFonts:
    """The mission's families and ``fonts.css`` (the faces of its families, then its font
    stacks), from the theme's ``fonts.yml`` read once."""
    table = load_table(theme_dir / "fonts.yml")
    fonts_dir = theme_dir / "assets" / "fonts"
    families = font_families(table, fonts_dir, languages, preferred)
    parts = ["/* Generated by the build from themes/chancery/fonts.yml and the vendored\n"
             "   faces (see themes/chancery/FONTS.md): SIL Open Font License 1.1, each\n"
             "   family's licence is in its folder. */"]
    for family in families:
        faces = (fonts_dir / family / FACES).read_text(encoding="utf-8").strip()
        parts.append(_URL.sub(f'url("{family}/', faces))
    parts.append(stacks_css(table, languages,
                            {f: family_name(fonts_dir, f) for f in families},
                            preferred).strip())
    return MissionFonts(families, "\n\n".join(parts) + "\n")


def mission_font_css(theme_dir: Path, languages: list[str],
                     preferred: Preferred | None = None) -> str:
    """The mission's ``fonts.css`` (see :func:`mission_fonts`)."""
    return mission_fonts(theme_dir, languages, preferred).css


def missing_fonts(theme_dir: Path, languages: list[str],
                  preferred: Preferred | None = None) -> list[str]:
    """One line per language whose family (its script's) is not vendored with a licence."""
    table = load_table(theme_dir / "fonts.yml")
    fonts_dir = theme_dir / "assets" / "fonts"
    lines = []
    for tag in languages:
        script = script_of(tag)
        family = family_of(table, tag, preferred)
        if in_system_fonts(table, tag, preferred):
            continue  # the reader's own fonts write it
        if family is None:
            lines.append(f"{tag}: script {script or 'unknown'} has no family in fonts.yml "
                         "scripts: add 'Xxxx: <family>' there, then 'build.py fonts add'")
        elif not (fonts_dir / family / FACES).is_file() \
                or not (fonts_dir / family / LICENCE).is_file():
            lines.append(f"{tag}: family {family} (script {script}) is not vendored: "
                         f"run 'build.py fonts add {family}'")
    return lines
