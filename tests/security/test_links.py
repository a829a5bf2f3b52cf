"""Links fail closed (issue 15, item 6): a broken link, anchor, reference link or image, in
Markdown or raw HTML, in any language, is an error at its source line in ``check`` and
fails the build before anything is published."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from chancery.pipeline.runner import build_missions
from tests.conftest import write

PAGE = "fr-lyon/pages/{lang}/about.md"
LINE = 7  # the payload's first line: front matter (3 lines), blank, "Intro.", blank
HOME = ("---\ntitle: Accueil\n---\n\n## Giờ làm việc\n\n### Visa {#visa}\n\n"
        '<span id="brut"></span>\n')

# (name, Markdown payload, line offset of the problem, what check says; {lang} filled in)
BROKEN = [
    ("inline-page", "[Contact](/contact.md)", 0,
     "link to '/contact.md', which does not exist in '{lang}'"),
    ("anchor-other-page", "[Horaires](/index.md#horaires)", 0,
     "link '/index.md#horaires': the page index.md has no heading or id 'horaires'; "
     "its anchors are: brut, gio-lam-viec, visa"),
    ("anchor-relative-page", "[Visa](index.md#visas)", 0,
     "link 'index.md#visas': the page index.md has no heading or id 'visas'"),
    ("anchor-same-page", "## Tarifs\n\nVoir [plus bas](#tarif)", 2,
     "link '#tarif': the page about.md has no heading or id 'tarif'; its anchors are: tarifs"),
    ("reference-link", "Voir [le contact][contact].", 0,
     "reference link '[le contact][contact]' has no definition"),
    ("reference-collapsed", "Voir [Contact][].", 0,
     "reference link '[Contact][]' has no definition"),
    ("reference-image", "![Façade][facade]", 0,
     "reference image '![Façade][facade]' has no definition"),
    ("reference-target", "Voir [le contact][c].\n\n[c]: /contact.md", 2,
     "link to '/contact.md', which does not exist in '{lang}'"),
    ("reference-anchor", "Voir [visa][v].\n\n[v]: /index.md#visa-touriste", 2,
     "link '/index.md#visa-touriste': the page index.md has no heading or id 'visa-touriste'"),
    ("reference-image-target", "![Façade][f]\n\n[f]: /media/facade.jpg", 2,
     "image or file '/media/facade.jpg' not found"),
    ("raw-html-link", 'Voir <a href="/contact.md">le contact</a>.', 0,
     "link to '/contact.md', which does not exist in '{lang}'"),
    ("raw-html-anchor", '<p><a href="/index.md#nulle-part">Ici</a></p>', 0,
     "link '/index.md#nulle-part': the page index.md has no heading or id 'nulle-part'"),
    ("raw-html-directory", '<a href="/contact/">Contact</a>', 0,
     "link '/contact/' should name the page's .md file"),
    ("raw-html-image", '<img src="/media/absent.jpg" alt="Façade">', 0,
     "image '/media/absent.jpg' not found"),
    ("footnote", "Texte[^source].", 0, "footnote '[^source]' has no text"),
]

FINE = [
    ("anchor-heading-non-ascii", "[Giờ](/index.md#gio-lam-viec)"),
    ("anchor-attr-list-id", "[Visa](/index.md#visa)"),
    ("anchor-raw-html-id", "[Brut](index.md#brut)"),
    ("anchor-same-page", "## Tarifs\n\n[plus bas](#tarifs)"),
    ("reference-any-case", "[le contact][Accueil]\n\n[accueil]: /index.md#visa"),
    ("raw-html-link", '<a href="/index.md#visa">Visa</a>'),
    ("footnote", "Texte[^1].\n\n[^1]: La note."),
    ("code-is-not-a-link", "`[x][absent]` et\n\n```\n<a href=\"/nope.md\">x</a>\n```"),
    ("external-and-mail", "[MOFA](https://mofa.gov.vn/#top) [écrire](mailto:a@example.org)"),
]


def languages(content: Path) -> list[str]:
    return list(load_network(content).missions["fr-lyon"].mission.languages)


def prepare(content: Path, lang: str, payload: str) -> str:
    write(content / f"fr-lyon/pages/{lang}/index.md", HOME)
    path = PAGE.format(lang=lang)
    write(content / path, f"---\ntitle: Présentation\n---\n\nIntro.\n\n{payload}\n")
    return path


def checked(content: Path) -> list[str]:
    network = load_network(content)
    return [str(p) for p in check_mission(network, network.missions["fr-lyon"])]


@pytest.fixture(autouse=True)
def _cwd(network_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(network_dir)


@pytest.mark.parametrize(("name", "payload", "offset", "message"), BROKEN,
                         ids=[c[0] for c in BROKEN])
def test_broken_link_is_an_error_at_its_line_in_every_language(
        network_dir: Path, name: str, payload: str, offset: int, message: str) -> None:
    for lang in languages(network_dir):
        path = prepare(network_dir, lang, payload)
        found = checked(network_dir)
        expected = f"{path}:{LINE + offset}: {message.format(lang=lang)}"
        assert [line for line in found if line.startswith(expected)], found
        assert len(found) == 1, found  # said once, by one check
        assert "Traceback" not in found[0]
        write(network_dir / path, "---\ntitle: Présentation\n---\n\nIntro.\n")


@pytest.mark.parametrize(("name", "payload"), FINE, ids=[c[0] for c in FINE])
def test_working_links_pass(network_dir: Path, name: str, payload: str) -> None:
    for lang in languages(network_dir):
        prepare(network_dir, lang, payload)
    assert checked(network_dir) == []


def test_an_anchor_removed_from_a_page_fails_the_pages_linking_to_it(network_dir: Path) -> None:
    """Checking only the changed page still finds the links into it that broke."""
    lang = languages(network_dir)[0]
    path = prepare(network_dir, lang, "[Visa](/index.md#visa)")
    network = load_network(network_dir)
    entry = network.missions["fr-lyon"]
    assert check_mission(network, entry, [lang], only=["index.md"]) == []
    write(network_dir / f"fr-lyon/pages/{lang}/index.md", "---\ntitle: Accueil\n---\n\nTexte.\n")
    found = [str(p) for p in check_mission(network, entry, [lang], only=["index.md"])]
    assert found == [f"{path}:{LINE}: link '/index.md#visa': the page index.md has no heading "
                     "or id 'visa'; its anchors are: none"]


# -- the build fails closed ---------------------------------------------------------------

@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture network (with a home page that has anchors) built once."""
    from tests.conftest import CONTENT, MISSION_YML, page

    root = tmp_path_factory.mktemp("links-build")
    content = root / "content"
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / "fr-lyon" / "mission.yml", MISSION_YML)
    for lang in ("vi", "fr"):
        write(content / f"fr-lyon/pages/{lang}/index.md", HOME)
        write(content / f"fr-lyon/pages/{lang}/about.md", page(f"About {lang}"))
    out = root / "out"
    reports = build_missions(content, out, jobs=1, progress=lambda line: None)
    assert all(r.ok for r in reports), [r.errors for r in reports]
    return content, out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize(("name", "payload", "offset", "message"), BROKEN,
                         ids=[c[0] for c in BROKEN])
def test_build_fails_and_leaves_the_previous_site(
        built_once: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, payload: str, offset: int, message: str) -> None:
    content, out = tmp_path / "case" / "content", tmp_path / "case" / "out"
    shutil.copytree(built_once[0], content)
    shutil.copytree(built_once[1], out, symlinks=True)
    monkeypatch.chdir(content)
    before = snapshot(out)
    lang = languages(content)[-1]
    path = prepare(content, lang, payload)
    (report,) = build_missions(content, out, jobs=1, progress=lambda line: None)
    assert not report.ok
    expected = f"{path}:{LINE + offset}: {message.format(lang=lang)}"
    assert any(e.startswith(expected) for e in report.errors), report.errors
    assert not any("Traceback" in e for e in report.errors)
    assert snapshot(out) == before


def test_raw_html_links_to_pages_work_in_the_built_site(
        built_once: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Raw-HTML links name the .md file, as Markdown links do; the build makes them URLs."""
    content, out = tmp_path / "case" / "content", tmp_path / "case" / "out"
    shutil.copytree(built_once[0], content)
    monkeypatch.chdir(content)
    lang = languages(content)[-1]
    prepare(content, lang, '<p><a href="/index.md#visa">Visa</a> et '
                           '<a href="about.md#tarifs">ici</a></p>\n\n## Tarifs')
    (report,) = build_missions(content, out, jobs=1, progress=lambda line: None)
    assert report.ok, report.errors
    folder = out / "fr-lyon" if lang == languages(content)[0] else out / "fr-lyon" / lang
    html = (folder / "about/index.html").read_text(encoding="utf-8")
    assert '<a href="../#visa">Visa</a>' in html
    assert '<a href="./#tarifs">ici</a>' in html or '<a href="#tarifs">ici</a>' in html
    assert ".md" not in html.split('id="tarifs"')[0].split("<article")[-1]
