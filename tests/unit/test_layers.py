"""The layers of chancery.layers hold: no module imports upward, no package cycle."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from chancery.layers import LAYERS, ORDER, layer_of
from tests.conftest import ROOT

TOPS = {"chancery": ROOT / "chancery", "chancery_plugins": ROOT / "plugins"}
TOP_LEVEL_ALLOWED = {"chancery", "chancery.layers"}  # the package itself and this table


def modules() -> dict[str, Path]:
    found = {}
    for name, folder in TOPS.items():
        for path in folder.rglob("*.py"):
            parts = (name, *path.relative_to(folder).with_suffix("").parts)
            dotted = ".".join(parts).removesuffix(".__init__")
            found[dotted] = path
    return found


def imported(path: Path, module: str) -> set[str]:
    """Every module of ours that ``module`` imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".")
                if path.name != "__init__.py":
                    package = package[:-1]
                base = ".".join(package[: len(package) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names.add(target)
            names |= {f"{target}.{alias.name}" for alias in node.names}
    return {n for n in names if n.split(".")[0] in TOPS}


def unit_of(module: str, known: dict[str, Path]) -> str:
    """The package a module counts for in the cycle check: its layer's sub-package (e.g.
    ``chancery.features.news``), or the module itself when it sits at the layer's top."""
    parts = module.split(".")
    depth = 2 if parts[0] == "chancery_plugins" else 3
    unit = ".".join(parts[:depth])
    return unit if unit in known or unit + ".__init__" in known else module


def edges() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in known.items():
        for target in imported(path, module):
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]  # ``from x import name``: the module x
            if target in known:
                graph[module].add(target)
    return graph


def test_every_module_belongs_to_a_layer() -> None:
    outside = [m for m in modules() if layer_of(m) is None and m not in TOP_LEVEL_ALLOWED]
    assert outside == [], f"put these in a layer of chancery/layers.py: {outside}"


def test_every_layer_folder_exists() -> None:
    assert [folder for _, folder, _ in LAYERS if not (ROOT / folder).is_dir()] == []


def test_no_module_imports_a_higher_layer() -> None:
    upward = []
    for module, targets in edges().items():
        for target in targets:
            low, high = layer_of(module), layer_of(target)
            if low and high and ORDER[high] > ORDER[low]:
                upward.append(f"{module} ({low}) imports {target} ({high})")
    assert sorted(upward) == []


def test_the_core_imports_nothing_of_chancery_but_itself() -> None:
    outside = sorted(f"{m} imports {t}" for m, targets in edges().items()
                     if layer_of(m) == "core" for t in targets
                     if layer_of(t) != "core" and t != "chancery")
    assert outside == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_packages_import_each_other_without_a_cycle() -> None:
    known = modules()
    units: dict[str, set[str]] = defaultdict(set)
    for module, targets in edges().items():
        for target in targets:
            a, b = unit_of(module, known), unit_of(target, known)
            if a != b and b != "chancery":
                units[a].add(b)
    assert cycles(units) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
