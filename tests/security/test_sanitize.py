"""Markdown bodies held to HQ's HTML allow-list: check reports, the build fails, the render
removes (issue 15, item 2); and the ``video``/``map`` blocks that replace embeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.html_policy import HtmlPolicy
from chancery.content.model.network import load_network
from chancery.pipeline.runner import build_missions
from chancery.render.security.sanitize import find_unsafe, sanitize
from tests.conftest import write

PAGE = "fr-lyon/pages/{lang}/about.md"
LINE = 7  # the payload's line: front matter (3 lines), blank, "Intro.", blank, payload
EMBED_HINT = "use the `video` or `map` block"

# (name, Markdown payload, what check says about it)
CASES = [
    ("script", "<script>alert(1)</script>", "<script> is not allowed: pages cannot run scripts"),
    ("script-inline", "Texte <script>alert(1)</script> suite.",
     "<script> is not allowed: pages cannot run scripts"),
    ("iframe", '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
     f"<iframe> is not allowed: embedding video or maps: {EMBED_HINT}"),
    ("style-element", "<style>body { display: none }</style>",
     "<style> is not allowed: styles come from HQ's stylesheet"),
    ("object", '<object data="/media/film.swf"></object>',
     f"<object> is not allowed: embedding video or maps: {EMBED_HINT}"),
    ("embed", '<embed src="/media/film.swf">',
     f"<embed> is not allowed: embedding video or maps: {EMBED_HINT}"),
    ("form", '<form action="https://evil.example/"><p>Code</p></form>',
     "<form> is not allowed: forms cannot be embedded"),
    ("base", '<base href="https://evil.example/">',
     "<base> is not allowed: the page's head is made by the theme"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
     "<meta> is not allowed: the page's head is made by the theme"),
    ("attr-list-onclick", '## Horaires {: onclick="alert(1)" }',
     "onclick= on <h2> runs a script; remove it"),
    ("raw-onerror", '<p onmouseover="alert(1)">Survolez</p>',
     "onmouseover= on <p> runs a script; remove it"),
    ("style-attribute", '<span style="position:fixed;top:0">Faux bandeau</span>',
     "style= on <span> is not allowed; remove it"),
    ("attr-list-style", '### Note {: style="display:none" }',
     "style= on <h3> is not allowed; remove it"),
    ("javascript-link", "[Cliquez](javascript:alert(1))",
     "href='javascript:alert(1)' uses 'javascript:', which is not allowed"),
    ("javascript-raw-mixed-case", '<a href="JaVaScRiPt:alert(1)">x</a>',
     "href='JaVaScRiPt:alert(1)' uses 'javascript:', which is not allowed"),
    ("javascript-entities", '<a href="&#106;avascript:alert(document.domain)">x</a>',
     "href='javascript:alert(document.domain)' uses 'javascript:', which is not allowed"),
    ("vbscript-link", "[x](vbscript:msgbox)", "href='vbscript:msgbox' uses 'vbscript:'"),
    ("data-link", "[x](data:text/html;base64,PHNjcmlwdD4=)",
     "href='data:text/html;base64,PHNjcmlwdD4=' uses 'data:', which is not allowed"),
    ("data-image", "![Logo](data:image/svg+xml;base64,PHN2Zz4=)",
     "src='data:image/svg+xml;base64,PHN2Zz4=' uses 'data:', which is not allowed"),
    ("javascript-image-raw", '<img src="javascript:alert(1)" alt="x">',
     "src='javascript:alert(1)' uses 'javascript:', which is not allowed"),
    ("remote-image", "![Compteur](https://tracker.example/pixel.gif)",
     "image 'https://tracker.example/pixel.gif' would be loaded from another site"),
    ("svg", '<svg onload="alert(1)"><circle r="4"/></svg>',
     "<svg> is not allowed: put the picture in the mission's media/ folder"),
]


def lyon_languages(content: Path) -> list[str]:
    return list(load_network(content).missions["fr-lyon"].mission.languages)


def payload_page(content: Path, lang: str, payload: str) -> str:
    path = PAGE.format(lang=lang)
    write(content / path, f"---\ntitle: Présentation\n---\n\nIntro.\n\n{payload}\n")
    return path


def checked(content: Path) -> list[str]:
    network = load_network(content)
    return [str(p) for p in check_mission(network, network.missions["fr-lyon"])]


@pytest.fixture(autouse=True)
def _cwd(network_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(network_dir)


@pytest.mark.parametrize(("name", "payload", "message"), CASES, ids=[c[0] for c in CASES])
def test_check_reports_html_outside_the_list_at_file_line(
        network_dir: Path, name: str, payload: str, message: str) -> None:
    for lang in lyon_languages(network_dir):  # every language, whatever the mission has
        path = payload_page(network_dir, lang, payload)
        found = checked(network_dir)
        assert any(line.startswith(f"{path}:{LINE}: {message}") for line in found), found
        assert all(line.startswith(f"{path}:{LINE}: ") for line in found), found
        assert not any("Traceback" in line for line in found)
        write(network_dir / path, "---\ntitle: Présentation\n---\n\nIntro.\n")


@pytest.mark.parametrize(("name", "payload", "message"), CASES, ids=[c[0] for c in CASES])
def test_sanitiser_removes_every_payload(name: str, payload: str, message: str) -> None:
    from chancery.render.markdown.render import render_body

    policy = HtmlPolicy()
    html = render_body(f"Intro.\n\n{payload}\n")
    assert find_unsafe(html, policy)
    clean = sanitize(html, policy)
    assert find_unsafe(clean, policy) == []
    lowered = clean.lower()
    for bad in ("<script", "<iframe", "<style", "<object", "<embed", "<form", "<base", "<meta",
                "<svg", "javascript:", "vbscript:", "data:", "tracker.example", "style=",
                "onclick", "onmouseover", "onload", "alert(1)"):
        assert bad not in lowered, (bad, clean)


def test_allowed_markdown_passes_unchanged_in_meaning() -> None:
    """What our Markdown extensions make is in the default list (nothing is reported)."""
    from chancery.render.markdown.render import render_body

    body = ("## Titre {#ancre .note}\n\nTexte[^1] en *HTML*, [lien](https://example.org/) et "
            "[mail](mailto:a@example.org).\n\n*[HTML]: HyperText\n\n!!! note \"Note\"\n    Corps\n"
            "\n??? tip \"Plus\"\n    Caché\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nTerme\n: Déf\n\n"
            "```python\nx = 1 < 2\n```\n\n![Façade](/media/a.jpg){ width=300 }\n\n"
            "<details><summary>Voir</summary><p>Oui</p></details>\n\n[^1]: Note.\n")
    html = render_body(body)
    assert find_unsafe(html, HtmlPolicy()) == []
    clean = sanitize(html, HtmlPolicy())
    assert 'id="ancre"' in clean and 'align="right"' in clean and "<details" in clean
    assert '<a href="https://example.org/" rel="external noopener noreferrer">' in clean
    assert 'href="mailto:a@example.org"' in clean and "rel=" not in clean.split("mailto:")[1][:40]


def test_hq_cannot_allow_what_is_never_safe() -> None:
    for bad in ({"elements": ["p", "script"]}, {"elements": ["IFRAME"]},
                {"attributes": {"a": ["onclick"]}}, {"attributes": {"*": ["style"]}},
                {"url_schemes": ["https", "javascript"]}):
        with pytest.raises(ValueError, match="can(not| never) be allowed"):
            HtmlPolicy(**bad)


def test_hq_yml_list_is_the_default() -> None:
    """content/_hq/hq.yml spells out the default list (HQ edits it there)."""
    from tests.conftest import CONTENT

    hq = load_network(CONTENT).hq
    assert hq.html == HtmlPolicy()


# -- the build fails closed ---------------------------------------------------------------

@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture network built once: (content, output) to copy for each case."""
    from tests.conftest import CONTENT, MISSION_YML, page

    root = tmp_path_factory.mktemp("sanitize-build")
    content = root / "content"
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / "fr-lyon" / "mission.yml", MISSION_YML)
    for lang in ("vi", "fr"):
        base = content / "fr-lyon" / "pages" / lang
        write(base / "index.md", page(f"Home {lang}", "Xem [giới thiệu](/about.md)."))
        write(base / "about.md", page(f"About {lang}"))
    out = root / "out"
    reports = build_missions(content, out, jobs=1, progress=lambda line: None)
    assert all(r.ok for r in reports), [r.errors for r in reports]
    return content, out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


@pytest.mark.parametrize(("name", "payload", "message"), CASES, ids=[c[0] for c in CASES])
def test_build_fails_and_leaves_the_previous_site(
        built_once: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, payload: str, message: str) -> None:
    content, out = tmp_path / "case" / "content", tmp_path / "case" / "out"
    shutil.copytree(built_once[0], content)
    shutil.copytree(built_once[1], out, symlinks=True)
    monkeypatch.chdir(content)
    before = snapshot(out)
    lang = lyon_languages(content)[-1]
    path = payload_page(content, lang, payload)
    reports = build_missions(content, out, jobs=1, progress=lambda line: None)
    (report,) = reports
    assert not report.ok
    assert any(e.startswith(f"{path}:{LINE}: {message}") for e in report.errors), report.errors
    assert not any("Traceback" in e for e in report.errors)
    assert snapshot(out) == before


@pytest.mark.parametrize(("name", "payload", "message"), CASES[:6], ids=[c[0] for c in CASES[:6]])
def test_render_alone_refuses_the_page(
        built_once: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, payload: str, message: str) -> None:
    """Without the check, the render itself fails at file:line (it never publishes it)."""
    from chancery.core.clock import wall_now
    from chancery.site.request import RenderRequest
    from chancery_plugins.engine import build_language

    content = tmp_path / "case" / "content"
    shutil.copytree(built_once[0], content)
    monkeypatch.chdir(content)
    lang = lyon_languages(content)[-1]
    path = payload_page(content, lang, payload)
    result = build_language(RenderRequest(content, "fr-lyon", lang, wall_now()),
                            tmp_path / "site")
    assert any(e.startswith(f"{path}:{LINE}: {message}") for e in result.errors), result.errors


# -- the privacy-preserving blocks ---------------------------------------------------------

VIDEO = ("::: video https://www.youtube.com/watch?v=abc123\nposter: /media/poster.jpg\n"
         "alt: La danse du lion <script>\ncaption: Le Têt & nous \"2026\"")


def test_video_block_renders_a_local_poster_linking_out() -> None:
    from chancery.render.markdown.render import render_body

    html = sanitize(render_body(f"Intro.\n\n{VIDEO}\n"), HtmlPolicy())
    assert '<a class="chancery-embed__link" href="https://www.youtube.com/watch?v=abc123" ' \
           'rel="external noopener noreferrer">' in html
    assert 'src="/media/poster.jpg"' in html
    assert 'alt="La danse du lion &lt;script&gt;"' in html
    assert "<figcaption>Le Têt &amp; nous \"2026\"</figcaption>" in html
    assert "<iframe" not in html and "<script" not in html


@pytest.mark.parametrize(("block", "message"), [
    ("::: video http://www.youtube.com/watch?v=1\nposter: /media/p.jpg\nalt: A",
     "the video block needs the https:// address of the video page"),
    ("::: video https://evil.example/v\nposter: /media/p.jpg\nalt: A",
     "'evil.example' is not a video site the block links to"),
    ("::: map javascript:alert(1)\nposter: /media/p.jpg\nalt: A",
     "the map block needs the https:// address of the map page"),
    ("::: video https://vimeo.com/1\nalt: A", "the video block needs a poster: line"),
    ("::: video https://vimeo.com/1\nposter: https://vimeo.com/p.jpg\nalt: A",
     "the video block needs a poster: line naming a picture of the mission's media/ folder"),
    ("::: video https://vimeo.com/1\nposter: /media/p.jpg", "the video block needs an alt: line"),
])
def test_incomplete_blocks_are_errors_at_their_line(
        network_dir: Path, block: str, message: str) -> None:
    write(network_dir / "fr-lyon/media/p.jpg", "jpeg")
    path = payload_page(network_dir, lyon_languages(network_dir)[0], block)
    found = checked(network_dir)
    assert any(line.startswith(f"{path}:{LINE}: {message}") for line in found), found


def test_unknown_block_field_is_reported_at_its_own_line(network_dir: Path) -> None:
    block = "::: map https://www.openstreetmap.org/#map=17/48.84/2.26\nposter: /media/p.jpg\n" \
            "alt: Plan\nwidth: 600"
    write(network_dir / "fr-lyon/media/p.jpg", "jpeg")
    path = payload_page(network_dir, lyon_languages(network_dir)[0], block)
    found = [line for line in checked(network_dir) if "width" in line]
    assert found and found[0].startswith(f"{path}:{LINE + 3}: 'width: 600' is not a field")


def test_missing_poster_file_is_an_error(network_dir: Path) -> None:
    block = "::: video https://vimeo.com/1\nposter: /media/absent.jpg\nalt: Affiche"
    path = payload_page(network_dir, lyon_languages(network_dir)[0], block)
    found = checked(network_dir)
    assert any(line.startswith(f"{path}:{LINE + 1}: ") and "absent.jpg" in line
               for line in found), found


def test_example_pages_use_the_blocks_and_load_nothing_from_the_platforms(
        example_site: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in example_site.rglob("*.html")]
    with_blocks = [html for html in pages if "chancery-embed" in html]
    assert any("chancery-embed--video" in html for html in with_blocks)
    assert any("chancery-embed--map" in html for html in with_blocks)
    for html in pages:
        assert "<iframe" not in html
        for host in ("youtube.com", "vimeo.com", "openstreetmap.org"):
            assert f'src="https://{host}' not in html and f'src="https://www.{host}' not in html
