"""The layout holds: the core never imports MkDocs, every package ships, ruff is clean."""

from __future__ import annotations

import ast
import shutil
import subprocess
import tomllib

import pytest

from tests.conftest import ROOT


def imports_of(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_core_does_not_import_mkdocs_or_the_adapters() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            imports_of(path) & {"mkdocs", "material", "chancery_plugins"}
        )
        for path in (ROOT / "chancery").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_python_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = set()
    for top, name in (("chancery", "chancery"), ("plugins", "chancery_plugins")):
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / top).parts
            on_disk.add(".".join((name, *rel)))
    assert on_disk - listed == set()


def test_plugins_are_registered_as_entry_points() -> None:
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="mkdocs.plugins")}
    assert "chancery/site" in names


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (ROOT / ".venv/bin/ruff").exists(),
    reason="ruff is not installed",
)
def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(ROOT / ".venv/bin/ruff")
    paths = [p for p in ("chancery", "plugins", "tests", "build.py", "benchmarks")
             if (ROOT / p).exists()]
    result = subprocess.run(
        [ruff, "check", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
