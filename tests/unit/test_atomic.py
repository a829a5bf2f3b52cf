"""chancery.core.atomic: a file is replaced whole or not at all, never written through a link."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chancery.core.atomic import (
    atomic_output,
    temporary_name,
    write_bytes_atomic,
    write_json_atomic,
    write_text_atomic,
)


def test_the_bytes_text_and_json_written_are_exactly_those_asked_for(tmp_path: Path) -> None:
    write_bytes_atomic(tmp_path / "a.bin", b"\x00\xff")
    write_text_atomic(tmp_path / "deep" / "b.txt", "Đại sứ quán\r\n", mkdir=True)
    value = {"b": [1, "ư"], "a": None}
    write_json_atomic(tmp_path / "c.json", value, indent=2, end="\n")
    write_json_atomic(tmp_path / "d.json", value, ensure_ascii=False, separators=(",", ":"))
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\xff"
    assert (tmp_path / "deep" / "b.txt").read_bytes() == "Đại sứ quán\r\n".encode()
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == json.dumps(value, indent=2) + "\n"
    assert (tmp_path / "d.json").read_bytes() == '{"b":[1,"ư"],"a":null}'.encode()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.bin", "b.txt", "c.json", "d.json",
                                                           "deep"]


def test_the_temporary_file_is_hidden_private_to_the_process_and_skipped(tmp_path: Path) -> None:
    tmp = temporary_name(tmp_path / "state.json")
    assert tmp.parent == tmp_path and tmp.name.startswith(".state.json.")
    assert tmp.name.endswith(".tmp") and str(os.getpid()) in tmp.name


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "manifest.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write(b"half of the new")
        raise RuntimeError("power cut")
    with pytest.raises(TypeError):
        write_json_atomic(target, {"when": object()})
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_a_hard_linked_file_is_replaced_not_written_through(tmp_path: Path) -> None:
    live = tmp_path / "live.html"
    live.write_text("live", encoding="utf-8")
    staged = tmp_path / "staged.html"
    os.link(live, staged)
    write_text_atomic(staged, "new")
    assert live.read_text(encoding="utf-8") == "live"
    assert staged.read_text(encoding="utf-8") == "new"
