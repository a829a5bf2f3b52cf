"""content/_hq/languages.yml: CLDR tags only, each once, errors at file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chancery.content.model.languages import language, load_languages
from chancery.content.model.network import load_network
from chancery.core.errors import ContentError
from tests.conftest import CONTENT


def declare(tmp_path: Path, text: str) -> Path:
    hq = tmp_path / "_hq"
    hq.mkdir(exist_ok=True)
    (hq / "languages.yml").write_text(text, encoding="utf-8")
    return hq


def problems(hq: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_languages(hq)
    return [p.message for p in info.value.problems] + [f"{p.line}" for p in info.value.problems]


def test_cldr_gives_the_facts() -> None:
    assert (language("he").direction, language("lo").native_name) == ("rtl", "ລາວ")
    assert language("pt-BR").native_name == "Português (Brasil)"
    assert language("sr-Latn").babel_locale == "sr_Latn"


def test_an_unknown_tag_names_the_closest_known_ones(tmp_path: Path) -> None:
    hq = declare(tmp_path, "languages:\n  - code: vi\n  - code: zh-hant\n  - code: xx\n")
    found = problems(hq)
    assert "'zh-hant' is not a BCP 47 language tag; the closest known tags are: zh-Hant" \
        in found[0]
    assert found[1].startswith("'xx' is not a language CLDR knows; the closest known tags")
    assert found[2:] == ["3", "4"]


def test_a_language_declared_twice(tmp_path: Path) -> None:
    hq = declare(tmp_path, "languages:\n  - code: vi\n  - code: lo\n  - code: lo\n")
    assert problems(hq) == ["'lo' is declared twice; keep one entry", "4"]


def test_unknown_fields_and_the_source_language(tmp_path: Path) -> None:
    hq = declare(tmp_path, "languages:\n  - code: lo\n    name: Lao\n")
    assert problems(hq) == ["unknown field 'name'; remove it or check its spelling", "3"]
    hq = declare(tmp_path, "languages:\n  - code: lo\n    font: Noto Sans Lao\n")
    assert problems(hq)[0].startswith("'vi' (the source language) must be declared")


def test_an_edit_is_seen_at_once(tmp_path: Path) -> None:
    hq = declare(tmp_path, "languages:\n  - code: vi\n")
    assert load_languages(hq).codes == ["vi"]
    declare(tmp_path, "languages:\n  - code: vi\n  - code: km\n    font: Noto Sans Khmer\n")
    assert load_languages(hq).codes == ["vi", "km"]
    assert load_languages(hq).get("km").font == "Noto Sans Khmer"


def test_the_network_carries_its_declaration(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    network = load_network(content)
    assert "lo" in network.languages and "sw" not in network.languages
