"""Done when (issue 18): a phone photo put into a post is published only as resized AVIF,
WebP and JPEG files without metadata, in a <picture> with width and height."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from chancery.pipeline.runner import build_missions
from tests.conftest import page, write
from tests.images.helpers import SERIAL, metadata_of, phone_photo

POST = "fr-lyon/pages/vi/news/2026/garden.md"
COVER = "fr-lyon/pages/vi/news/2026/cover.md"
ALT = "Bà con dự tiệc trong vườn của Tổng Lãnh sự quán"


def _post(body: str, **front: str) -> str:
    title = front.pop("title", "Tiệc trong vườn")
    extra = "".join(f"{key}: {value}\n" for key, value in front.items())
    return (f"---\ntitle: {title}\ndate: 2026-03-01T10:00:00+01:00\n"
            f"categories: [community]\nsummary: Tóm tắt.\n{extra}---\n\n{body}\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A copy of the small network with the photo in a post, built twice with one cache."""
    import shutil

    from tests.conftest import CONTENT, MISSION_YML

    root = tmp_path_factory.mktemp("pictures")
    content = root / "content"
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    write(content / "fr-lyon/mission.yml", MISSION_YML)
    for lang in ("vi", "fr"):
        write(content / f"fr-lyon/pages/{lang}/index.md", page(f"Home {lang}"))
        write(content / f"fr-lyon/pages/{lang}/news/index.md", page("Tin tức"))
    original = phone_photo()
    photo = content / "fr-lyon/media/news/garden.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(original)
    write(content / POST, _post(f"Mở đầu.\n\n![{ALT}](/media/news/garden.jpg)\n\n"
                                f'<img src="/media/news/garden.jpg" alt="Lần thứ hai">\n'))
    write(content / COVER, _post("Văn bản.", image="{src: /media/news/garden.jpg, alt: Vườn}",
                                 title="Bìa"))
    cache = root / "cache"
    outs, stamps = [], []
    for name in ("site", "again"):
        out = root / name
        reports = build_missions(content, out, jobs=1, progress=lambda line: None,
                                 cache_dir=cache, force=True)
        assert all(r.ok for r in reports), [r.errors for r in reports]
        outs.append(out / "fr-lyon")
        stamps.append({p.name: p.stat().st_mtime_ns for p in (cache / "images").iterdir()})
    return {"site": outs[0], "again": outs[1], "original": original, "stamps": stamps}


def _post_page(site: Path, text: str) -> str:
    pages = [p.read_text(encoding="utf-8") for p in site.glob("news/2026/*/index.html")]
    [found] = [html for html in pages if f"<p>{text}</p>" in html]
    return found


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file()}


def test_the_original_bytes_are_published_nowhere(built: dict) -> None:
    files = _files(built["site"])
    digest = hashlib.sha256(built["original"]).hexdigest()
    assert all(hashlib.sha256(data).hexdigest() != digest for data in files.values())
    assert not [name for name in files if name.endswith("garden.jpg")]
    assert not [name for name, data in files.items() if SERIAL.encode() in data
                or b"H7-XMP-SECRET" in data or b"H7-COMMENT-SECRET" in data]


def test_the_photo_becomes_resized_avif_webp_and_jpeg_without_metadata(built: dict) -> None:
    made = {name: data for name, data in _files(built["site"]).items()
            if name.startswith("media/news/garden.")}
    names = sorted(re.sub(r"\.[0-9a-f]{12}-", ".HASH-", name) for name in made)
    expected = [f"media/news/garden.HASH-{w}.{ext}" for w in (480, 960, 1600)
                for ext in ("avif", "webp", "jpg")]
    assert names == sorted([*expected, "media/news/garden.HASH-social.jpg"])
    formats = {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}
    for name, data in made.items():
        assert metadata_of(data) == {}, name
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == formats[name.rsplit(".", 1)[1]]
            if name.endswith("-social.jpg"):
                assert image.size == (1200, 630)
                continue
            width = int(re.search(r"-(\d+)\.", name)[1])
            # Orientation 6 applied: the 4000x3000 photo stands upright, 3000 wide.
            assert image.size == (width, round(4000 * width / 3000)), name
            red, green, _ = image.getpixel((width - 1, 0))  # the red mark, turned top right
            assert red > 150 > 100 > green and image.getpixel((0, 0))[1] > 150


def test_the_post_shows_a_picture_with_width_height_and_lazy_loading(built: dict) -> None:
    html = _post_page(built["site"], "Mở đầu.")
    pictures = re.findall(r"<picture>.*?</picture>", html)
    assert len(pictures) == 2
    first, second = pictures
    assert re.match(r'<picture><source type="image/avif" srcset="[^"]*garden\.[0-9a-f]{12}'
                    r'-480\.avif 480w, [^"]*-960\.avif 960w, [^"]*-1600\.avif 1600w" '
                    r'sizes="[^"]+"><source type="image/webp" srcset="[^"]*-480\.webp 480w',
                    first)
    img = re.search(r"<img [^>]*>", first)[0]
    assert 'width="1600" height="2133"' in img and f'alt="{ALT}"' in img
    assert re.search(r'src="\.\./\.\./\.\./media/news/garden\.[0-9a-f]{12}-960\.jpg"', img)
    assert 'decoding="async"' in img and "loading=" not in img  # the first picture: at once
    assert 'alt="Lần thứ hai"' in second and 'loading="lazy"' in second  # raw HTML too
    assert "media/news/garden.jpg" not in html


def test_a_post_with_a_cover_shares_its_1200x630_card(built: dict) -> None:
    html = _post_page(built["site"], "Văn bản.")
    meta = dict(re.findall(r'<meta property="(og:image[^"]*)" content="([^"]*)">', html))
    assert re.fullmatch(r"https://fr-lyon\.test\.example/media/news/garden\.[0-9a-f]{12}"
                        r"-social\.jpg", meta["og:image"])
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    cover = re.search(r'<figure class="chancery-post__image"><picture>.*?</picture>', html)[0]
    assert "loading=" not in cover  # the cover comes first: the text's pictures are lazy


def test_a_rebuild_reuses_the_cache_and_makes_the_same_bytes(built: dict) -> None:
    assert _files(built["site"]).keys() == _files(built["again"]).keys()
    pictures = [n for n in _files(built["site"]) if n.startswith("media/")]
    first, again = _files(built["site"]), _files(built["again"])
    assert all(first[n] == again[n] for n in pictures)
    first_stamps, second_stamps = built["stamps"]
    assert first_stamps == second_stamps  # nothing encoded (or written) again
    digest = hashlib.sha256(built["original"]).hexdigest()
    ours = [n for n in first_stamps if n.startswith(digest) and not n.endswith(".json")]
    assert len(ours) == 10  # 3 widths x 3 formats, and the sharing card


def test_encoding_is_deterministic_without_a_cache(tmp_path: Path) -> None:
    from chancery.render.images.pipeline import Pipeline

    photo = tmp_path / "p.jpg"
    photo.write_bytes(phone_photo(1200, 900, orientation=1))
    one = Pipeline(tmp_path / "a").render("media/p.jpg", photo)
    two = Pipeline(tmp_path / "b").render("media/p.jpg", photo)
    assert [v.path for v in one.files] == [v.path for v in two.files]
    assert all(a.file.read_bytes() == b.file.read_bytes() for a, b in zip(one.files, two.files,
                                                                          strict=True))
    assert [v.width for v in one.of_kind("jpeg")] == [480, 960, 1200]  # never upscaled
