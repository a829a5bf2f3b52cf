"""The navigation of one mission in one language, in HQ's standard order.

Only the home page, top-level pages and the pages directly inside a top-level
folder are listed; deeper pages (news posts, for instance) are reached through
links, so the navigation of every page stays small however many posts there are.
Titles come from each page's front matter, so sections are named in the page's
language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chancery.content.loaders.frontmatter import read_markdown
from chancery.content.model.hq import Navigation
from chancery.content.pages import PageSource


@dataclass
class NavItem:
    title: str
    path: str | None = None  # the page, or the section's index page
    children: list[NavItem] = field(default_factory=list)


def _meta(page: PageSource) -> tuple[str, int]:
    data = read_markdown(page.file).meta.data or {}
    title = data.get("title") or page.path.rsplit("/", 1)[-1].removesuffix(".md")
    weight = data.get("weight") if isinstance(data.get("weight"), int) else 100
    return str(title), weight


def build_navigation(pages: dict[str, PageSource], settings: Navigation) -> list[NavItem]:
    """Home first, then HQ's sections in order, then other top-level items by weight, title."""
    hidden = set(settings.hidden)
    top: dict[str, tuple[int, NavItem]] = {}
    sections: dict[str, list[tuple[int, NavItem]]] = {}
    for path, page in pages.items():
        parts = path.split("/")
        if path in hidden or len(parts) > 2:
            continue
        title, weight = _meta(page)
        if len(parts) == 1:
            top[path] = (weight, NavItem(title, path))
        elif parts[1] == "index.md":
            sections.setdefault(parts[0], [])
            top[parts[0]] = (weight, NavItem(title, path))
        else:
            sections.setdefault(parts[0], []).append((weight, NavItem(title, path)))
    for folder, children in sections.items():
        if folder not in top:
            top[folder] = (100, NavItem(folder.replace("-", " ").capitalize()))
        top[folder][1].children = [item for _, item in sorted(
            children, key=lambda pair: (pair[0], pair[1].title))]
    order = {name: i for i, name in enumerate(settings.sections)}

    def key(name: str) -> tuple:
        weight, item = top[name]
        return (name != "index.md", order.get(name, len(order)), weight, item.title)

    return [top[name][1] for name in sorted(top, key=key)]
