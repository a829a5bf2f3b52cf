"""The checks render pages with the Markdown settings of the site configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.render.markdown.render import markdown_settings, render_body


def test_settings_are_read_with_engine_tags(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - chancery/site:\n      home_posts: !ENV [HOME_POSTS, 5]\n"
        "markdown_extensions:\n  - tables\n  - toc:\n      permalink: true\n"
        "      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n",
        encoding="utf-8")
    names, settings = markdown_settings(str(config))
    assert names == ("tables", "toc")
    from markdown.extensions.toc import slugify_unicode

    assert settings["toc"] == {"permalink": True, "slugify": slugify_unicode}


def test_check_renders_as_the_site_configuration_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("markdown_extensions:\n  - toc:\n      permalink: '#'\n", encoding="utf-8")
    monkeypatch.setenv("CHANCERY_CONFIG", str(config))
    assert render_body("## Giờ mở cửa") == (
        '<h2 id="gio-mo-cua">Giờ mở cửa<a class="headerlink" href="#gio-mo-cua" '
        'title="Permanent link">#</a></h2>')
