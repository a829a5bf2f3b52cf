"""docs/pages/architecture.md draws the import table of chancery/layers.py: the same layers,
with the same folders, in the same order (the table lowest first, the diagram highest first),
so that the documentation and the table the layer test holds cannot drift apart."""

from __future__ import annotations

import re

from chancery.layers import LAYERS
from tests.conftest import ROOT

DOC = ROOT / "docs" / "pages" / "architecture.md"
_DIAGRAM_LINE = re.compile(r"^([a-z]+)\s+(\S+/)\s")


def layers_section(text: str) -> str:
    """The text of the page's ``## Layers`` section."""
    parts = re.split(r"^## ", text, flags=re.M)
    section = next((p for p in parts if p.startswith("Layers\n")), None)
    assert section is not None, "architecture.md has no '## Layers' section"
    return section


def table_rows(section: str) -> list[tuple[str, str]]:
    """``(layer, folder)`` of each row of the table whose header starts ``| layer | folder |``."""
    lines = section.splitlines()
    start = next((i for i, line in enumerate(lines)
                  if re.match(r"^\|\s*layer\s*\|\s*folder\s*\|", line)), None)
    assert start is not None, "the Layers section has no '| layer | folder | ...' table"
    rows = []
    for line in lines[start + 2:]:  # after the header and its |---| line
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append((cells[0].strip("`* "), cells[1].strip("`* ").rstrip("/")))
    return rows


def diagram_rows(section: str) -> list[tuple[str, str]]:
    """``(layer, folder)`` of each line of the section's first code block that names a layer."""
    block = section.split("```", 2)
    assert len(block) == 3, "the Layers section has no diagram (a ``` block)"
    found = []
    for line in block[1].splitlines():
        match = _DIAGRAM_LINE.match(line)
        if match:
            found.append((match.group(1), match.group(2).rstrip("/")))
    return found


def expected() -> list[tuple[str, str]]:
    return [(name, folder) for name, folder, _ in LAYERS]


def test_the_layers_table_names_every_layer_with_its_folder_in_order() -> None:
    section = layers_section(DOC.read_text(encoding="utf-8"))
    assert table_rows(section) == expected(), (
        "docs/pages/architecture.md's Layers table must list chancery/layers.py's LAYERS "
        "(name, folder), lowest first")


def test_the_layers_diagram_draws_every_layer_highest_first() -> None:
    section = layers_section(DOC.read_text(encoding="utf-8"))
    assert diagram_rows(section) == expected()[::-1], (
        "docs/pages/architecture.md's Layers diagram must draw chancery/layers.py's LAYERS, "
        "highest first, each with its folder")


def test_the_readers_notice_a_drift() -> None:
    """A doc whose table swaps two layers, or whose diagram forgets one, is told apart."""
    names = expected()
    rows = "\n".join(f"| {name} | `{folder}` | x |" for name, folder in names)
    good = ("Layers\n\n```\n"
            + "\n".join(f"{name:11} {folder}/ x" for name, folder in names[::-1])
            + "\n```\n\n| layer | folder | what it holds |\n|---|---|---|\n" + rows + "\n")
    assert table_rows(good) == names and diagram_rows(good) == names[::-1]
    swapped = good.replace(f"| {names[0][0]} |", "| tmp |").replace(
        f"| {names[1][0]} |", f"| {names[0][0]} |").replace("| tmp |", f"| {names[1][0]} |")
    assert table_rows(swapped) != names
    forgot = good.replace(f"{names[-1][0]:11} {names[-1][1]}/ x\n", "")
    assert diagram_rows(forgot) != names[::-1]
