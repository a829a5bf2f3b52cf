"""Small synthetic networks and builds for the incremental-build tests."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from benchmarks.synthetic import Spec, generate
from chancery.pipeline.digest import site_files, tree_digest
from chancery.pipeline.runner import MissionReport, build_missions

NOW = "2026-07-01T12:00:00+00:00"  # after every synthetic post


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHANCERY_NOW", NOW)


@pytest.fixture
def small(tmp_path: Path) -> Spec:
    """One mission in Vietnamese and French, four posts each."""
    return generate(tmp_path / "content", 1, 2, 4)


@pytest.fixture
def trilingual(tmp_path: Path) -> Spec:
    """One mission in Vietnamese, French and English, four posts each."""
    return generate(tmp_path / "content", 1, 3, 4)


class Builds:
    """Incremental builds into one output folder, and cold builds to compare them with."""

    def __init__(self, spec: Spec, root: Path) -> None:
        self.spec, self.root = spec, root
        self.out, self.cache = root / "site", root / "cache"
        self.mission = spec.missions[0]

    def build(self, **options: object) -> MissionReport:
        (report,) = build_missions(self.spec.root, self.out, jobs=2, progress=lambda _: None,
                                   cache_dir=self.cache, **options)
        assert report.ok, report.errors
        return report

    def assert_same_as_cold(self) -> None:
        """Every file of the incremental output equals that of a fresh cold build."""
        cold = self.root / f"cold-{uuid.uuid4().hex[:8]}"
        (report,) = build_missions(self.spec.root, cold, jobs=2, progress=lambda _: None)
        assert report.ok, report.errors
        ours, theirs = self.out / self.mission, cold / self.mission
        assert site_files(ours) == site_files(theirs)
        different = [rel for rel in site_files(ours)
                     if (ours / rel).read_bytes() != (theirs / rel).read_bytes()]
        assert different == []
        assert tree_digest(ours) == tree_digest(theirs)
        manifest = json.loads((self.out / f"{self.mission}.manifest.json").read_text())
        assert manifest["build_id"] == tree_digest(ours)


@pytest.fixture
def builds(small: Spec, tmp_path: Path) -> Builds:
    return Builds(small, tmp_path)


@pytest.fixture
def builds3(trilingual: Spec, tmp_path: Path) -> Builds:
    return Builds(trilingual, tmp_path)
