"""The web editor (Decap CMS at /admin/) driven in Chromium against decap-server.

A copy of the example network is a git repository in a temporary folder, with the editor
enabled in its hq.yml; one mission is built, its site served, and decap-server (Decap's
local backend, installed from the npm registry by ``build.py test`` or here into
``.cache/decap-server``) edits the repository in ``git`` mode, which is what the editorial
workflow needs: a saved entry is a draft on its own branch, published by merging it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from chancery.content.data import formats
from chancery.content.model.network import load_network
from chancery.features.cms.server import ServerMissing, ensure_decap_server
from chancery.pipeline.runner import build_missions
from tests.conftest import CONTENT, ROOT, serve_directory

GIT = ["git", "-c", "user.name=Chancery tests", "-c", "user.email=tests@chancery.invalid"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _mission_with_english() -> tuple[str, str, str]:
    """A mission of the example network that publishes in English: (id, default, "en")."""
    network = load_network(CONTENT)
    for mission_id, entry in sorted(network.missions.items()):
        if "en" in entry.mission.languages[1:]:
            return mission_id, entry.mission.default_language, "en"
    pytest.skip("no example mission publishes in English")


@dataclass
class Editor:
    repo: Path
    content: Path
    out: Path
    mission: str
    default: str
    second: str
    url: str

    def rebuild(self) -> Path:
        reports = build_missions(self.content, self.out, missions=[self.mission], jobs=1,
                                 progress=lambda line: None)
        assert all(report.ok for report in reports), [r.errors for r in reports]
        return self.out / self.mission


def _wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"decap-server exited: {log.read_text(encoding='utf-8')}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"decap-server did not listen on {port}: {log.read_text(encoding='utf-8')}")


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    try:
        script = ensure_decap_server()
    except ServerMissing as exc:
        pytest.skip(str(exc))
    mission, default, second = _mission_with_english()
    repo = tmp_path_factory.mktemp("cms-repo")
    content = repo / "content"
    shutil.copytree(CONTENT, content)
    port = _free_port()
    hq = content / "_hq" / "hq.yml"
    hq.write_text(hq.read_text(encoding="utf-8") + (
        "\ncms:\n  enabled: true\n  repo: vn-mofa/chancery\n"
        f"  local_backend_port: {port}\n"), encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run([*GIT, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(repo), "commit", "-qm", "The example network"],
                   check=True)
    out = tmp_path_factory.mktemp("cms-site")
    log = out.parent / f"{out.name}-decap-server.log"
    env = {**os.environ, "PORT": str(port), "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "info",
           "GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "editor@chancery.invalid",
           "GIT_COMMITTER_NAME": "Biên tập viên",
           "GIT_COMMITTER_EMAIL": "editor@chancery.invalid"}
    with log.open("w", encoding="utf-8") as sink:
        server = subprocess.Popen(["node", str(script)], env=env, stdout=sink,
                                  stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, server, log)
        state = Editor(repo, content, out, mission, default, second, "")
        site = serve_directory(state.rebuild())
        state.url = f"http://127.0.0.1:{site.server_address[1]}/admin/"
        yield state
        site.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def tab(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text)
            if message.type == "error" and "favicon" not in message.text else None)
    def bad(response: object) -> None:
        if response.status >= 400:
            page.errors.append(f"{response.status} {response.url} {response.request.post_data}")
    page.on("response", bad)
    page.on("dialog", lambda dialog: dialog.accept())  # "publish this entry?" and the like
    yield page
    context.close()


def _sign_in(tab: object, editor: Editor) -> None:
    tab.goto(editor.url)
    tab.get_by_role("button", name="Đăng nhập").click()  # Decap's Vietnamese interface
    tab.get_by_text("Tin tức").first.wait_for()


def _publish(tab: object) -> None:
    """Save the entry, mark it ready and publish it (the editorial workflow's three steps)."""
    tab.get_by_role("button", name="Lưu", exact=True).click()
    status = tab.get_by_text("Trạng: Bản nháp")  # Decap's Vietnamese: "Status: Draft"
    status.wait_for(timeout=60_000)
    status.click()
    tab.get_by_role("menuitem", name="Sẵn sàng").click()
    tab.get_by_text("Trạng: Sẵn sàng").wait_for(timeout=60_000)
    tab.get_by_role("button", name="Công bố", exact=True).click()
    tab.get_by_role("menuitem", name="Công bố ngay").click()
    tab.get_by_text("Mục đã được công bố", exact=True).wait_for(timeout=60_000)


def _git(editor: Editor, *args: str) -> str:
    return subprocess.run(["git", "-C", str(editor.repo), *args], capture_output=True,
                          text=True, check=True).stdout


def _check_strict(editor: Editor) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--strict", "--format", "json",
         "--lang", "en", "--mission", editor.mission, "--content", str(editor.content)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
        env={**os.environ, "CHANCERY_NO_BOOTSTRAP": "1"})
    report = json.loads(result.stdout)
    assert result.returncode == 0, report["problems"]
    return report


def test_a_post_written_in_two_languages_lands_where_the_build_reads_it(
        tab: object, editor: Editor) -> None:
    _sign_in(tab, editor)
    tab.goto(editor.url + "#/collections/news/new")
    titles = tab.locator("input[id^=title-field-]")
    titles.nth(1).wait_for()
    # Left: the mission's default language; right: switched to English.
    tab.get_by_text(re.compile(r"^Writing in ")).nth(1).click()
    tab.get_by_role("menuitem", name=editor.second, exact=True).click()
    titles.nth(0).fill("Tuần phim Việt Nam lần thứ nhất")
    titles.nth(1).fill("The first Vietnamese film week")
    tab.locator("input[id^=date-field-]").first.fill("2026-03-10T10:00")
    tab.locator("input[id^=categories-field-]").first.click()
    tab.keyboard.type("Văn hóa")  # HQ's category, by its Vietnamese name
    tab.keyboard.press("Enter")
    summaries = tab.locator("textarea[id^=summary-field-]")
    summaries.nth(0).fill("Sáu bộ phim Việt Nam được chiếu trong một tuần.")
    summaries.nth(1).fill("Six Vietnamese films are shown over one week.")
    bodies = tab.locator("[data-slate-editor=true]")
    bodies.nth(0).click()
    tab.keyboard.type("Đại sứ quán trân trọng kính mời bà con đến xem phim.")
    bodies.nth(1).click()
    tab.keyboard.type("The Embassy warmly invites you to the screenings.")
    _publish(tab)

    pages = editor.content / editor.mission / "pages"
    slug = "tuan-phim-viet-nam-lan-thu-nhat"
    written = sorted(path.relative_to(pages).as_posix() for path in pages.rglob(f"{slug}.md"))
    assert written == sorted(f"{lang}/news/2026/{slug}.md"
                             for lang in (editor.default, editor.second)), written
    assert _git(editor, "status", "--porcelain") == ""  # published: merged, committed
    assert f"{slug}.md" in _git(editor, "log", "-1", "--name-only")
    for lang, title in ((editor.default, "Tuần phim Việt Nam lần thứ nhất"),
                        (editor.second, "The first Vietnamese film week")):
        text = (pages / lang / "news" / "2026" / f"{slug}.md").read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1])
        assert meta["title"] == title
        assert meta["categories"] == ["culture"]
    report = _check_strict(editor)
    assert report["errors"] == 0 and report["warnings"] == 0, report["problems"]
    site = editor.rebuild()
    for lang, title in ((editor.default, "Tuần phim Việt Nam lần thứ nhất"),
                        (editor.second, "The first Vietnamese film week")):
        folder = site if lang == editor.default else site / lang
        built = [path for path in (folder / "news" / "2026").glob("*/index.html")
                 if re.search(rf"<h1[^>]*>\s*{re.escape(title)}\s*<",
                             path.read_text(encoding="utf-8"))]
        assert len(built) == 1, (lang, title)
    assert not [error for error in tab.errors if "Config Errors" in error]
    assert not [error for error in tab.errors if "Content Security Policy" in error]


def _pages_with(folder: Path, text: str) -> list[Path]:
    return [path for path in folder.rglob("*.html")
            if "admin" not in path.relative_to(folder).parts
            and text in path.read_text(encoding="utf-8")]


def test_a_fee_edited_in_the_editor_is_on_the_built_consular_page(
        tab: object, editor: Editor) -> None:
    data = editor.content / editor.mission / "data" / "consular.yml"
    before = yaml.safe_load(data.read_text(encoding="utf-8"))
    service = next(index for index, item in enumerate(before["services"]) if item.get("fees"))
    fee = before["services"][service]["fees"][0]
    new_amount = int(fee["amount"]) + 37
    shown = formats.money(Decimal(new_amount), fee["currency"], editor.default)
    site = editor.out / editor.mission
    assert not _pages_with(site, shown)  # not there before the edit

    _sign_in(tab, editor)
    tab.goto(editor.url + "#/collections/data/entries/consular")
    amount = tab.locator(f"input[id^=amount-field-][value='{fee['amount']}']").first
    amount.wait_for(timeout=60_000)
    amount.fill(str(new_amount))
    _publish(tab)

    after = yaml.safe_load(data.read_text(encoding="utf-8"))
    before["services"][service]["fees"][0]["amount"] = new_amount
    assert after == before  # only the fee changed: nothing added, dropped or emptied
    assert _git(editor, "status", "--porcelain") == ""
    report = _check_strict(editor)
    assert report["errors"] == 0 and report["warnings"] == 0, report["problems"]
    site = editor.rebuild()
    assert not [error for error in tab.errors if "Content Security Policy" in error]
    pages = _pages_with(site, shown)
    assert any("consular" in page.relative_to(site).parts for page in pages), (shown, pages)


def _title(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["title"]


def test_the_collections_list_the_missions_posts_and_pages_apart(
        tab: object, editor: Editor) -> None:
    pages = editor.content / editor.mission / "pages" / editor.default
    posts = sorted((pages / "news").glob("[0-9][0-9][0-9][0-9]/*.md"))
    others = sorted(path for path in pages.rglob("*.md") if path not in posts)
    assert posts and others
    _sign_in(tab, editor)
    tab.goto(editor.url + "#/collections/news")
    tab.get_by_text(_title(posts[0])).first.wait_for(timeout=60_000)
    listed = tab.inner_text("body")
    for post in posts:  # the list shows "title (date)"
        assert f"{_title(post)} (" in listed, post
    for page in others:
        assert f"{_title(page)} (" not in listed, page
    # Pages: the nested tree of the default language's pages, no post among them.
    tab.goto(editor.url + "#/collections/pages")
    consular = _title(pages / "consular" / "index.md")
    tab.get_by_text(consular).first.wait_for(timeout=60_000)
    lines = {line.strip() for line in tab.inner_text("body").splitlines()}
    assert consular in lines
    for post in posts:
        assert _title(post) not in lines, post
    # No page of another mission is there (titles this mission's pages do not share).
    own = {_title(path) for path in pages.rglob("*.md")}
    foreign = {_title(path) for other in sorted(load_network(editor.content).missions)
               if other != editor.mission
               for path in (editor.content / other / "pages" / editor.default).rglob("*.md")}
    assert foreign - own
    assert not (foreign - own) & lines
