"""The README stays short and complete; the documentation site builds with no broken link."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import yaml

from chancery.cli.docs import DOCS_CONFIG, build_docs, replaceable
from tests.conftest import ROOT

README = ROOT / "README.md"
README_LIMIT = 15 * 1024  # bytes
PAGES = DOCS_CONFIG.parent / "pages"


def _name(requirement: str) -> str:
    """``moto[server]==5.2.5`` → ``moto``; names compared the way PyPI does."""
    return re.split(r"[\[=<>!~ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _readme_dependencies() -> dict[str, str]:
    """Each package named in the README's dependency table, with its reason."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Dependencies", 1)[1].split("\n## ", 1)[0]
    found = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in {"package", ""} or set(cells[0]) <= {"-"}:
            continue
        for package in cells[0].split(","):
            found[_name(package)] = cells[1]
    return found


def test_readme_is_under_15_kb() -> None:
    size = README.stat().st_size
    assert size < README_LIMIT, f"README.md is {size} bytes; move details to docs/pages/"


def test_readme_keeps_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "python3 build.py build" in text and "python3 build.py test" in text


def test_readme_gives_every_dependency_a_reason() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = {_name(r) for r in project["dependencies"]}
    for extra in project.get("optional-dependencies", {}).values():
        pinned |= {_name(r) for r in extra}
    listed = _readme_dependencies()
    assert pinned - set(listed) == set(), "dependencies missing from the README's table"
    assert {name for name, why in listed.items() if not why} == set()


def test_readme_links_point_to_files_that_exist() -> None:
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    local = [t for t in targets if "://" not in t and not t.startswith("mailto:")]
    assert local, "the README links into docs/"
    assert [t for t in local if not (ROOT / t).exists()] == []


def test_every_docs_page_is_in_the_nav() -> None:
    config = yaml.safe_load(DOCS_CONFIG.read_text(encoding="utf-8"))

    def walk(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [p for value in node.values() for p in walk(value)]
        if isinstance(node, list):
            return [p for item in node for p in walk(item)]
        return []

    in_nav = set(walk(config["nav"]))
    on_disk = {p.relative_to(PAGES).as_posix() for p in PAGES.rglob("*.md")}
    assert on_disk - in_nav == set(), "pages missing from nav: in docs/mkdocs.yml"
    assert in_nav - on_disk == set(), "nav entries without a page"


def test_docs_config_is_strict_and_uses_none_of_our_plugins() -> None:
    config = yaml.safe_load(DOCS_CONFIG.read_text(encoding="utf-8"))
    assert config["strict"] is True
    assert config["theme"]["name"] == "material"
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config.get("plugins", [])]
    assert [p for p in plugins if p.startswith("chancery")] == []
    levels = [level for group in config["validation"].values() for level in group.values()]
    assert set(levels) == {"warn"}, "every validation is a warning, hence an error in strict mode"


def test_docs_site_builds_with_no_broken_link_or_anchor(tmp_path: Path) -> None:
    out = tmp_path / "site-docs"
    result = build_docs(out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (out / "index.html").is_file() and (out / "architecture" / "index.html").is_file()


def test_a_broken_anchor_or_link_fails_the_docs_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_CONFIG.parent, docs, ignore=shutil.ignore_patterns("*.png"))
    with (docs / "pages" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n[figures](performance.md#no-such-heading) [code](../chancery/pages.py)\n")
    result = build_docs(tmp_path / "out", config=docs / "mkdocs.yml")
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-heading'" in result.stderr
    assert "'../chancery/pages.py', but the target is not found" in result.stderr


def test_docs_command_refuses_to_empty_a_folder_that_is_not_a_docs_site(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    assert not replaceable(tmp_path)
    assert replaceable(tmp_path / "new")
    built = tmp_path / "built"
    (built / "search").mkdir(parents=True)
    (built / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    assert replaceable(built)


GUIDE_TOPICS = {"write-a-post", "translate", "consular-data", "alerts", "images", "preview",
                "web-editor", "errors"}


def _sections(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^## .*\{#([a-z0-9-]+)\}\s*$", text, re.M)


def test_the_editors_guide_covers_every_topic_in_vietnamese_and_english() -> None:
    guide = ROOT / "docs" / "pages" / "editors"
    english, vietnamese = _sections(guide / "index.md"), _sections(guide / "vi.md")
    assert set(english) >= GUIDE_TOPICS, GUIDE_TOPICS - set(english)
    assert vietnamese == english  # the same sections, in the same order
    for page in ("index.md", "vi.md"):
        for image in re.findall(r"!\[[^\]]+\]\((img/[^)]+)\)", (guide / page).read_text()):
            assert (guide / image).is_file(), (page, image)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/pages/editors/index.md" in readme and "docs/pages/editors/vi.md" in readme
