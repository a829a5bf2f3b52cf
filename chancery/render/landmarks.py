"""Name every navigation landmark after its section.

With ``navigation.indexes``, Material labels a section's ``<nav>`` by the toggle next to
the section's link (``aria-labelledby="__nav_2_label"``), an icon without text, or by no
element at all when the section has one page: every section's menu is then a landmark
without a name, and screen readers list several indistinguishable "navigation" regions
(axe-core: landmark-unique). Each such ``<nav>`` starts with a title holding the section's
name (shown in the mobile drawer), so the landmark is pointed at that title instead.
"""

from __future__ import annotations

import re

_SECTION_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby=")(?P<path>__nav[\w]*)_label'
    r'("[^>]*>\s*<label class="md-nav__title") for="(?P=path)">'
)


def name_section_navs(html: str) -> str:
    """``html`` with each section's ``<nav>`` labelled by its own title."""
    return _SECTION_NAV.sub(
        lambda m: f'{m.group(1)}{m.group("path")}_title{m.group(3)} '
                  f'id="{m.group("path")}_title" for="{m.group("path")}">',
        html,
    )
