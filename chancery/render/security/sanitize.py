"""The HTML of a page's Markdown, held to HQ's allow-list (``hq.yml`` ``html:``).

Two halves, never one without the other: :func:`find_unsafe` says what on a page is
outside the list (``build.py check`` reports it at ``file:line`` and the build fails),
and :func:`sanitize` removes it with nh3 (Ammonia) whatever the check said, so that no
build publishes HTML the list does not allow. :func:`enforce` does both for a render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nh3

from chancery.content.model.html_policy import HtmlPolicy
from chancery.core.errors import ContentError, Problem, display_path, msg
from chancery.render.markdown.code import blank_code
from chancery.render.markdown.html_scan import URL_ATTRIBUTES, HtmlScan, scan_html, urls_of

_EMBED_HINT = msg("embedding video or maps: use the `video` or `map` block (::: video <https URL>, "
                  "with a poster: image from media/), which links to the page with a local "
                  "poster image and makes no request to another site")
_ELEMENT_HINTS = {
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "video",
                     "audio", "portal"), _EMBED_HINT),
    **dict.fromkeys(("script", "noscript", "template"),
                    msg("pages cannot run scripts; remove it (features come from HQ's theme)")),
    "style": msg("styles come from HQ's stylesheet; remove the <style> element"),
    **dict.fromkeys(("form", "input", "button", "select", "textarea", "fieldset", "label"),
                    msg("forms cannot be embedded; link to the form's https:// page instead")),
    **dict.fromkeys(("base", "meta", "link", "title", "head", "body", "html"),
                    msg("the page's head is made by the theme; remove it")),
    **dict.fromkeys(("svg", "math", "canvas"),
                    msg("put the picture in the mission's media/ folder and show it as an "
                        "image, e.g. ![what it shows](/media/name.png)")),
}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # what a browser ignores in a URL's scheme
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_A_TAG = re.compile(r"<a\b[^>]*>")
_HREF = re.compile(r'\shref="((?:https?:)?//[^"]*)"', re.IGNORECASE)


@dataclass(frozen=True)
class Unsafe:
    """Something outside the allow-list: ``needle`` finds it in the source."""

    needle: str  # a regular expression
    message: str


def scheme_of(url: str) -> str | None:
    """The scheme a browser would see (``java\\tscript:`` is ``javascript``), or ``None``."""
    match = _SCHEME.match(_INVISIBLE.sub("", url))
    return match.group(1).lower() if match else None


def is_remote(url: str) -> bool:
    compact = _INVISIBLE.sub("", url)
    return compact.startswith("//") or scheme_of(url) is not None


def find_unsafe(html: str, policy: HtmlPolicy, scan: HtmlScan | None = None) -> list[Unsafe]:
    """What in ``html`` the policy does not allow, in document order."""
    scan = scan or scan_html(html)
    found = [Unsafe(re.escape(markup[:12]), msg("'{markup}' is not allowed in a page; remove it",
                                                markup=markup[:40])) for markup in scan.markup]
    elements = set(policy.elements)
    for tag in scan.tags:
        if tag.name not in elements:
            hint = _ELEMENT_HINTS.get(tag.name) or msg(
                "it is not in HQ's allowed HTML (hq.yml html.elements); write it in Markdown or "
                "ask HQ")
            found.append(Unsafe(rf"<\s*{re.escape(tag.name)}\b",
                                msg("<{name}> is not allowed: {hint}", name=tag.name, hint=hint)))
            continue
        allowed = policy.allowed_attributes(tag.name)
        for name, value in tag.attrs:
            if name not in allowed:
                found.append(_attribute(tag.name, name))
            elif name in URL_ATTRIBUTES:
                found += _urls(tag.name, name, value, policy)
    return found


def _attribute(tag: str, name: str) -> Unsafe:
    needle = rf"\b{re.escape(name)}\s*="
    if name.startswith("on"):
        return Unsafe(needle, msg("{name}= on <{tag}> runs a script; remove it (pages cannot "
                                  "run scripts, also not through {{: ...}} attributes)",
                                  name=name, tag=tag))
    if name == "style":
        return Unsafe(needle, msg("style= on <{tag}> is not allowed; remove it (the look comes "
                                  "from HQ's stylesheet, e.g. a class HQ provides: {{: .class "
                                  "}})", tag=tag))
    return Unsafe(rf"\b{re.escape(name)}\b",
                  msg("attribute {name}= is not allowed on <{tag}> (hq.yml html.attributes); "
                      "remove it", name=name, tag=tag))


def _urls(tag: str, name: str, value: str, policy: HtmlPolicy) -> list[Unsafe]:
    found = []
    for url in urls_of(name, value):
        scheme = scheme_of(url)
        shown = _shown(url)
        if scheme is not None and scheme not in policy.url_schemes:
            tail = f"|{re.escape(url[-12:])}" if len(url) > 16 else ""  # entities hide the scheme
            found.append(Unsafe(re.escape(scheme) + r"\s*:|" + re.escape(url[:30]) + tail,
                                msg("{name}='{shown}' uses '{scheme}:', which is not allowed; "
                                    "link to an address starting with {value} or to a page or "
                                    "file of the site",
                                    name=name, shown=shown, scheme=scheme,
                                    value=', '.join(s + ':' for s in policy.url_schemes))))
        elif tag in ("img", "source") and is_remote(url) and not policy.remote_images:
            found.append(Unsafe(re.escape(url[:60]),
                                msg("image '{shown}' would be loaded from another site on every "
                                    "visit (a request to a third party); put the picture in the "
                                    "mission's media/ folder and show it from there",
                                    shown=shown)))
    return found


def _shown(url: str) -> str:
    """``url`` for a message: control characters written out, long ones cut."""
    url = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", url)
    return url if len(url) <= 60 else url[:57] + "..."


def sanitize(html: str, policy: HtmlPolicy) -> str:
    """``html`` with everything outside ``policy`` removed (nh3), and ``rel`` on every link
    that leaves the site."""
    cleaned = nh3.clean(
        html,
        tags=set(policy.elements),
        attributes={tag: set(names) for tag, names in policy.attributes.items()},
        url_schemes=set(policy.url_schemes),
        link_rel=None,
        strip_comments=True,
        attribute_filter=None if policy.remote_images else _local_images,
    )
    if not policy.external_link_rel:
        return cleaned
    rel = f' rel="{" ".join(policy.external_link_rel)}"'

    def add_rel(match: re.Match) -> str:
        tag = match.group(0)
        if " rel=" in tag or not _HREF.search(tag):
            return tag
        return tag[:-1] + rel + ">"

    return _A_TAG.sub(add_rel, cleaned)


def _local_images(element: str, attribute: str, value: str) -> str | None:
    if element in ("img", "source") and attribute in ("src", "srcset") \
            and any(is_remote(url) for url in urls_of(attribute, value)):
        return None
    return value


# -- locating what was found ------------------------------------------------------------


def locate(unsafe: list[Unsafe], body: str) -> list[int]:
    """For each finding, the index of the body line it comes from (the n-th finding of a
    kind at the n-th place the source shows it; the first line when it cannot be told)."""
    lines = blank_code(body, spans=False)
    seen: dict[str, int] = {}
    found = []
    for item in unsafe:
        where = [i for i, line in enumerate(lines) if re.search(item.needle, line, re.I)]
        nth = seen.get(item.needle, 0)
        seen[item.needle] = nth + 1
        found.append(where[min(nth, len(where) - 1)] if where else 0)
    return found


def problems_of(unsafe: list[Unsafe], file: str, body: str, body_line: int) -> list[Problem]:
    """The findings as problems at ``file:line``."""
    return [Problem(file, body_line + index, "", item.message)
            for item, index in zip(unsafe, locate(unsafe, body), strict=True)]


def enforce(html: str, policy: HtmlPolicy, source: Path | None, body: str) -> str:
    """The sanitised ``html`` of a page rendered from ``body`` (read from ``source``);
    raises :class:`ContentError` at ``file:line`` if it held anything not allowed."""
    unsafe = find_unsafe(html, policy)
    if unsafe:
        file, body_line = "<generated page>", 1
        if source is not None:
            from chancery.content.loaders.frontmatter import read_markdown

            file = display_path(source)
            try:
                doc = read_markdown(source, file)
                body, body_line = doc.body, doc.body_line
            except (ContentError, OSError):
                pass
        raise ContentError(problems_of(unsafe, file, body, body_line))
    return sanitize(html, policy)
