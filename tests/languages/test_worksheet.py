"""The translator's worksheet: ``i18n missing --lang XX`` lists everything, ``i18n import``
puts every filled cell back where it belongs; bad rows are errors at ``FILE:line``."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest

from chancery.content.freshness import recorded_hash, source_hash
from chancery.content.i18n.catalog import LOCALES_DIR, po_path, ui_strings
from chancery.content.i18n.review import review
from chancery.content.loaders.yaml_source import load_yaml_file
from chancery.content.model.languages import DEFAULT_LANGUAGE, load_languages
from chancery.tools.worksheet import import_worksheet, missing_rows, read_worksheet
from tests.conftest import CONTENT
from tests.languages.scaffolding import run

TODAY = date(2026, 12, 1)


def _lacking(hq: Path) -> str:
    """A declared language HQ's texts do not cover yet (whichever HQ declares)."""
    hq_text = load_yaml_file(hq / "hq.yml").data["ministry"]["name"]
    pages = {p.name for p in (hq / "pages").iterdir()}
    for code in load_languages(hq).codes:
        if code not in hq_text and code not in pages and "-" not in code:
            return code
    pytest.skip("every declared language is fully translated by HQ")


@pytest.fixture
def hq(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT / "_hq", tmp_path / "content" / "_hq")
    return tmp_path / "content" / "_hq"


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    return tmp_path / "locales"


def _fill(path: Path, translate) -> None:
    """Fill the worksheet's last column as a translator would, in a spreadsheet."""
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        row[-1] = translate(row)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)  # as spreadsheets save CSV
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def _write(rows, lang: str, path: Path) -> Path:
    from chancery.tools.worksheet import write_worksheet

    return write_worksheet(rows, lang, path)


def _tagged(row: list[str]) -> str:
    """A stand-in translation: recognisable, keeping the source's placeholders."""
    kind, vi, en = row[1], row[3], row[4]
    if kind == "HQ page":
        return en.replace("title: ", "title: (T) ", 1) if en else vi
    return f"[T] {en or vi}"


def test_the_worksheet_round_trips_every_kind_of_text(hq: Path, locales: Path,
                                                      tmp_path: Path) -> None:
    lang = _lacking(hq)
    shutil.rmtree(po_path(lang, locales).parent.parent)  # its UI catalog is missing, too
    originals = {p: p.read_text(encoding="utf-8") for p in hq.rglob("*.yml")}
    rows = missing_rows(hq, lang, TODAY, locales)
    kinds = {row.kind for row in rows}
    assert kinds == {"HQ text", "data label", "holiday name", "UI string", "HQ page"}, kinds
    for row in rows:
        assert row.vi or row.en, row.id  # a source beside every text
    sheet = _write(rows, lang, tmp_path / f"{lang}.csv")
    assert read_worksheet(sheet)[0] == lang and read_worksheet(sheet)[2] == []
    _fill(sheet, _tagged)

    counts = import_worksheet(sheet, hq, TODAY, locales)
    assert sum(counts.values()) == len(rows), counts
    assert missing_rows(hq, lang, TODAY, locales) == []  # nothing left to translate

    # YAML: only lines added; every comment and line of the file kept, in order; and they load
    for path, before in originals.items():
        after = path.read_text(encoding="utf-8").splitlines()
        remaining = iter(after)
        assert all(line in remaining for line in before.splitlines()), path
        load_yaml_file(path)
    name = load_yaml_file(hq / "hq.yml").data["ministry"]["name"]
    assert name[lang] == "[T] " + name["en"]
    # the interface: a new catalog, a draft, with plural forms
    assert review(po_path(lang, locales)).state == "draft"
    ui = ui_strings(lang, locales)  # compiled again: the catalog file changed
    assert ui.gettext("Search this site") == "[T] Search this site"
    assert "3" in ui.ngettext("%(num)d working day", "%(num)d working days", 3) % {"num": 3}
    # pages: written, and recorded as translating the Vietnamese page as it is now
    for source in (hq / "pages" / DEFAULT_LANGUAGE).rglob("*.md"):
        page = hq / "pages" / lang / source.relative_to(hq / "pages" / DEFAULT_LANGUAGE)
        assert page.is_file(), page
        assert recorded_hash(page) == source_hash(source)


def test_holiday_names_are_added_even_for_a_holiday_hq_never_named(hq: Path, locales: Path,
                                                                    tmp_path: Path) -> None:
    lang = _lacking(hq)
    (hq / "data" / "holidays.yml").unlink()
    rows = [r for r in missing_rows(hq, lang, TODAY, locales) if r.kind == "holiday name"]
    assert rows and all(r.vi and r.en for r in rows)
    sheet = _write(rows, lang, tmp_path / "h.csv")
    _fill(sheet, _tagged)
    import_worksheet(sheet, hq, TODAY, locales)
    names = load_yaml_file(hq / "data" / "holidays.yml").data["names"]
    assert {r.en for r in rows} <= set(names)
    assert all(names[r.en][lang] == f"[T] {r.en}" for r in rows)


def test_the_commands_write_and_import_the_worksheet(hq: Path, tmp_path: Path) -> None:
    lang = _lacking(hq)
    sheet = tmp_path / "sheet.csv"
    made = run("i18n", "missing", "--lang", lang, "--content", str(hq.parent), "--out",
               str(sheet))
    assert made.returncode == 0, made.stderr
    assert f"i18n import {sheet}" in made.stdout
    # only HQ's own files here: the project's UI catalogs are not touched by this test
    _fill(sheet, lambda row: _tagged(row) if row[1] in ("HQ text", "HQ page") else "")
    done = run("i18n", "import", str(sheet), "--content", str(hq.parent))
    assert done.returncode == 0, done.stderr
    assert "HQ text(s)" in done.stdout and "HQ page(s)" in done.stdout
    left = {r.kind for r in missing_rows(hq, lang, TODAY)}
    assert "HQ text" not in left and "HQ page" not in left


def test_bad_rows_are_errors_at_their_line_and_nothing_is_written(hq: Path,
                                                                   tmp_path: Path) -> None:
    lang = _lacking(hq)
    rows = missing_rows(hq, lang, TODAY)
    page = next(r for r in rows if r.kind == "HQ page")
    text = next(r for r in rows if r.kind == "HQ text")
    label = next(r for r in rows if r.kind == "data label")
    before = {p: p.read_bytes() for p in hq.rglob("*") if p.is_file()}
    sheet = tmp_path / "bad.csv"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    bad: list[int] = []

    def row(*cells: str, wrong: bool = True) -> None:
        if wrong:
            bad.append(out.getvalue().count("\n") + 1)
        writer.writerow(cells)

    row("id", "kind", "note", "vi", "en", lang, wrong=False)
    row(page.id, page.kind, "", page.vi, page.en, page.en, wrong=False)  # fine, many lines
    row(text.id, text.kind, "", text.vi + " (sửa)", text.en, "x")  # its source changed
    row(page.id.replace(".md", "-x.md"), page.kind, "", page.vi, page.en, "y")  # no such page
    other = next(r for r in rows if r.kind == "HQ page" and r.id != page.id)
    row(other.id, other.kind, "", other.vi, other.en, "---\ntitle: [T]: x\n---\n")
    row("hq.yml#/nowhere/at/all", "HQ text", "", "a", "b", "x")
    row("messages.po#Page %(number)s of %(count)s", "UI string", "", "", "", "x")
    row("nonsense", "", "", "", "", "x")
    row(label.id, label.kind, "", label.vi, label.en, "y", wrong=False)
    row(label.id, label.kind, "", label.vi, label.en, "z")  # the same row twice
    row("too", "few")
    sheet.write_text(out.getvalue(), encoding="utf-8")
    result = run("i18n", "import", str(sheet), "--content", str(hq.parent))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith(str(sheet))]
    assert [int(line.split(":")[1]) for line in errors] == bad, errors
    assert "source has changed" in errors[0] and "front matter is not valid YAML" in errors[2]
    assert "the same id as line" in errors[-2] and "2 cells" in errors[-1]
    assert "nothing was written" in result.stderr
    assert {p: p.read_bytes() for p in hq.rglob("*") if p.is_file()} == before


def test_a_wrong_placeholder_or_language_is_refused(hq: Path, locales: Path,
                                                    tmp_path: Path) -> None:
    lang = _lacking(hq)
    shutil.rmtree(po_path(lang, locales).parent.parent)
    rows = [r for r in missing_rows(hq, lang, TODAY, locales)
            if r.kind == "UI string" and "%(date)s" in r.en][:1]
    sheet = _write(rows, lang, tmp_path / "p.csv")
    _fill(sheet, lambda row: "no placeholder")
    with pytest.raises(Exception) as caught:
        import_worksheet(sheet, hq, TODAY, locales)
    assert "%(date)s" in str(caught.value) and f"{sheet.name}:2:" in str(caught.value)
    other = _write(rows, "xx-Nope", tmp_path / "q.csv")
    with pytest.raises(Exception) as caught:
        import_worksheet(other, hq, TODAY, locales)
    assert ":1: xx-Nope:" in str(caught.value)
    assert not po_path(lang, locales).exists()
