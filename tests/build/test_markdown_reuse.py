"""One Markdown converter for a whole build gives each page what MkDocs' own gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from chancery_plugins.site.markdown_reuse import SharedMarkdown

REPO = Path(__file__).resolve().parents[2]

# Each page leaves something behind in a converter if reset() forgot it: footnotes,
# abbreviations, reference links, headings for the table of contents, raw HTML ids.
PAGES = {
    "index.md": "# Home\n\nSee [the visa page](visa.md#fees) and *HTML*.\n\n"
                "*[HTML]: Hyper Text Markup Language\n\nA note.[^1]\n\n[^1]: First note.\n",
    "visa.md": "# Visa\n\n## Fees {#fees}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
               "[ref]: https://example.org\n\nUse [the link][ref].\n\n"
               "<div id=\"raw\" markdown>**kept**</div>\n",
    "news/post.md": "Plain text, no heading, HTML not abbreviated.\n\n"
                    "Another note.[^1]\n\n[^1]: Second note.\n\n[Missing](nowhere.md)\n\n"
                    "!!! note\n    Admonition\n\n```python\nx = 1\n```\n",
    "contact.md": "# Contact\n\n## Fees\n\nSame heading text as elsewhere.\n\n[Back](index.md)\n",
}


@pytest.fixture()
def site(tmp_path: Path):
    docs = tmp_path / "docs"
    for path, text in PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    extensions = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("markdown_extensions:")[1]
    extensions = extensions.split("\nvalidation:")[0]
    config_file.write_text(f"site_name: t\ndocs_dir: docs\nmarkdown_extensions:{extensions}",
                           encoding="utf-8")
    config = load_config(str(config_file))
    files = Files([File(path, str(docs), str(tmp_path / "site"), True) for path in PAGES])
    return config, files


def _render(config, files, shared: SharedMarkdown | None) -> list[tuple]:
    results = []
    for file in files:
        page = Page(None, file, config)
        page.read_source(config)
        if shared is not None:
            shared.attach(page)
        page.render(config, files)
        results.append((file.src_uri, page.content, [str(item) for item in page.toc],
                        page.title, sorted(page.present_anchor_ids or ()),
                        {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}))
    return results


def test_shared_converter_renders_every_page_as_a_fresh_one_does(site) -> None:
    config, files = site
    fresh = _render(config, files, None)
    shared = SharedMarkdown(config, files)
    assert _render(config, files, shared) == fresh
    assert _render(config, files, shared) == fresh  # and again, after every page ran once
    contents = {uri: content for uri, content, *_ in fresh}
    assert "Second note" in contents["news/post.md"] and "First note" not in contents[
        "news/post.md"]
    assert "<abbr" not in contents["news/post.md"]
