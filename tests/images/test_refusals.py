"""``build.py check`` refuses pictures that must not be published, at file:line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from chancery.checks.content import check_mission
from chancery.content.model.network import load_network
from tests.conftest import ROOT, page, write
from tests.images.helpers import png_header, small_jpeg

ABOUT = "fr-lyon/pages/vi/about.md"


@pytest.fixture(autouse=True)
def _cwd(network_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(network_dir)
    small_jpeg(network_dir / "fr-lyon/media/photo.jpg")


def found(content: Path) -> list[str]:
    network = load_network(content)
    return [str(p) for p in check_mission(network, network.missions["fr-lyon"])]


def about(content: Path, body: str) -> None:
    write(content / ABOUT, page("Giới thiệu", body))  # the body starts at line 5


def test_a_picture_needs_alt_text_in_markdown_and_in_html(network_dir: Path) -> None:
    about(network_dir, "![](/media/photo.jpg)\n\nText.\n\n<img src=\"/media/photo.jpg\">\n\n"
                       '<img src="/media/photo.jpg" alt="  ">')
    problems = found(network_dir)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{ABOUT}:5", f"{ABOUT}:9", f"{ABOUT}:11"]
    assert "image '/media/photo.jpg' has no alt text; describe the picture" in problems[0]
    assert "has no alt attribute" in problems[1] and "decorative" in problems[1]
    assert "has no alt text" in problems[2]


def test_decorative_pictures_say_so_with_an_empty_alt(network_dir: Path) -> None:
    about(network_dir, "![](/media/photo.jpg){: .decorative }\n\n"
                       '<img src="/media/photo.jpg" alt="" class="rule decorative">')
    assert found(network_dir) == []
    about(network_dir, '<img src="/media/photo.jpg" alt="A rule" class="decorative">')
    assert found(network_dir) == [
        f"{ABOUT}:5: image '/media/photo.jpg' is marked decorative but has alt text; a "
        'decorative picture has alt="" (or remove the decorative mark)']


def test_images_in_code_are_not_pictures(network_dir: Path) -> None:
    about(network_dir, "```\n![](/media/photo.jpg)\n<img src=x>\n```\n\n`<img src=y>`")
    assert found(network_dir) == []


def test_a_file_that_is_not_an_image_is_refused(network_dir: Path) -> None:
    (network_dir / "fr-lyon/media/notes.jpg").write_text("minutes of the meeting\n")
    about(network_dir, "Intro.\n\n![Notes](/media/notes.jpg)")
    assert found(network_dir) == [
        f"{ABOUT}:7: image '/media/notes.jpg': not an image: its bytes are not JPEG, PNG, GIF, "
        "WebP or AVIF whatever its name says; export the picture again as JPEG or PNG"]


def test_a_file_over_the_size_limit_is_refused_before_decoding(network_dir: Path) -> None:
    big = network_dir / "fr-lyon/media/big.jpg"
    with big.open("wb") as stream:
        stream.write(b"\xff\xd8\xff")
        stream.truncate(21 * 1024 * 1024)
    about(network_dir, "![Big](/media/big.jpg)")
    assert found(network_dir) == [
        f"{ABOUT}:5: image '/media/big.jpg': file is 21.0 MB, over the 20.0 MB limit; export "
        "it smaller (a web photo needs at most 1600 pixels across)"]


@pytest.mark.parametrize(("size", "message"), [
    ((7000, 7000), "7000×7000 pixels is over the limit of 40 million"),
    ((60000, 60000), "more than 40 million pixels (a decompression bomb?)"),
])
def test_too_many_pixels_is_refused(network_dir: Path, size: tuple[int, int],
                                    message: str) -> None:
    (network_dir / "fr-lyon/media/bomb.png").write_bytes(png_header(*size))
    about(network_dir, "![Bomb](/media/bomb.png)")
    [problem] = found(network_dir)
    assert problem.startswith(f"{ABOUT}:5: image '/media/bomb.png': {message}")


@pytest.mark.parametrize(("svg", "why"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "SVG with a <script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
     "SVG with an event handler attribute 'onload'"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
     '<image xlink:href="https://tracker.example/p.png"/></svg>',
     'SVG with an external reference href="https://tracker.example/p.png"'),
    ('<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml;base64,AA"/></svg>',
     'SVG with an external reference href="data:'),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
     "SVG with a <foreignobject> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);'
     "</style></svg>", "SVG whose style refers to 'https://x.example/a.css'"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://x.example/f)"/>'
     "</svg>", "SVG with an external reference 'https://x.example/f' in 'style'"),
    ('<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
     "SVG with a <!DOCTYPE> declaration"),
])
def test_an_svg_with_scripts_or_external_references_is_refused(network_dir: Path, svg: str,
                                                               why: str) -> None:
    (network_dir / "fr-lyon/media/map.svg").write_text(svg)
    about(network_dir, '<img src="/media/map.svg" alt="Bản đồ">')
    [problem] = found(network_dir)
    assert problem.startswith(f"{ABOUT}:5: image '/media/map.svg': {why}"), problem


def test_a_plain_svg_is_accepted(network_dir: Path) -> None:
    (network_dir / "fr-lyon/media/map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient '
        'id="g"/></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>')
    about(network_dir, "![Bản đồ](/media/map.svg)")
    assert found(network_dir) == []


def test_an_image_embedded_as_data_is_refused(network_dir: Path) -> None:
    about(network_dir, '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Pixel">')
    assert (f"{ABOUT}:5: image embedded as a data: address; save the picture as a file in "
            "media/ and write /media/<name>") in found(network_dir)  # the HTML check says too


def test_a_raw_html_image_must_exist(network_dir: Path) -> None:
    about(network_dir, '<img src="/media/nope.jpg" alt="Nope">')
    assert found(network_dir) == [
        f"{ABOUT}:5: image '/media/nope.jpg' not found; put it in the mission's media/ folder "
        'and write src="/media/<name>"']


def test_a_post_picture_that_is_not_an_image_is_refused_at_its_line(network_dir: Path) -> None:
    (network_dir / "fr-lyon/media/cover.jpg").write_text("<html>not a photo</html>")
    post = write(network_dir / "fr-lyon/pages/vi/news/2026/cover.md",
                 "---\ntitle: Tin\ndate: 2026-03-01T10:00:00+01:00\ncategories: [community]\n"
                 "summary: S.\nimage:\n  src: /media/cover.jpg\n  alt: Ảnh\n---\n\nBody.\n")
    problems = [p for p in found(network_dir) if "cover" in p]
    assert problems == [
        f"{post.relative_to(network_dir).as_posix()}:7: image.src: image '/media/cover.jpg': "
        "not an image: its bytes are not JPEG, PNG, GIF, WebP or AVIF whatever its name says; "
        "export the picture again as JPEG or PNG"]


def test_build_py_check_fails_at_file_line_without_a_traceback(network_dir: Path) -> None:
    (network_dir / "fr-lyon/media/notes.jpg").write_text("not a picture")
    (network_dir / "fr-lyon/media/map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    about(network_dir, "![](/media/photo.jpg)\n\n![Notes](/media/notes.jpg)\n\n"
                       '<img src="/media/map.svg" alt="Map">')
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content",
                             str(network_dir)], capture_output=True, text=True, cwd=network_dir)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for line, what in ((5, "has no alt text"), (7, "not an image"), (9, "<script>")):
        assert re.search(rf"fr-lyon/pages/vi/about\.md:{line}: .*{re.escape(what)}", output), \
            output


def test_refused_files_fail_the_build_and_are_not_published(network_dir: Path,
                                                            tmp_path: Path) -> None:
    from chancery.pipeline.runner import build_missions

    (network_dir / "fr-lyon/media/map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    about(network_dir, '<img src="/media/map.svg" alt="Map">')
    [report] = build_missions(network_dir, tmp_path / "out", jobs=1, progress=lambda _: None)
    assert not report.ok
    assert any("about.md:5" in e and "onload" in e for e in report.errors), report.errors
    assert not list((tmp_path / "out").rglob("map.svg"))



