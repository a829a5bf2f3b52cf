"""What each command is for, read from its module's source without importing it.

``build.py --help`` lists the commands from here, so listing them needs neither the
commands' dependencies (the environment may not be installed yet) nor the time to import
them. The text is the ``help=`` and ``description=`` of each module's
``add_parser("NAME", ...)`` call: one source, no copy to keep in step. Standard library only.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

CLI_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Summary:
    name: str
    help: str
    description: str


def summary(name: str) -> Summary:
    """The ``help`` and ``description`` that ``chancery/cli/<name>.py`` gives its command."""
    tree = ast.parse((CLI_DIR / f"{name}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "add_parser" and node.args \
                and isinstance(node.args[0], ast.Constant) and node.args[0].value == name:
            texts = {k.arg: _text(k.value) for k in node.keywords if k.arg}
            return Summary(name, texts.get("help", ""), texts.get("description", ""))
    return Summary(name, "", "")


def _text(node: ast.expr) -> str:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return ""  # computed at run time: only the real parser knows it
    return value if isinstance(value, str) else ""
