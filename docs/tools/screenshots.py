"""Take the editor's guide's screenshots from the example network, in real Chromium.

    python3 docs/tools/screenshots.py     # writes docs/pages/editors/img/*.png

Builds the example network at a fixed moment (so that HQ's example alert shows) into a
temporary folder, serves each mission on 127.0.0.1 and photographs the parts of a page the
guide explains. Run it again after a theme change; the docs build fails if one is missing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402

OUT = ROOT / "docs" / "pages" / "editors" / "img"
NOW = "2026-12-01T10:00:00+07:00"
# (file, mission, path in the site, element to photograph; None: the top of the page)
SHOTS = [
    ("alert.png", "fr-paris", "", ".chancery-alert"),
    ("post.jpg", "fr-paris",
     "news/2026/khai-giang-lop-tieng-viet-cho-thieu-nhi-nam-hoc-2026-2027/", None),
    ("fees.png", "fr-paris", "consular/passport/", ".chancery-fees"),
]


def main() -> int:
    import os

    from playwright.sync_api import sync_playwright

    from chancery.pipeline.runner import build_missions

    os.environ["CHANCERY_NOW"] = NOW
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        reports = build_missions(ROOT / "content", Path(tmp), jobs=2, progress=lambda _: None)
        if not all(r.ok for r in reports):
            print("the example network does not build", file=sys.stderr)
            return 1
        servers = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            for name, mission, path, selector in SHOTS:
                if mission not in servers:
                    servers[mission] = serve_directory(Path(tmp) / mission)
                port = servers[mission].server_address[1]
                page.goto(f"http://127.0.0.1:{port}/{path}")
                options = {"path": str(OUT / name)}
                if name.endswith(".jpg"):
                    options |= {"type": "jpeg", "quality": 70}
                if selector is None:
                    page.screenshot(**options)
                else:
                    page.locator(selector).first.screenshot(**options)
                print(f"{OUT / name}")
            browser.close()
        for server in servers.values():
            server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
