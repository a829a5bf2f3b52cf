"""Render Material's site navigation once for all the pages that are not in it.

News posts and listings (thousands of pages) are not in the navigation, so nothing in
it is active or expanded for them: their navigation differs only by where its links
point relative to the page. It is rendered once per distinct set of relative links
(a handful per site, e.g. one per year of posts) and reused; a page in the navigation
is always rendered afresh.

Either way, each section's menu is named after its title (chancery.render.landmarks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from jinja2 import Environment
from jinja2.runtime import Context

from chancery.render.landmarks import name_section_navs

NAV_TEMPLATE = "partials/nav.html"
enabled = True  # tests compare the output with and without the cache


def _targets(items: list) -> Iterator[str]:
    for item in items:
        url = getattr(item, "url", None)
        if url is not None:
            yield url
        yield from _targets(getattr(item, "children", None) or [])


def nav_key(context: Context, url: Callable[[Context, str], str]) -> tuple | None:
    """What the navigation of this page depends on, or ``None`` if the page is in it."""
    page, nav, config = context.get("page"), context.get("nav"), context.get("config")
    if page is None or nav is None or config is None or page.parent is not None \
            or any(item is page for item in nav.pages):
        return None
    extra = [config.theme.get("logo"), (config.extra or {}).get("homepage")]
    targets = [*_targets(nav.items), *(t for t in extra if t)]
    return context.get("base_url"), tuple(url(context, target) for target in targets)


def cache_navigation(env: Environment) -> None:
    """Make ``env``'s navigation template reuse its output for pages outside the navigation."""
    template = env.get_template(NAV_TEMPLATE)
    material = template.root_render_func

    def render(context: Context) -> Iterator[str]:
        yield name_section_navs("".join(material(context)))

    if not enabled:
        template.root_render_func = render  # type: ignore[method-assign]
        return
    url = env.filters["url"]
    rendered: dict[tuple, str] = {}

    def cached(context: Context) -> Iterator[str]:
        key = nav_key(context, url)
        if key is None:
            yield from render(context)
            return
        if key not in rendered:
            rendered[key] = "".join(render(context))
        yield rendered[key]

    template.root_render_func = cached  # type: ignore[method-assign]
