"""No environment variable, plugin priority or hook order carries a build's state.

The worker hands the engine a RenderRequest; the features return sections that the
assembly merges; the one MkDocs plugin translates the result in the order its hooks are
written. These tests read the code (AST), as the import-layer test does.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

CODE = [*sorted((ROOT / "chancery").rglob("*.py")), *sorted((ROOT / "plugins").rglob("*.py"))]
# Where a process may read its environment, and why: inputs of a person or of CI, read
# where they are needed, never written.
READS = {
    "chancery/core/clock.py": "CHANCERY_NOW, the clock a command starts with (like --now)",
    "chancery/core/engine.py": "CHANCERY_CONFIG, HQ's choice of another site configuration",
    "chancery/content/i18n/problems.py": "the reader's locale, for check's language",
    "chancery/cli/docs.py": "passed on whole to the docs build's own process",
    "chancery/publish/credentials.py": "publishing secrets (environment only, never YAML)",
    "chancery/publish/git_publisher.py": "passed on whole to git, with the credentials helper",
    "chancery/publish/ssh_publisher.py": "CHANCERY_RSYNC_OPTIONS, the operator's rsync options",
    "chancery/publish/archive.py": "CHANCERY_ARCHIVE_DIR, where CI keeps releases",
}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _environ_uses(path: Path) -> list[tuple[int, str]]:
    """``(line, kind)`` of every use of ``os.environ``/``os.getenv``/``os.putenv``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "os" and node.attr in {"environ", "getenv", "putenv",
                                                            "unsetenv"}:
            found.append((node.lineno, node.attr))
    return found


def _environ_writes(path: Path) -> list[int]:
    """Lines that change ``os.environ`` (assignment, ``update``, ``setdefault``, ``pop``...)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        for target in targets:
            if isinstance(target, ast.Subscript) and ast.unparse(target.value) == "os.environ":
                lines.append(node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and ast.unparse(node.func.value) == "os.environ" \
                and node.func.attr in {"update", "setdefault", "pop", "popitem", "clear"}:
            lines.append(node.lineno)
        if isinstance(node, ast.Call) and ast.unparse(node.func) in {"os.putenv",
                                                                     "os.unsetenv"}:
            lines.append(node.lineno)
    return lines


def test_no_module_writes_the_environment() -> None:
    writes = {_rel(p): _environ_writes(p) for p in CODE}
    assert {file: lines for file, lines in writes.items() if lines} == {}


def test_the_environment_is_read_only_for_the_inputs_listed_here() -> None:
    readers = {_rel(p) for p in CODE if _environ_uses(p)}
    assert readers - READS.keys() == set(), "say here why it reads the environment"
    assert READS.keys() - readers == set(), "no longer reads it: drop it from READS"


def test_no_hook_has_a_priority() -> None:
    """The order of the build is the order of the site plugin's hooks, written once."""
    users = sorted(_rel(p) for p in CODE if "event_priority" in p.read_text(encoding="utf-8"))
    assert users == []


def test_the_finders_see_what_they_look_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nos.environ['A'] = '1'\nos.environ.update(B='2')\n"
                      "x = os.environ.get('C')\nos.putenv('D', '4')\n", encoding="utf-8")
    assert _environ_writes(sample) == [2, 3, 5]
    assert sorted(line for line, _ in _environ_uses(sample)) == [2, 3, 4, 5]


def _ambient(path: Path, root: Path = ROOT) -> list[str]:
    """Context variables, thread-locals and ``global`` statements in one file."""
    found = []
    rel = path.relative_to(root).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Global):
            found.append(f"{rel}:{node.lineno}: global {', '.join(node.names)}")
        elif isinstance(node, ast.Name) and node.id == "ContextVar" \
                or isinstance(node, ast.Attribute) and node.attr == "ContextVar":
            found.append(f"{rel}:{node.lineno}: ContextVar")
        elif isinstance(node, ast.Attribute) and node.attr == "local" \
                and ast.unparse(node.value) == "threading":
            found.append(f"{rel}:{node.lineno}: threading.local")
    return found


def test_no_ambient_state_hands_work_its_inputs() -> None:
    """What a piece of work reads through (its read cache, its clock) is passed to it: no
    context variable, thread-local or ``global`` statement carries it."""
    assert [line for path in CODE for line in _ambient(path)] == []


def test_the_ambient_finder_sees_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "chancery" / "sample.py"
    sample.parent.mkdir()
    sample.write_text("import threading\nfrom contextvars import ContextVar\nX = ContextVar('x')\n"
                      "T = threading.local()\ndef f():\n    global X\n", encoding="utf-8")
    found = sorted(line.split(": ", 1)[1] for line in _ambient(sample, tmp_path))
    assert found == ["ContextVar", "global X", "threading.local"]
