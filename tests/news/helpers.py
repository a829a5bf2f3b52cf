"""Helpers for the news tests: posts written the way editors write them, and small builds."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from chancery.features.news.model import Post, PostMeta
from chancery.pipeline.runner import build_missions
from tests.conftest import CONTENT, MISSION_YML, page, write

NOW = "2026-06-01T12:00:00+00:00"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (218, 37, 29)).save(out, "JPEG")
    return out.getvalue()


JPEG = _jpeg()  # a tiny, valid JPEG (the image pipeline refuses a file that is not one)


def post_text(
    title: str,
    date: str = "2026-02-10T18:00:00+01:00",
    categories: tuple[str, ...] = ("community",),
    summary: str = "Tóm tắt ngắn.",
    body: str = "Nội dung bài viết.",
    **extra: object,
) -> str:
    """A post file: front matter in the documented format, then the body."""
    lines = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"date: {date}",
        f"categories: [{', '.join(categories)}]",
        f"summary: {json.dumps(summary, ensure_ascii=False)}",
    ]
    for key, value in extra.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
        elif isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", "", body, ""])


def add_post(
    content: Path, lang: str, name: str, title: str, mission: str = "fr-lyon", **fields: object
) -> Path:
    """Write ``<mission>/pages/<lang>/news/<name>.md`` (``name`` like ``2026/tet``)."""
    return write(
        content / mission / "pages" / lang / "news" / f"{name}.md", post_text(title, **fields)
    )


def make_post(
    name: str,
    date: str,
    lang: str = "vi",
    categories: tuple[str, ...] = ("community",),
    **fields: object,
) -> Post:
    """A :class:`Post` without any file, for index tests."""
    meta = PostMeta.model_validate(
        {"title": name, "date": date, "categories": list(categories), "summary": "s", **fields}
    )
    path = f"news/{meta.date.year}/{name}.md"
    return Post.create(lang, path, Path(path), meta)


def moment(text: str = NOW) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def make_network(content: Path) -> Path:
    """fr-lyon (vi, fr) with 16 Vietnamese posts (a draft, a scheduled and an expired one)
    and 2 French ones, one linked by path and one by translation key."""
    (content / "_hq").mkdir(parents=True)
    shutil.copy(CONTENT / "_hq" / "hq.yml", content / "_hq" / "hq.yml")
    write(content / "fr-lyon/mission.yml", MISSION_YML)
    (content / "fr-lyon/media/news").mkdir(parents=True)
    (content / "fr-lyon/media/news/tet.jpg").write_bytes(JPEG)
    for lang, news in (("vi", "Tin tức"), ("fr", "Actualités")):
        base = content / "fr-lyon/pages" / lang
        write(base / "index.md", page(f"Home {lang}", "Trang chủ."))
        write(base / "about.md", page(f"About {lang}"))
        write(base / "news/index.md", page(news, f"Intro-{lang}."))
    add_post(
        content,
        "vi",
        "2026/tet",
        "Đại sứ quán tổ chức gặp mặt cộng đồng nhân dịp Tết",
        categories=("community", "culture"),
        body="BODY-TET-VI with **bold** text.",
        image={"src": "/media/news/tet.jpg", "alt": "Bà con gói bánh chưng"},
        tags="[Tết, cộng đồng]",
        author='"Phòng Báo chí"',
        updated="2026-02-11T09:00:00+01:00",
    )
    add_post(
        content,
        "fr",
        "2026/tet",
        "L'Ambassade réunit la communauté pour le Têt",
        summary="La communauté s'est réunie.",
    )
    add_post(
        content,
        "vi",
        "2026/visit",
        "Chuyến thăm Lyon",
        date="2026-03-01T10:00:00+01:00",
        categories=("diplomacy",),
        translation_key="visit-2026",
    )
    add_post(
        content,
        "fr",
        "2026/visite-lyon",
        "Visite à Lyon",
        date="2026-03-01T10:00:00+01:00",
        categories=("diplomacy",),
        translation_key="visit-2026",
    )
    add_post(
        content,
        "vi",
        "2025/archive",
        "Diễn đàn kinh tế",
        date="2025-11-20T10:00:00+01:00",
        categories=("economy",),
    )
    add_post(content, "vi", "2026/draft", "Bản nháp", draft=True)
    add_post(content, "vi", "2026/scheduled", "Tin hẹn giờ", date="2026-07-01T09:00:00+02:00")
    add_post(
        content,
        "vi",
        "2026/closure",
        "Thông báo nghỉ lễ",
        date="2026-04-01T09:00:00+02:00",
        categories=("consular-notices",),
        expires="2026-05-01T00:00:00+02:00",
    )
    for day in range(1, 12):
        add_post(
            content,
            "vi",
            f"2026/filler-{day:02d}",
            f"Tin ngắn số {day}",
            date=f"2026-01-{day:02d}T09:00:00+01:00",
            categories=("diplomacy",),
        )
    return content


def build(content: Path, out: Path, now: str) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CHANCERY_NOW", now)
        reports = build_missions(content, out, jobs=2, progress=lambda line: None)
    assert all(r.ok for r in reports), [r.errors for r in reports]
    return out / "fr-lyon"
