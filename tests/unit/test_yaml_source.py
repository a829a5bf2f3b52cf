"""The line-aware YAML loader: strict scalars, line numbers, editor-friendly errors."""

from __future__ import annotations

import pytest

from chancery.content.loaders.frontmatter import split_front_matter
from chancery.content.loaders.yaml_source import parse_yaml
from chancery.core.errors import ContentError


def problems_of(text: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        parse_yaml(text, "x.yml")
    return [str(p) for p in info.value.problems]


def test_yaml_11_traps_stay_text() -> None:
    data = parse_yaml(
        "country: NO\npostal: 01000\ntime: \"8:30\"\nyes: on\nok: true\nn: 12\n", "x.yml"
    ).data
    assert data == {
        "country": "NO",
        "postal": "01000",
        "time": "8:30",
        "yes": "on",
        "ok": True,
        "n": 12,
    }


def test_every_key_and_item_has_its_line() -> None:
    source = parse_yaml("a: 1\nb:\n  c: 2\n  d:\n    - x\n    - y\n", "x.yml")
    assert source.line_of(("b", "c")) == 3
    assert source.line_of(("b", "d", 1)) == 6
    assert source.line_of(("b", "missing")) == 2


def test_tab_indentation_names_each_line() -> None:
    assert problems_of("a:\n\tb: 1\nc: 2\n\td: 3\n") == [
        "x.yml:2: tab character in YAML; indent with spaces",
        "x.yml:4: tab character in YAML; indent with spaces",
    ]


def test_syntax_error_has_line_and_hint() -> None:
    (message,) = problems_of("name: ok\ntitle: Paris: capital\n")
    assert message.startswith("x.yml:2: invalid YAML: mapping values are not allowed here;")
    assert "quote text that contains ': '" in message


def test_unclosed_quote() -> None:
    (message,) = problems_of('a: "open\nb: 2\n')
    assert message.startswith("x.yml:3: invalid YAML:")
    assert "a quote or bracket is not closed" in message


def test_duplicate_key_is_an_error() -> None:
    (message,) = problems_of("name: a\nkind: b\nname: c\n")
    assert message == "x.yml:3: name: duplicate key (first given on line 1); keep only one"


def test_front_matter_lines_count_from_the_file_top() -> None:
    with pytest.raises(ContentError) as info:
        split_front_matter("---\ntitle: A\nweight: x: y\n---\nbody\n", "p.md")
    assert str(info.value.problems[0]).startswith("p.md:3: invalid YAML")
    doc = split_front_matter("---\ntitle: A\n---\nline one\n", "p.md")
    assert doc.meta.data == {"title": "A"}
    assert doc.meta.line_of(("title",)) == 2
    assert doc.body_line == 4


def test_front_matter_without_closing_line() -> None:
    with pytest.raises(ContentError) as info:
        split_front_matter("---\ntitle: A\nbody\n", "p.md")
    assert str(info.value.problems[0]) == (
        "p.md:1: front matter starts with '---' but has no closing '---' line"
    )


def test_front_matter_must_be_a_mapping() -> None:
    with pytest.raises(ContentError) as info:
        split_front_matter("---\n- a\n- b\n---\n", "p.md")
    assert "front matter must be 'key: value' lines" in str(info.value)


def test_a_file_not_in_utf8_names_its_line(tmp_path) -> None:
    from chancery.content.loaders.yaml_source import load_yaml_file

    path = tmp_path / "mission.yml"
    path.write_bytes("id: fr-paris\ncity: Paris\nstreet: 12 rue de l'Église\n".encode("latin-1"))
    with pytest.raises(ContentError) as info:
        load_yaml_file(path, "mission.yml")
    assert [str(p) for p in info.value.problems] == [
        "mission.yml:3: file is not UTF-8 text; save it with UTF-8 encoding"]
