"""What a first visit to each kind of page transfers, measured in Chromium.

Each mission's built site is served from 127.0.0.1 the way a server set up for the build's
precompressed copies serves it (nginx ``gzip_static``/``brotli_static``): the ``.gz`` (or
``.br``) copy beside a file when the browser accepts that encoding, the file as it is
otherwise. A fresh browser context (empty cache) opens the page, waits until it and its
fonts are loaded and the network is quiet, and every response's encoded body is added up by
kind: HTML, CSS, JavaScript, fonts, images of the theme, and photos (pictures of the content,
under ``media/``). The page types are those the budgets of issue 18 name (the home page, a
post, a consular service page) plus the news listing and the contact page, in every language
of every mission.

Used by ``tests/build/test_page_weight.py`` (the budgets) and run as a script it writes the
table in ``docs/pages/performance.md``::

    python3 benchmarks/page_weight.py            # builds content/ into a temporary folder
    python3 benchmarks/page_weight.py --site site --check
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
KB = 1000
# The budgets of issue 18, in bytes of a first visit with gzip (photos not counted on the home
# page: how many a mission puts there is the editors' choice).
BUDGETS = {"home": 100 * KB, "post": 60 * KB, "consular": 60 * KB}
KINDS = ("html", "css", "js", "fonts", "images", "photos")
PAGE_TYPES = ("home", "post", "consular", "news", "contact")
VIEWPORTS = {"phone": (360, 740), "desktop": (1280, 900)}
DOC = ROOT / "docs" / "pages" / "performance.md"
START, END = "<!-- page-weight:start -->", "<!-- page-weight:end -->"
_POST = re.compile(r"^news/\d{4}/[^/]+/index\.html$")
_SUFFIX_KIND = {".html": "html", ".css": "css", ".js": "js", ".mjs": "js", ".woff2": "fonts",
                ".woff": "fonts", ".ttf": "fonts", ".otf": "fonts"}
_IMAGE = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico")


class PrecompressedHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, sending a file's ``.br`` or ``.gz`` copy when the browser accepts it.

    ``encodings`` is the server's preference (``("gzip",)`` measures gzip only).
    """

    encodings: tuple[str, ...] = ("br", "gzip")
    _SUFFIX = {"br": ".br", "gzip": ".gz"}

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - as SimpleHTTPRequestHandler's
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        accepted = {part.split(";")[0].strip()
                    for part in self.headers.get("Accept-Encoding", "").split(",")}
        for encoding in self.encodings:
            copy = path + self._SUFFIX[encoding]
            if encoding in accepted and os.path.isfile(copy) and os.path.isfile(path):
                body = open(copy, "rb")  # noqa: SIM115 - closed by the caller, as in the base
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
                self.end_headers()
                return body
        return super().send_head()


@contextmanager
def serve(root: Path, encodings: tuple[str, ...] = ("gzip",)) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 with its precompressed copies; yield the base URL."""
    handler = type("Handler", (PrecompressedHandler,), {"encodings": encodings})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """What one first visit transferred (encoded bytes, response headers not counted)."""

    mission: str
    lang: str
    page_type: str
    path: str
    viewport: str
    bytes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    requests: int = 0
    fonts: list[str] = field(default_factory=list)  # font files, relative to the site
    text: str = ""  # every character the page shows

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    @property
    def budgeted(self) -> int:
        """The bytes a budget counts: the home page's without its photos."""
        return self.total - (self.bytes["photos"] if self.page_type == "home" else 0)


def kind_of(rel: str) -> str:
    """The kind of a site file, by its path (``rel`` relative to the mission's site)."""
    name = rel.rsplit("/", 1)[-1]
    suffix = os.path.splitext(name)[1].lower() if "." in name else ".html"
    if rel.endswith("/") or not rel:
        return "html"
    if suffix in _IMAGE:
        return "photos" if rel.startswith("media/") or "/media/" in rel else "images"
    return _SUFFIX_KIND.get(suffix, "js" if suffix in (".json", ".wasm") else "html")


def page_samples(site: Path, languages: list[str]) -> list[tuple[str, str, str]]:
    """``(lang, page type, path)`` of one page of each type in each language of a site."""
    found = []
    for index, lang in enumerate(languages):
        base = site if index == 0 else site / lang
        prefix = "" if index == 0 else f"{lang}/"
        posts = sorted(p.relative_to(base).as_posix() for p in base.glob("news/*/*/index.html")
                       if _POST.match(p.relative_to(base).as_posix()))
        services = sorted(p.parent.relative_to(base).as_posix()
                          for p in base.glob("consular/*/index.html"))
        chosen = {"home": "", "post": posts[-1].removesuffix("index.html") if posts else None,
                  "consular": f"{services[0]}/" if services else None,
                  "news": "news/" if (base / "news/index.html").is_file() else None,
                  "contact": "contact/" if (base / "contact/index.html").is_file() else None}
        found += [(lang, kind, prefix + path) for kind, path in chosen.items()
                  if path is not None]
    return found


_TEXT_OF_PAGE = """() => {
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && parent.closest('script, style, template, noscript')) continue;
    parts.push(walker.currentNode.data);
  }
  document.querySelectorAll('input[placeholder], [aria-label]').forEach(
    (el) => parts.push(el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || ''));
  return parts.join(' ');
}"""


def visit(browser: object, base: str, mission: str, lang: str, page_type: str, path: str,
          viewport: str = "phone") -> Visit:
    """Open ``base + path`` in a fresh context and add up what it transferred."""
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    responses: list[object] = []
    page.on("requestfinished", lambda request: responses.append(request))
    result = Visit(mission, lang, page_type, path, viewport)
    try:
        page.goto(base + path, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        result.text = page.evaluate(_TEXT_OF_PAGE)
        for request in responses:
            url = urlsplit(request.url)
            if not request.url.startswith(base):
                continue  # nothing leaves 127.0.0.1 (the CSP would block it anyway)
            rel = unquote(url.path).lstrip("/")
            size = request.sizes()["responseBodySize"]
            kind = kind_of(rel)
            result.bytes[kind] += size
            result.requests += 1
            if kind == "fonts":
                result.fonts.append(rel)
    finally:
        context.close()
    return result


def measure_site(browser: object, out: Path, missions: dict[str, list[str]],
                 viewports: tuple[str, ...] = ("phone",),
                 encodings: tuple[str, ...] = ("gzip",)) -> list[Visit]:
    """Every sampled page of every mission (``{id: languages}``) built under ``out``."""
    visits = []
    for mission, languages in sorted(missions.items()):
        with serve(out / mission, encodings) as base:
            for lang, page_type, path in page_samples(out / mission, languages):
                visits += [visit(browser, base, mission, lang, page_type, path, viewport)
                           for viewport in viewports]
    return visits


def example_missions(content: Path) -> dict[str, list[str]]:
    from chancery.content.model.network import load_network

    network = load_network(content)
    return {mid: list(entry.mission.languages) for mid, entry in network.missions.items()}


def _kb(size: float) -> str:
    return f"{size / KB:.1f}"


def table(visits: list[Visit], brotli: list[Visit] | None = None) -> str:
    """Two Markdown tables: the heaviest first visit of each page type in each language (the
    budgeted bytes, with gzip), and where the bytes of each type's heaviest visit go."""
    languages = list(dict.fromkeys(v.lang for v in visits))
    types = [t for t in PAGE_TYPES if any(v.page_type == t for v in visits)]
    lines = ["| page type | " + " | ".join(languages) + " | budget |",
             "|---|" + "---:|" * len(languages) + "---:|"]
    for page_type in types:
        cells = []
        for lang in languages:
            mine = [v.budgeted for v in visits if v.page_type == page_type and v.lang == lang]
            cells.append(_kb(max(mine)) if mine else "")
        budget = BUDGETS.get(page_type)
        limit = "" if budget is None else _kb(budget) + (" (no photos)" if page_type == "home"
                                                         else "")
        lines.append(f"| {page_type} | " + " | ".join(cells) + f" | {limit} |")
    lines += ["", "| heaviest | mission, language | HTML | CSS | JS | fonts (files) | images | "
              "photos | total, gzip | with Brotli |",
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    squeezed = {(v.mission, v.lang, v.page_type, v.viewport): v for v in brotli or []}
    for page_type in types:
        worst = max((v for v in visits if v.page_type == page_type), key=lambda v: v.budgeted)
        other = squeezed.get((worst.mission, worst.lang, worst.page_type, worst.viewport))
        sizes = [_kb(worst.bytes[kind]) + (f" ({len(worst.fonts)})" if kind == "fonts" else "")
                 for kind in KINDS]
        lines.append(f"| {page_type} | {worst.mission}, {worst.lang} | " + " | ".join(sizes)
                     + f" | {_kb(worst.total)} | {_kb(other.total) if other else ''} |")
    return "\n".join(lines)


def over_budget(visits: list[Visit]) -> list[str]:
    return [f"{v.mission}/{v.path or '(home)'} ({v.lang}, {v.viewport}): {_kb(v.budgeted)} KB, "
            f"budget {_kb(BUDGETS[v.page_type])} KB"
            for v in visits if v.page_type in BUDGETS and v.budgeted > BUDGETS[v.page_type]]


def write_doc(text: str, commit: str, doc: Path = DOC) -> None:
    """Put the table between the markers of the page-weight section of ``doc``."""
    current = doc.read_text(encoding="utf-8")
    if START not in current or END not in current:
        raise SystemExit(f"{doc}: the markers {START} and {END} are missing")
    head, rest = current.split(START, 1)
    tail = rest.split(END, 1)[1]
    block = (f"{START}\nMeasured at commit `{commit}` by `benchmarks/page_weight.py` (phone "
             f"viewport, empty cache), in KB (1 KB = 1,000 bytes) of encoded bodies; each cell "
             f"is the heaviest page of that type in that language over the missions:\n\n"
             f"{text}\n{END}")
    doc.write_text(head + block + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--site", type=Path, help="a built output folder (default: build "
                        "--content into a temporary folder)")
    parser.add_argument("--no-doc", action="store_true", help="print the table only")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is missed")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    missions = example_missions(args.content)
    with tempfile.TemporaryDirectory(prefix="chancery-weight-") as tmp:
        out = args.site
        if out is None:
            from chancery.pipeline.runner import build_missions

            out = Path(tmp)
            reports = build_missions(args.content, out, progress=lambda line: None)
            failed = [r.mission for r in reports if not r.ok]
            if failed:
                print(f"the build of {', '.join(failed)} failed", file=sys.stderr)
                return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            visits = measure_site(browser, out, missions)
            brotli = measure_site(browser, out, missions, encodings=("br", "gzip"))
            browser.close()
    text = table(visits, brotli)
    print(text)
    if not args.no_doc:
        import subprocess

        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                                capture_output=True).stdout.strip() or "unknown"
        write_doc(text, commit)
    missed = over_budget(visits)
    for line in missed:
        print(f"over budget: {line}", file=sys.stderr)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
