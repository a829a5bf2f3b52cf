"""Which web font families a mission needs, from the theme's ``fonts.yml``."""

from __future__ import annotations

from pathlib import Path

from chancery.loaders.yaml_source import load_yaml_file


def font_families(table_file: Path, languages: list[str]) -> list[str]:
    """Families for ``languages``: ``always`` first, then each language's, without repeats."""
    table = load_yaml_file(table_file).data or {}
    families = list(table.get("always", []))
    for code in languages:
        for family in table.get("languages", {}).get(code, []):
            if family not in families:
                families.append(family)
    return families
