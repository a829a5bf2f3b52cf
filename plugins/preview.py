"""The live preview server: MkDocs' livereload server that keeps answering while content is broken.

MkDocs' own ``serve`` stops answering after a failed rebuild (every request waits for a
good build) and prints tracebacks. Here a rebuild never raises: its problems are kept and
every URL answers with an error page listing them, which reloads itself (MkDocs' poll) once
a later rebuild succeeds. Problems of a good build are shown over each page.
"""

from __future__ import annotations

import html
import logging
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer, _timestamp

from chancery.checks.preview import PreviewTarget, content_problems, merged, unexpected
from chancery.core import clock
from chancery.core.errors import Problem
from chancery.site.assemble import assemble, release
from chancery.site.request import RenderRequest
from chancery_plugins.notices import DUPLICATES
from chancery_plugins.site.plugin import feature_options

ASSETS = "/_chancery-preview/"
ENGINE_NAME = "MkDocs"  # names the engine's own messages, which carry no file
# report(problems, seconds, built): after each build; built=False when the pages show an error.
Report = Callable[[list[Problem], float, bool], None]

# MkDocs' livereload poll, as a file rather than inline, so a strict CSP ('self') allows it.
RELOAD_JS = """\
(function () {
  var params = new URL(document.currentScript.src).searchParams;
  var epoch = params.get("epoch"), id = params.get("id"), req, timer;
  function poll() {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) { location.reload(); }
      else { timer = setTimeout(poll, this.status === 200 ? 0 : 3000); }
    };
    req.open("GET", "/livereload/" + epoch + "/" + id);
    req.send();
  }
  function stop() {
    if (req) { req.abort(); }
    if (timer) { clearTimeout(timer); }
    req = timer = undefined;
  }
  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") { poll(); }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
"""

PREVIEW_CSS = """\
.chancery-preview { font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; }
body.chancery-preview { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
aside.chancery-preview { position: fixed; inset: auto 1rem 1rem auto; z-index: 10000;
  max-width: min(40rem, 90vw); max-height: 40vh; overflow: auto; background: #fff8e1;
  border: 2px solid #b26a00; border-radius: 6px; padding: .5rem 1rem;
  box-shadow: 0 4px 16px rgba(0, 0, 0, .25); }
.chancery-preview h1 { color: #b00020; font-size: 1.5rem; }
.chancery-preview ol { padding-inline-start: 1.5rem; }
.chancery-preview li { margin: .4rem 0; }
.chancery-preview code { font-weight: bold; overflow-wrap: anywhere; }
.chancery-preview .warning code { color: #8a5300; }
.chancery-preview .error code { color: #b00020; }
"""


def _items(problems: Iterable[Problem]) -> str:
    rows = []
    for p in problems:
        where = f"{p.file}:{p.line}" if p.line else p.file
        field = f"{p.field}: " if p.field else ""
        rows.append(f'<li class="{"error" if p.is_error else "warning"}">'
                    f"<code>{html.escape(where)}</code> {html.escape(field + p.message)}</li>")
    return "<ol>" + "".join(rows) + "</ol>"


def error_page(problems: list[Problem]) -> bytes:
    """The page every URL shows while the site cannot be built."""
    count = sum(p.is_error for p in problems)
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{count} problem(s) - preview</title>"
        f'<link rel="stylesheet" href="{ASSETS}preview.css"></head>'
        '<body class="chancery-preview">'
        f"<h1>The preview cannot be built: {count} problem(s)</h1>"
        "<p>Fix each file below and save it: this page reloads by itself.</p>"
        f"{_items(problems)}</body></html>"
    ).encode()


def overlay(problems: list[Problem]) -> bytes:
    """A box over a built page listing what ``check`` found (it does not block the page)."""
    return (
        f'<link rel="stylesheet" href="{ASSETS}preview.css">'
        '<aside class="chancery-preview" role="status">'
        f"<strong>check: {len(problems)} problem(s)</strong>{_items(problems)}</aside>"
    ).encode()


class PreviewServer(LiveReloadServer):
    """Serves the last good build, or the error page while the last build failed."""

    def __init__(self, host: str, port: int, root: str) -> None:
        super().__init__(builder=lambda: None, host=host, port=port, root=root)
        self.failure: list[Problem] = []  # the last build failed: every URL shows these
        self.notices: list[Problem] = []  # the last build worked, with these problems
        self.error_handler = self._site_error_page

    def listen(self) -> None:
        """Take the port now (an ``OSError`` if it is busy), before the first build."""
        try:
            self.server_bind()
            self.server_activate()
        except OSError:
            self.server_close()
            raise

    def run(self, builder: Callable[[], None]) -> None:
        """Build, then watch and rebuild until interrupted (``listen()`` first)."""
        self.builder = builder
        builder()
        if self._watched_paths:
            self.observer.start()
        self.serve_thread.start()
        try:
            self._build_loop()
        finally:
            self.shutdown()

    def _site_error_page(self, code: int) -> bytes | None:
        page = Path(self.root, f"{code}.html")
        return page.read_bytes() if code == 404 and page.is_file() else None

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path.startswith(ASSETS):
            return self._asset(path[len(ASSETS):], start_response)
        failure = self.failure
        if failure and not path.startswith("/livereload/"):
            body = self._inject_js_into_html(error_page(failure), self._visible_epoch)
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                      ("Cache-Control", "no-store"),
                                      ("Content-Length", str(len(body)))])
            return [body]
        return super()._serve_request(environ, start_response)

    def _asset(self, name: str, start_response):
        assets = {"reload.js": ("application/javascript", RELOAD_JS),
                  "preview.css": ("text/css", PREVIEW_CSS)}
        if name not in assets:
            return None
        kind, text = assets[name]
        start_response("200 OK", [("Content-Type", f"{kind}; charset=utf-8"),
                                  ("Cache-Control", "no-store")])
        return [text.encode()]

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        query = urlencode({"epoch": epoch, "id": _timestamp()})
        added = f'<script src="{ASSETS}reload.js?{html.escape(query)}"></script>'.encode()
        notices = self.notices
        if notices and not self.failure:
            added = overlay(notices) + added
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + added + content[end:]


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings of one build; drops its other messages (raw logs, tracebacks)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []
        self.building = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.building and record.name != "mkdocs.livereload" \
                and not (record.levelno < logging.ERROR and DUPLICATES.match(record.getMessage())):
            self.problems.append(_engine_problem(record))


def _engine_problem(record: logging.LogRecord) -> Problem:
    """One of MkDocs' messages as a problem, at ``file:line`` when it starts with one."""
    message = " ".join(record.getMessage().split())
    severity = "error" if record.levelno >= logging.ERROR else "warning"
    found = re.match(r"^(?P<file>[^\s:]+):(?P<line>\d+):\s*(?P<rest>.*)$", message)
    if found:
        return Problem(found["file"], int(found["line"]), "", found["rest"], severity)
    return Problem(ENGINE_NAME, 0, "", message, severity)


def serve(target: PreviewTarget, host: str, port: int, config_file: Path,
          report: Report) -> None:
    """Preview ``target`` at ``http://host:port/`` until interrupted.

    Raises ``OSError`` at once if the port cannot be taken; everything else is reported
    through ``report`` after each build, and on the pages.
    """
    site_dir = tempfile.mkdtemp(prefix="chancery-preview-")
    server = PreviewServer(host, port, site_dir)
    try:
        server.listen()
    except OSError:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise
    serve_url = server.url
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    logger.propagate = False
    started: list = []  # the plugin collection whose on_startup ran

    def builder() -> None:
        began = time.monotonic()
        collector.problems, collector.building = [], True
        failure: list[Problem] = []
        checked: list[Problem] = []
        site = None
        try:
            lang = target.language()
            moment = target.now or clock.now()  # one moment for the pages and the report
            checked = target.problems(moment, data=False)  # the assembly checks the data
            config = load_config(str(config_file), site_dir=site_dir,
                                 dev_addr=f"{host}:{port}")
            request = RenderRequest(Path(target.content_dir), target.mission, lang, moment,
                                    serving=True)
            site = assemble(request, feature_options(config))
            checked += site.problems
            config.plugins["chancery/site"].site = site
            if not started:
                config.plugins.on_startup(command="serve", dirty=False)
                started.append(config.plugins)
            config.site_url = serve_url
            mkdocs_build(config, serve_url=serve_url)
        except BaseException as exc:  # noqa: BLE001 - a preview must survive any build error
            if isinstance(exc, KeyboardInterrupt):
                raise
            found = content_problems(exc)
            if found is None:
                found = [p for p in collector.problems if p.is_error]
                if not (found and isinstance(exc, Abort)):  # Abort: MkDocs logged the error
                    found.append(unexpected(exc))
            failure = merged(found, [p for p in checked if p.is_error])
        finally:
            collector.building = False
            if site is not None:
                release(site)
        server.notices = [] if failure else merged(checked, collector.problems)
        server.failure = failure
        report(failure or server.notices, time.monotonic() - began, not failure)

    for path in target.watched(config_file):
        server.watch(str(path))
    try:
        server.run(builder)
    except KeyboardInterrupt:
        pass
    finally:
        if started:
            started[0].on_shutdown()
        logger.removeHandler(collector)
        shutil.rmtree(site_dir, ignore_errors=True)
