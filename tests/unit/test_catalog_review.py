"""UI catalogs: one per declared language, Babel loads it, and its review state is shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from chancery.content.i18n.catalog import LOCALES_DIR, gettext_locale, po_path, ui_strings
from chancery.content.i18n.review import DRAFT, FIELD, parse, read_marker, review, set_marker
from chancery.content.i18n.status import catalog_statuses, template
from chancery.content.model.languages import language, project_languages
from chancery.tools.dashboard import dashboard_html


def test_every_declared_language_has_a_complete_catalog_that_babel_loads() -> None:
    source = template()
    for status in catalog_statuses(project_languages().codes, source):
        assert status.exists, status.path
        assert status.translated == status.total, (status.lang, status.total - status.translated)
        assert status.review.state in ("draft", "reviewed", "source"), (status.lang, status.review)
        # the catalog really translates: a string every page shows is not the English one
        # (for the source language it is)
        home = ui_strings(status.lang).gettext("Search this site")
        assert home, status.lang
        if status.review.state != "source":
            assert home != "Search this site", status.lang


def test_a_script_subtag_maps_to_the_gettext_folder() -> None:
    assert gettext_locale("zh-Hant") == "zh_Hant"
    assert po_path("pt-BR", Path("/x")) == Path("/x/pt_BR/LC_MESSAGES/messages.po")
    tagged = [code for code in project_languages().codes if "-" in code]
    for code in tagged:  # whichever HQ declares with a subtag: its folder exists, Babel reads it
        assert po_path(code).parent.parent.name == code.replace("-", "_")
        assert ui_strings(code).gettext("Home") != ui_strings("en").gettext("Home")
        assert language(code).babel_locale == gettext_locale(code)


def _catalog(path: Path, lang: str, strings: dict[str, str]) -> Path:
    catalog = Catalog(locale=lang, domain="messages", project="Chancery", charset="utf-8")
    for msgid, text in strings.items():
        catalog.add(msgid, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def test_the_review_marker_is_read_written_and_replaced(tmp_path: Path) -> None:
    path = _catalog(tmp_path / "lo.po", "lo", {"Home": "ໜ້າຫຼັກ"})
    assert read_marker(path) is None and review(path).state == "unmarked"
    assert not review(path).reviewed
    set_marker(path)
    assert read_marker(path) == DRAFT and review(path).state == "draft"
    set_marker(path, "reviewed by Nguyễn Thị Lan, 2027-01-15")
    text = path.read_text(encoding="utf-8")
    assert text.count(FIELD) == 1
    marked = review(path)
    assert marked.reviewed and marked.note == "by Nguyễn Thị Lan, 2027-01-15"
    assert parse("checked by someone").state == "invalid"
    with pytest.raises(ValueError):
        set_marker(path, 'reviewed"\n"Language: en')


def test_update_keeps_the_marker_of_every_catalog(tmp_path: Path) -> None:
    from chancery.content.i18n import messages

    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    code = next(c for c in project_languages().codes if review(po_path(c)).state == "draft")
    set_marker(po_path(code, locales), "reviewed by Trần Văn B, 2027-02-01")
    messages.update(template(), [code, "sr-Latn"], locales)
    assert review(po_path(code, locales)).reviewed
    new = po_path("sr-Latn", locales)
    assert new.parent.parent.name == "sr_Latn" and review(new).state == "draft"


def test_the_dashboard_shows_which_catalogs_no_native_speaker_reviewed(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    strings = {"Home": "x", "Search": "y"}
    set_marker(_catalog(po_path("km", locales), "km", strings))
    set_marker(_catalog(po_path("he", locales), "he", strings), "reviewed by Dana, 2027-03-01")
    _catalog(po_path("it", locales), "it", {"Home": "Pagina iniziale"})
    source = Catalog(domain="messages")
    for msgid in strings:
        source.add(msgid)
    html = dashboard_html([], catalogs=catalog_statuses(["km", "he", "it", "<b>"], source,
                                                        locales))
    parts = html.split('<tr class="chancery-catalog--')[1:]
    rows = {row.split("</td>", 1)[0]: row for row in parts}
    assert rows['not-reviewed"><td>km'].count("draft, not reviewed by a native speaker") == 1
    assert "2/2" in rows['not-reviewed"><td>km']
    assert "reviewed by a native speaker" in rows['reviewed"><td>he'] and "Dana" in html
    italian = rows['not-reviewed"><td>it']
    assert "1/2" in italian and "no review field" in italian
    assert "<b>" not in html and "&lt;b&gt;" in html  # a language code is escaped, too
    assert "3/4 chưa được người bản ngữ duyệt" in html


def test_the_build_writes_the_catalog_table_on_hq_dashboard(tmp_path: Path) -> None:
    from chancery.cli.build import write_dashboard
    from tests.conftest import CONTENT

    page = write_dashboard(CONTENT, tmp_path).read_text(encoding="utf-8")
    assert 'id="ui-catalogs"' in page
    for code in project_languages().codes:
        assert f"<td>{code}</td>" in page, code


def test_i18n_check_names_the_catalogs_not_reviewed_yet() -> None:
    from tests.languages.scaffolding import run

    drafts = [c for c in project_languages().codes if not review(po_path(c)).reviewed]
    reviewed = [c for c in project_languages().codes if review(po_path(c)).reviewed]
    asked = drafts[:2] + reviewed[:1]
    result = run("i18n", "check", *[arg for code in asked for arg in ("--lang", code)])
    assert "Traceback" not in result.stderr
    line = f"not reviewed by a native speaker yet ({len(drafts[:2])}): {', '.join(drafts[:2])}"
    assert line in result.stdout
