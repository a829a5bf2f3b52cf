"""Navigation: HQ's order, localized titles, hidden footer pages, no deep pages."""

from __future__ import annotations

from pathlib import Path

from chancery.core.clock import wall_now
from chancery.features.section import FeatureOptions
from chancery.site.assemble import assemble, release
from chancery.site.request import RenderRequest
from tests.conftest import page, write


def flatten(items, depth=0):
    for item in items:
        yield depth, item.title, item.path
        yield from flatten(item.children, depth + 1)


def test_sections_follow_hq_order_with_titles_from_front_matter(network_dir: Path) -> None:
    base = network_dir / "fr-lyon/pages/fr"
    write(base / "contact/index.md", page("Nous contacter"))
    write(base / "about/index.md", "---\ntitle: Le consulat\nweight: 10\n---\nx\n")
    write(base / "about/team.md", "---\ntitle: L'équipe\nweight: 30\n---\nx\n")
    write(base / "about/consul.md", "---\ntitle: Le consul général\nweight: 20\n---\nx\n")
    write(base / "news/index.md", page("Actualités"))
    write(base / "news/2026/post.md", page("Un article"))
    write(base / "zz-extra.md", page("Autre page"))
    # The navigation of the pages alone: no section runs (the post here is not valid news).
    site = assemble(RenderRequest(network_dir, "fr-lyon", "fr", wall_now()),
                    FeatureOptions(enabled=frozenset()))
    nav = site.navigation()
    release(site)
    inherited = [entry for entry in flatten(nav) if (entry[2] or "profile/").startswith("profile/")]
    assert [path for _, _, path in inherited] == [None, "profile/vietnam.md"]  # from HQ
    assert [entry for entry in flatten(nav) if entry not in inherited] == [
        (0, "Home fr", "index.md"),
        (0, "Le consulat", "about/index.md"),
        (1, "Le consul général", "about/consul.md"),
        (1, "L'équipe", "about/team.md"),
        (0, "Actualités", "news/index.md"),
        (0, "Nous contacter", "contact/index.md"),
        (0, "About fr", "about.md"),
        (0, "Autre page", "zz-extra.md"),
    ]
