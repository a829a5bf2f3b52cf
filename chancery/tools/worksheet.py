"""A translator's worksheet: everything one language lacks from HQ, in one CSV file, and back.

``build.py i18n missing --lang lo`` writes one row per text the language needs: HQ's texts
(``hq.yml``), the texts of HQ's data files (``data/*.yml``: consular services, fees, alerts),
Viet Nam's public holiday names the ``holidays`` library cannot give in that language
(``data/holidays.yml``), interface strings (the theme's catalog) and HQ's pages. Beside each
are the Vietnamese and the English source; the translator fills the last column (any
spreadsheet opens the file). ``build.py i18n import FILE`` writes every filled cell back to
where it belongs: a ``lo:`` line in the YAML (comments and layout kept), the catalog entry, or
the page file (marked as translating the Vietnamese page as it is now). A row whose source has
changed since, or that cannot be placed, is an error at ``FILE:line``; nothing is written
unless every row is right.

Row ids say where a text goes: ``hq.yml#/ministry/name`` (a JSON pointer into the YAML file,
relative to ``content/_hq``), ``messages.po#Home`` (``messages.po[1]#...`` for the second
plural form) and ``pages/accessibility.md``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from chancery.content.i18n.catalog import DOMAIN, LOCALES_DIR, gettext_locale, po_path
from chancery.content.i18n.review import DRAFT, read_marker, set_marker
from chancery.content.loaders.yaml_source import YamlSource, load_yaml_file
from chancery.content.model.languages import DEFAULT_LANGUAGE, Languages, load_languages
from chancery.core.clock import wall_now
from chancery.core.errors import ContentError, Problem, display_path, msg

SOURCE_COLUMNS = ["id", "kind", "note", DEFAULT_LANGUAGE, "en"]
HQ_FILE = "hq.yml"
DATA_DIR = "data"
PAGES_DIR = "pages"
HOLIDAYS_FILE = f"{DATA_DIR}/holidays.yml"
HOLIDAY_NAMES = ("names",)
UI_ID = re.compile(r"messages\.po(?:\[(?P<form>\d+)\])?#(?P<msgid>.+)", re.S)
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w+\}")
_KEY_PREFIX = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)")
_FLOW = re.compile(r"^[ ]*(?:-[ ]+)*(?:\{|[^#'\"]*?:[ ]+\{)")
KINDS = {"hq": "HQ text", "data": "data label", "holiday": "holiday name", "ui": "UI string",
         "page": "HQ page"}


@dataclass(frozen=True)
class Row:
    """One text the language lacks: where it goes, and its sources."""

    id: str
    kind: str
    note: str
    vi: str
    en: str
    text: str = ""


# --- what a language lacks -----------------------------------------------------------------


def missing_rows(hq_dir: Path, lang: str, today: date | None = None,
                 locales_dir: Path = LOCALES_DIR) -> list[Row]:
    """Every HQ text, data label, holiday name, UI string and HQ page ``lang`` lacks."""
    languages = _declared(hq_dir, lang)
    rows = list(_yaml_rows(hq_dir, HQ_FILE, lang, languages, "hq"))
    for path in sorted((hq_dir / DATA_DIR).glob("*.yml")):
        name = f"{DATA_DIR}/{path.name}"
        if name != HOLIDAYS_FILE:
            rows += _yaml_rows(hq_dir, name, lang, languages, "data")
    rows += _holiday_rows(hq_dir, lang, today or wall_now().astimezone().date())
    rows += _ui_rows(lang, locales_dir)
    rows += _page_rows(hq_dir, lang)
    return rows


def _declared(hq_dir: Path, lang: str) -> Languages:
    languages = load_languages(hq_dir)
    if lang not in languages:
        raise ContentError([Problem(languages.file, 0, "", languages.not_declared(lang))])
    return languages


def _pointer(path: tuple) -> str:
    return "#" + "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _localized_maps(data: object, path: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Mappings of language code to text (a Vietnamese text among them), wherever they are."""
    if isinstance(data, dict):
        if DEFAULT_LANGUAGE in data and all(isinstance(v, str) for v in data.values()) and all(
                isinstance(k, str) and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", k)
                for k in data):
            yield path, data
            return
        for key, value in data.items():
            yield from _localized_maps(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _localized_maps(item, path + (i,))


def _yaml_rows(hq_dir: Path, name: str, lang: str, languages: Languages,
               kind: str) -> Iterator[Row]:
    file = hq_dir / name
    if not file.is_file():
        return
    source = load_yaml_file(file, display_path(file))
    for path, texts in _localized_maps(source.data):
        if not texts.get(lang):
            yield Row(f"{name}{_pointer(path)}", KINDS[kind], f"line {source.line_of(path)}",
                      texts.get(DEFAULT_LANGUAGE, ""), texts.get("en", ""))


def _holiday_sources(today: date) -> dict[str, tuple[str, str]]:
    """Viet Nam's holidays the library knows: English key -> (Vietnamese, English) names."""
    from chancery.features.consular.closures import (
        VIETNAM,
        _calendar,
        english,
        library_language,
        name_key,
    )

    years = tuple(range(today.year - 5, today.year + 11))
    in_english = _calendar(VIETNAM, None, years, english(VIETNAM))
    vietnamese = library_language(VIETNAM, DEFAULT_LANGUAGE)
    in_vietnamese = _calendar(VIETNAM, None, years, vietnamese) if vietnamese else None
    names: dict[str, tuple[str, str]] = {}
    for day in sorted(in_english):
        local = in_vietnamese.get_list(day) if in_vietnamese is not None else []
        for i, name in enumerate(in_english.get_list(day)):
            vi = name_key(local[i]) if i < len(local) else ""
            names.setdefault(name_key(name), (vi, name_key(name)))
    return names


def _holiday_names(hq_dir: Path) -> tuple[dict, YamlSource | None]:
    file = hq_dir / HOLIDAYS_FILE
    if not file.is_file():
        return {}, None
    source = load_yaml_file(file, display_path(file))
    names = source.data.get("names") if isinstance(source.data, dict) else None
    return (names if isinstance(names, dict) else {}), source


def _holiday_rows(hq_dir: Path, lang: str, today: date) -> Iterator[Row]:
    from chancery.features.consular.closures import VIETNAM, library_language

    if library_language(VIETNAM, lang):
        return  # the library names Viet Nam's holidays in this language itself
    given, _ = _holiday_names(hq_dir)
    for key, (vi, en) in sorted(_holiday_sources(today).items()):
        texts = given.get(key) if isinstance(given.get(key), dict) else {}
        if not texts.get(lang):
            yield Row(f"{HOLIDAYS_FILE}{_pointer(HOLIDAY_NAMES + (key,))}", KINDS["holiday"],
                      "Viet Nam's public holiday", vi, en)


def _template(locales_dir: Path) -> Catalog:
    """The committed template (``messages.pot``) of the catalogs in ``locales_dir``."""
    path = locales_dir / f"{DOMAIN}.pot"
    if not path.is_file():
        return Catalog(domain=DOMAIN)
    with path.open("rb") as handle:
        return read_po(handle, domain=DOMAIN)


def _read_catalog(lang: str, locales_dir: Path) -> Catalog | None:
    path = po_path(lang, locales_dir)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=gettext_locale(lang), domain=DOMAIN)


def _plural_count(lang: str, locales_dir: Path) -> int:
    catalog = _read_catalog(lang, locales_dir)
    return (catalog or Catalog(locale=gettext_locale(lang), domain=DOMAIN)).num_plurals


def _ui_rows(lang: str, locales_dir: Path) -> Iterator[Row]:
    vi = _read_catalog(DEFAULT_LANGUAGE, locales_dir)
    own = _read_catalog(lang, locales_dir)
    forms = _plural_count(lang, locales_dir)
    for message in _template(locales_dir):
        if not message.id or message.context:
            continue
        found = own.get(message.id) if own is not None else None
        have = found.string if found is not None and not found.fuzzy else None
        where = ", ".join(f"{file}:{line}" for file, line in message.locations[:2])
        source = vi.get(message.id) if vi is not None else None
        if isinstance(message.id, str):
            if not have:
                yield Row(f"messages.po#{message.id}", KINDS["ui"], where,
                          source.string if source else "", message.id)
            continue
        singular, plural = message.id
        texts = have if isinstance(have, tuple) else ()
        vi_forms = source.string if source and isinstance(source.string, tuple) else ()
        for k in range(forms):
            if k < len(texts) and texts[k]:
                continue
            note = f"plural form {k + 1} of {forms} ({_plural_rule(lang)}); {where}"
            yield Row(f"messages.po[{k}]#{singular}", KINDS["ui"], note,
                      " | ".join(vi_forms), singular if k == 0 and forms > 1 else plural)


def _plural_rule(lang: str) -> str:
    catalog = Catalog(locale=gettext_locale(lang), domain=DOMAIN)
    return catalog.plural_forms


def _markdown(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.md"))}


def _page_text(path: Path) -> str:
    """A page as the translator sees it: without the translation's own bookkeeping line."""
    from chancery.content.freshness import HASH_KEY

    text = path.read_text(encoding="utf-8")
    return re.sub(rf"^{HASH_KEY}:.*\n", "", text, count=1, flags=re.M)


def _page_rows(hq_dir: Path, lang: str) -> Iterator[Row]:
    pages = hq_dir / PAGES_DIR
    english = _markdown(pages / "en")
    have = _markdown(pages / lang)
    for path, file in _markdown(pages / DEFAULT_LANGUAGE).items():
        if path not in have:
            yield Row(f"{PAGES_DIR}/{path}", KINDS["page"], "the whole page, front matter too",
                      _page_text(file), _page_text(english[path]) if path in english else "")


# --- the file ------------------------------------------------------------------------------


def write_worksheet(rows: list[Row], lang: str, out: Path) -> Path:
    """The CSV file (UTF-8 with a byte order mark, so spreadsheets read it as UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SOURCE_COLUMNS + [lang])
    for row in rows:
        writer.writerow([row.id, row.kind, row.note, row.vi, row.en, row.text])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return out


def read_worksheet(path: Path) -> tuple[str, list[tuple[int, Row]], list[Problem]]:
    """The language, the rows (with the line each starts on) and the malformed rows.

    Raises :class:`ContentError` if the file is not a worksheet at all."""
    where = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise ContentError([Problem(where, 0, "", msg("cannot read the worksheet ({reason}); "
                                                      "save it as CSV in UTF-8",
                                                      reason=reason))]) from None
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ContentError([Problem(where, 1, "", msg("not a CSV file: {exc}",
                                                      exc=str(exc)))]) from None
    expected = ", ".join(SOURCE_COLUMNS) + ", <language code>"
    if header is None or len(header) != len(SOURCE_COLUMNS) + 1 or [
            h.strip() for h in header[:len(SOURCE_COLUMNS)]] != SOURCE_COLUMNS:
        raise ContentError([Problem(where, 1, "", msg("the first row must name the columns "
                                                      "{expected}; write a new worksheet with: "
                                                      "python3 build.py i18n missing --lang CODE",
                                                      expected=expected))])
    lang = header[-1].strip()
    rows, problems, start = [], [], reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(where, start, "", msg("malformed CSV ({exc}); check the "
                                                          "quotes of this row", exc=str(exc))))
            break
        if any(cell.strip() for cell in cells):
            if len(cells) != len(header):
                problems.append(Problem(where, start, "", msg("{count} cells; every row has "
                                                              "{columns} ({expected})",
                                                              count=len(cells),
                                                              columns=len(header),
                                                              expected=expected)))
            else:
                rows.append((start, Row(cells[0].strip(), *cells[1:])))
        start = reader.line_num + 1
    return lang, rows, problems


# --- importing it back ---------------------------------------------------------------------


@dataclass
class _Edits:
    """Everything a worksheet writes, gathered before anything is written."""

    yaml: dict[str, list[tuple[tuple, str]]]  # file -> (path in the file, text)
    ui: dict[tuple[str, int], str]
    pages: dict[str, str]

    @property
    def count(self) -> int:
        return sum(map(len, self.yaml.values())) + len(self.ui) + len(self.pages)


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return "\n".join(line.rstrip() for line in s.replace("\r\n", "\n").strip().splitlines())

    return norm(a) == norm(b)


def import_worksheet(path: Path, hq_dir: Path, today: date | None = None,
                     locales_dir: Path = LOCALES_DIR) -> dict[str, int]:
    """Write every filled row of the worksheet at ``path``; counts per kind of text written.

    Raises :class:`ContentError` (``path:line`` for each bad row) and writes nothing if a
    single row is wrong."""
    lang, rows, problems = read_worksheet(path)
    where = display_path(path)
    try:
        _declared(hq_dir, lang)
    except ContentError as exc:
        raise ContentError([Problem(where, 1, lang, msg(
            "the last column names the language: {message}",
            message=exc.problems[0].message))]) from None
    needed = {row.id: row for row in missing_rows(hq_dir, lang, today, locales_dir)}
    edits = _Edits({}, {}, {})
    seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for line, row in rows:
        text = row.text.strip()
        if not text:
            continue
        if row.id in seen:
            problems.append(Problem(where, line, row.id, msg("the same id as line {line}; keep "
                                                             "one of the two rows",
                                                             line=seen[row.id])))
            continue
        seen[row.id] = line
        current = needed.get(row.id)
        if current is None:
            problems.append(Problem(where, line, row.id, _not_needed(row, hq_dir, lang)))
            continue
        if not (_same(row.vi, current.vi) and _same(row.en, current.en)):
            problems.append(Problem(where, line, row.id, msg(
                "the Vietnamese or English source has changed since this worksheet was "
                "written; translate the new text: python3 build.py i18n missing --lang {lang}",
                lang=lang)))
            continue
        problem = _plan(row, text, lang, hq_dir, edits, line)
        if problem:
            problems.append(Problem(where, line, row.id, problem))
            continue
        counts[current.kind] = counts.get(current.kind, 0) + 1
    if problems:
        raise ContentError(problems)
    _apply(edits, lang, hq_dir, locales_dir)
    return counts


def _not_needed(row: Row, hq_dir: Path, lang: str) -> str:
    if not (row.id.startswith(("messages.po", f"{PAGES_DIR}/")) or "#/" in row.id):
        return (msg("not an id this command writes (e.g. hq.yml#/ministry/name, "
                    "messages.po#Home, pages/privacy.md); keep the id column as it was written"))
    return (msg("no '{lang}' text is missing there any more (already translated, or the source "
                "was removed); delete the row, or write a new worksheet", lang=lang))


def _plan(row: Row, text: str, lang: str, hq_dir: Path, edits: _Edits, line: int) -> str | None:
    """Record the edit ``row`` asks for; a reason if it cannot be made."""
    ui = UI_ID.fullmatch(row.id)
    if ui:
        wanted = set(_PLACEHOLDER.findall(row.en))
        got = set(_PLACEHOLDER.findall(text))
        if got != wanted and not (ui.group("form") and got <= wanted):
            shown = ", ".join(sorted(wanted)) or "none"
            return (msg("the translation must keep the placeholders of the English text "
                        "({shown}) and add none", shown=shown))
        edits.ui[(ui.group("msgid"), int(ui.group("form") or 0))] = text
        return None
    if row.id.startswith(f"{PAGES_DIR}/"):
        problem = _front_matter_problem(text)
        if problem:
            return problem
        edits.pages[row.id.removeprefix(f"{PAGES_DIR}/")] = text
        return None
    file, _, pointer = row.id.partition("#")
    path = tuple(_unescape(part) for part in pointer.split("/")[1:])
    edits.yaml.setdefault(file, []).append((path, text.replace("\r\n", "\n")))
    return None


def _front_matter_problem(text: str) -> str | None:
    """Why the page's front matter (``---`` lines, YAML) would not load, if it would not."""
    import yaml

    match = re.match(r"---[ \t]*\r?\n(.*?)^---[ \t]*$", text, re.S | re.M)
    if match is None:
        return None if not text.startswith("---") else (
            "the page's front matter has no closing '---' line; keep it as in the source")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (its line {mark.line + 2})" if mark else ""
        return (f"the page's front matter is not valid YAML{at}; put a title that starts "
                f"with '[', '{{', '*', '&', '!' or contains ': ' in quotes")
    if data is not None and not isinstance(data, dict):
        return "the page's front matter must be 'key: value' lines, as in the source"
    return None


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _apply(edits: _Edits, lang: str, hq_dir: Path, locales_dir: Path) -> None:
    problems: list[Problem] = []
    for file, items in edits.yaml.items():
        problems += _write_yaml(hq_dir / file, items, lang)
    if problems:
        raise ContentError(problems)
    if edits.ui:
        _write_ui(edits.ui, lang, locales_dir)
    for page, text in edits.pages.items():
        _write_page(hq_dir, page, text, lang)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _value_end(lines: list[str], key_line: int, column: int) -> int:
    """Index after the last line of the value whose key is on ``lines[key_line]``."""
    end = key_line + 1
    last = key_line
    while end < len(lines):
        stripped = lines[end].strip()
        if stripped and _indent(lines[end]) <= column:
            break
        if stripped and not stripped.startswith("#"):
            last = end
        end += 1
    return last + 1


def _write_yaml(file: Path, items: list[tuple[tuple, str]], lang: str) -> list[Problem]:
    """Insert ``lang: text`` into each mapping, keeping every other line as it is."""
    import yaml

    where = display_path(file)
    if not file.is_file():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("names:\n", encoding="utf-8")
    original = file.read_text(encoding="utf-8")
    source = load_yaml_file(file, where)
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    inserts: list[tuple[int, int, list[str]]] = []
    problems = []
    for order, (path, text) in enumerate(items):
        value = json.dumps(text, ensure_ascii=False)
        target = _get(source.data, path)
        holidays = isinstance(source.data, dict) and path[:1] == HOLIDAY_NAMES and len(path) == 2
        if isinstance(target, dict):
            placed = _after_children(lines, source, path, target, [f"{lang}: {value}"])
        elif target is None and holidays and path[0] in source.data:
            names = source.data[path[0]]  # a holiday HQ has not named yet: a new key
            placed = None if not isinstance(names, dict | None) else _after_children(
                lines, source, path[:1], names or {},
                [f"{json.dumps(path[1], ensure_ascii=False)}:", f"  {lang}: {value}"])
        else:
            placed = None
        if placed is None:
            line = source.line_of(_typed(source.data, path)) if target is not None else 0
            problems.append(Problem(where, line, "/".join(map(str, path)),
                                    msg("cannot add the '{lang}' text here (written in braces "
                                        "on one line?); add '{lang}: ...' by hand", lang=lang)))
            continue
        index, new = placed
        inserts.append((index, order, new))
    if problems:
        return problems
    for index, _, new in sorted(inserts, key=lambda i: (i[0], i[1]), reverse=True):
        lines[index:index] = new
    text = "".join(lines)
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as exc:  # never leave a file that does not parse
        return [Problem(where, 0, "", msg("the '{lang}' texts could not be inserted ({exc}); "
                                          "add them by hand", lang=lang, exc=str(exc)))]
    file.write_text(text, encoding="utf-8")
    return []


def _get(data: object, path: tuple) -> object:
    for part in path:
        if isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


def _typed(data: object, path: tuple) -> tuple:
    """``path`` with list indices as integers, as :class:`YamlSource` keys lines."""
    typed = []
    for part in path:
        if isinstance(data, list):
            typed.append(int(part))
            data = data[int(part)]
        else:
            typed.append(part)
            data = data[part] if isinstance(data, dict) else None
    return tuple(typed)


def _after_children(lines: list[str], source: YamlSource, path: tuple, mapping: dict,
                    new: list[str]) -> tuple[int, list[str]] | None:
    """Where to insert ``new`` (lines at the children's indentation) in the mapping at ``path``."""
    typed = _typed(source.data, path)
    parent_line = source.lines.get(typed) if typed else None
    children = [source.lines.get(typed + (key,)) for key in mapping]
    children = [line for line in children if line]
    if not children:
        if parent_line is None and typed:
            return None
        column = (_indent(lines[parent_line - 1]) + 2) if parent_line else 0
        index = parent_line if parent_line else len(lines)
        if parent_line and lines[parent_line - 1].rstrip().endswith(("}", "]")):
            return None
        return index, [" " * column + item + "\n" for item in new]
    if any(_FLOW.search(lines[line - 1]) for line in {*children, parent_line} if line):
        return None  # written in braces: {vi: ..., en: ...}
    last = max(children)
    column = len(_KEY_PREFIX.match(lines[last - 1]).group("indent"))
    return _value_end(lines, last - 1, column), [" " * column + item + "\n" for item in new]


def _write_ui(strings: dict[tuple[str, int], str], lang: str, locales_dir: Path) -> None:
    path = po_path(lang, locales_dir)
    marker = read_marker(path) or DRAFT
    catalog = _read_catalog(lang, locales_dir)
    if catalog is None:  # the language's first catalog
        catalog = Catalog(locale=gettext_locale(lang), domain=DOMAIN, project="Chancery",
                          charset="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
    catalog.update(_template(locales_dir), update_header_comment=False)
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if isinstance(message.id, str):
            if (key, 0) in strings:
                message.string = strings[(key, 0)]
                message.flags.discard("fuzzy")
            continue
        forms = list(message.string) if isinstance(message.string, tuple) else []
        forms += [""] * (catalog.num_plurals - len(forms))
        changed = False
        for k in range(catalog.num_plurals):
            if (key, k) in strings:
                forms[k] = strings[(key, k)]
                changed = True
        if changed:
            message.string = tuple(forms)
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, ignore_obsolete=True)
    set_marker(path, marker)


def _write_page(hq_dir: Path, page: str, text: str, lang: str) -> None:
    from chancery.content.freshness import mark_translated

    source = hq_dir / PAGES_DIR / DEFAULT_LANGUAGE / page
    target = hq_dir / PAGES_DIR / lang / page
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace("\r\n", "\n").rstrip("\n") + "\n", encoding="utf-8")
    mark_translated(source, target)
