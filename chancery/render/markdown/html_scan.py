"""The tags of a rendered page body, read once for the sanitiser and the link checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Attributes whose value is a URL (``srcset`` holds several, see :func:`urls_of`).
URL_ATTRIBUTES = {"href", "src", "cite", "srcset", "poster", "action", "formaction", "data",
                  "background", "longdesc", "xlink:href", "manifest", "icon", "ping"}


@dataclass(frozen=True)
class Tag:
    """One start tag, its attributes unescaped (as a browser reads them)."""

    name: str
    attrs: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@dataclass
class HtmlScan:
    tags: list[Tag] = field(default_factory=list)
    markup: list[str] = field(default_factory=list)  # declarations, processing instructions

    @property
    def ids(self) -> set[str]:
        return {value for tag in self.tags for key, value in tag.attrs if key == "id"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = HtmlScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scan.tags.append(Tag(tag.lower(), tuple((k.lower(), v or "") for k, v in attrs)))

    def handle_decl(self, decl: str) -> None:
        self.scan.markup.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.scan.markup.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self.scan.markup.append(f"<?{data}>")


def scan_html(html: str) -> HtmlScan:
    """Every start tag of ``html`` (a fragment, e.g. the HTML Markdown made of a page)."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.scan


def urls_of(name: str, value: str) -> list[str]:
    """The URLs an attribute holds: one, or each candidate of a ``srcset``."""
    if name == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]
