"""``<img>`` to ``<picture>``: every attribute escaped, editors' payloads included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chancery.render.images.pipeline import Pipeline, Rendition
from chancery.render.images.rewrite import rewrite_images
from chancery.render.images.site import REFUSED
from tests.images.helpers import small_jpeg

PAYLOAD = '"><script>alert(1)</script><img src=x onerror="alert(2)'


@pytest.fixture(scope="module")
def rendition(tmp_path_factory: pytest.TempPathFactory) -> Rendition:
    root = tmp_path_factory.mktemp("markup")
    photo = small_jpeg(root / "p.jpg", (1000, 500))
    return Pipeline(root / "cache").render("media/p.jpg", photo)


def _rewrite(html: str, rendition: Rendition, **options: object) -> str:
    def resolve(src: str) -> object:
        return {"/media/p.jpg": rendition, "/media/bad.jpg": REFUSED}.get(src)

    return rewrite_images(html, resolve, lambda path: "../" + path, **options)


def test_an_alt_payload_stays_inside_its_attribute(rendition: Rendition) -> None:
    html = f'<p><img alt="{PAYLOAD.replace(chr(34), "&quot;")}" src="/media/p.jpg"></p>'
    out = _rewrite(html, rendition)
    assert "<script" not in out and "onerror" not in out.replace("onerror=&quot;", "")
    assert ('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x '
            'onerror=&quot;alert(2)"') in out
    assert out.count("<img") == 1


def test_kept_attributes_are_escaped_and_others_dropped(rendition: Rendition) -> None:
    out = _rewrite('<img src="/media/p.jpg" alt="A" title="&lt;b&gt; &quot;x&quot;" '
                   'class="wide" onclick="steal()" style="x" width="1" loading="eager">',
                   rendition)
    img = re.search(r"<img [^>]*>", out)[0]
    assert 'title="&lt;b&gt; &quot;x&quot;"' in img and 'class="wide"' in img
    assert "onclick" not in img and "style" not in img and 'loading="eager"' not in img
    assert 'width="1000" height="500"' in img


def test_first_picture_loads_at_once_and_the_others_lazily(rendition: Rendition) -> None:
    out = _rewrite('<img src="/media/p.jpg" alt="1"><img src="/media/p.jpg" alt="2">', rendition)
    first, second = re.findall(r"<img [^>]*>", out)
    assert "loading" not in first and 'loading="lazy"' in second
    later = _rewrite('<img src="/media/p.jpg" alt="1">', rendition, eager_first=False)
    assert 'loading="lazy"' in later


def test_decorative_pictures_get_an_empty_alt(rendition: Rendition) -> None:
    out = _rewrite('<img src="/media/p.jpg" alt="" class="decorative">', rendition)
    assert 'alt=""' in out and 'class="decorative"' in out


def test_what_is_not_a_media_image_is_left_alone(rendition: Rendition) -> None:
    html = ('<img src="https://example.org/x.png" alt="x"><picture><img src="/media/p.jpg" '
            'alt="kept"></picture><code>&lt;img src="/media/p.jpg"&gt;</code>')
    assert _rewrite(html, rendition) == html


def test_a_refused_image_keeps_only_its_alt(rendition: Rendition) -> None:
    assert _rewrite('<img src="/media/bad.jpg" alt="A &amp; B">', rendition) == \
        '<img alt="A &amp; B">'


def test_payloads_from_markdown_raw_html_and_front_matter_are_escaped_in_the_build(
        network_dir: Path, tmp_path: Path) -> None:
    from chancery.pipeline.runner import build_missions
    from tests.conftest import write

    small_jpeg(network_dir / "fr-lyon/media/p.jpg", (800, 600))
    alt = "x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    write(network_dir / "fr-lyon/pages/vi/news/index.md", "---\ntitle: Tin\n---\n\nTin.\n")
    write(network_dir / "fr-lyon/pages/vi/news/2026/p.md",
          "---\ntitle: Tin\ndate: 2026-03-01T10:00:00+01:00\ncategories: [community]\n"
          "summary: S.\nimage:\n  src: /media/p.jpg\n"
          "  alt: '\"><script>alert(3)</script>'\n---\n\n"
          '![a "quoted" <b>alt</b>](/media/p.jpg)\n\n'
          f'<img src="/media/p.jpg" alt="{alt}">\n')
    [report] = build_missions(network_dir, tmp_path / "out", jobs=1, progress=lambda _: None)
    assert report.ok, report.errors
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html")]
    post = next(p for p in pages if "chancery-post__image" in p)
    assert "<script>alert" not in "".join(pages)
    for img in re.findall(r"<img [^>]*>", post):
        assert re.fullmatch(r'<img(?: [a-z-]+="[^"<>]*")*>', img), img  # nothing breaks out
    assert 'alt="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"' in post
