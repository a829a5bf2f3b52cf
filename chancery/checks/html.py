"""The checks of ``build.py check`` that need a page's rendered HTML.

A page body is rendered with the site's Markdown settings, then:

* everything outside HQ's HTML allow-list is an error (:mod:`chancery.render.security.sanitize`);
* every link and image the HTML holds must reach a page or file, whether written in
  Markdown (inline or ``[text][label]``) or raw HTML (``<a href>``, ``<img src>``);
* every ``#anchor`` must name a heading or id of the target page;
* a ``[text][label]`` or ``[^note]`` with no definition is an error (Markdown would
  show the brackets as text);
* ``::: video`` and ``::: map`` blocks must be complete.

Each problem is located at the source line that shows it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from urllib.parse import unquote

from chancery.content.loaders.frontmatter import MarkdownSource, quick_markdown
from chancery.content.model.html_policy import HtmlPolicy
from chancery.content.pages import PageSource
from chancery.core.errors import Problem, msg
from chancery.core.incremental.reads import ReadCache
from chancery.render.markdown.code import blank_code
from chancery.render.markdown.embed import is_embed, parse_embed
from chancery.render.markdown.html_scan import HtmlScan, scan_html, urls_of
from chancery.render.markdown.render import render_body
from chancery.render.security.sanitize import find_unsafe, is_remote, problems_of

_INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])+)\]\[([^\]]*)\]")
_RAW_IMG = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_DEFINITION = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:\s*\S")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")

# What check.py says about a target: (is_image, text, target, base) -> message or None.
TargetCheck = Callable[[bool, str, str, str], "str | None"]


@dataclass
class RenderedPages:
    """The rendered bodies of one language's pages, read as they are needed (anchors)."""

    pages: dict[str, PageSource]
    policy: HtmlPolicy
    reads: ReadCache | None = None  # the check's read cache
    scans: dict[str, HtmlScan | None] = field(default_factory=dict)

    def scan(self, path: str, body: str | None = None) -> HtmlScan | None:
        if path not in self.scans:
            if body is None:
                page = self.pages.get(path)
                doc = None if page is None else quick_markdown(page.file, reads=self.reads)
                body = None if doc is None else doc.body
            self.scans[path] = None if body is None else scan_html(_render(body))
        return self.scans[path]


def links_into(page: PageSource, changed: Collection[str],
               reads: ReadCache | None = None) -> bool:
    """Whether ``page`` may link to an anchor of a ``changed`` page (then it is checked
    again with them: the anchor may be gone)."""
    doc = quick_markdown(page.file, reads=reads)
    if doc is None:
        return True
    body = doc.body
    return "#" in body and any(posixpath.basename(path) in body for path in changed)


def _render(body: str) -> str:
    try:
        return render_body(body)
    except RecursionError:  # nesting too deep for Markdown: reported by the loaders
        return ""


def source_lines(body: str) -> list[str]:
    """The body's lines with fenced code and code spans blanked (they link nothing)."""
    return blank_code(body)


def html_problems(page: PageSource, doc: MarkdownSource, rendered: RenderedPages,
                  target_problem: TargetCheck) -> list[Problem]:
    """Every problem of one page that its HTML shows (see the module's summary)."""
    html = _render(doc.body)
    scan = scan_html(html)
    rendered.scans.setdefault(page.path, scan)
    problems = problems_of(find_unsafe(html, rendered.policy, scan), doc.file, doc.body,
                           doc.body_line)
    lines = source_lines(doc.body)
    problems += _embed_problems(doc, lines)
    problems += _reference_problems(doc, lines)
    problems += _link_problems(page, doc, lines, scan, rendered, target_problem)
    return problems


def _embed_problems(doc: MarkdownSource, lines: list[str]) -> list[Problem]:
    problems = []
    for start, line in enumerate(lines):
        if not is_embed(line) or (start and lines[start - 1].strip()):
            continue
        end = start
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        _, found = parse_embed("\n".join(lines[start:end + 1]))
        problems += [Problem(doc.file, doc.body_line + start + index, "", message)
                     for index, message in found]
    return problems


def _label(text: str) -> str:
    return " ".join(text.lower().split())


def _reference_problems(doc: MarkdownSource, lines: list[str]) -> list[Problem]:
    defined = {_label(m[1]) for line in lines if (m := _DEFINITION.match(line))}
    notes = {m[1] for line in lines if (m := _FOOTNOTE_DEFINITION.match(line))}
    problems = []
    for index, line in enumerate(lines):
        where = doc.body_line + index
        for match in _REFERENCE.finditer(line):
            image, text, label = match.group(1), match.group(2), match.group(3)
            if _label(label or text) not in defined:
                kind = msg("image") if image else msg("link")
                problems.append(Problem(doc.file, where, "", (
                    msg("reference {kind} '{match}' has no definition; add a line '[{label}]: "
                        "/page.md' (or /media/file) to this page, or write the address in "
                        "place: {image}[{text}](/page.md)",
                        kind=kind, match=match.group(0)[:60], label=label or text, image=image,
                        text=text))))
        if _FOOTNOTE_DEFINITION.match(line):
            continue
        for match in _FOOTNOTE.finditer(line):
            if match.group(1) not in notes:
                problems.append(Problem(doc.file, where, "", (
                    msg("footnote '[^{match}]' has no text; add a line '[^{match}]: the note' "
                        "to this page", match=match.group(1)))))
    return problems


def _link_problems(page: PageSource, doc: MarkdownSource, lines: list[str], scan: HtmlScan,
                   rendered: RenderedPages, target_problem: TargetCheck) -> list[Problem]:
    inline = {m.group(1) for line in lines for m in _INLINE.finditer(line)}
    raw_images = {m.group(1) for line in lines for m in _RAW_IMG.finditer(line)}
    base = posixpath.dirname(page.path)
    problems, seen = [], {}
    for tag in scan.tags:
        for name, value in tag.attrs:
            if (tag.name, name) not in (("a", "href"), ("img", "src"), ("source", "srcset")):
                continue
            for url in urls_of(name, value):
                if not url or is_remote(url):
                    continue
                nth = seen.get(url, 0)
                seen[url] = nth + 1
                if tag.name != "a" and (url in inline or url in raw_images):
                    continue  # a picture the image checks see (chancery.render.images.checks)
                message = None if url in inline else target_problem(
                    tag.name != "a", "raw HTML", url, base)
                message = message or _anchor_problem(page, url, base, scan, rendered)
                if message:
                    problems.append(Problem(doc.file, doc.body_line + _line_of(lines, url, nth),
                                            "", message))
    return problems


def _anchor_problem(page: PageSource, url: str, base: str, own: HtmlScan,
                    rendered: RenderedPages) -> str | None:
    path, _, fragment = url.partition("#")
    if not fragment:
        return None
    path = path.split("?", 1)[0]
    if not path:
        target, scan = page.path, own
    else:
        target = posixpath.normpath(
            path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
        if not target.endswith(".md"):
            return None  # a file (e.g. a PDF's #page=2), or reported as a link already
        scan = rendered.scan(target)
        if scan is None:
            return None  # a page made from data: its anchors are the feature's
    ids = scan.ids
    if unquote(fragment) in ids or fragment in ids:
        return None
    shown = ", ".join(sorted(ids)[:8]) or "none"
    return (msg("link '{url}': the page {target} has no heading or id '{fragment}'; its anchors "
                "are: {shown}", url=url, target=target, fragment=fragment, shown=shown))


def _line_of(lines: list[str], url: str, nth: int) -> int:
    """The index of the line showing ``url`` (its ``nth`` appearance), or 0."""
    variants = {url, url.replace("&", "&amp;")}
    where = [i for i, line in enumerate(lines) for v in variants if v in line]
    if not where:
        return 0
    return where[min(nth, len(where) - 1)]
