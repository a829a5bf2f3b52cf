"""Decide, per mission, which languages to build and which to take from the live site.

A mission is **unchanged** (nothing to do, its output is not touched) when every input
file, the code key and the clock's state are as at its last build and its published
folder still is what that build swapped in. Otherwise each language whose key (see
:mod:`chancery.pipeline.inputs`) is unchanged is **reused** from the live site if that is
intact, and the others are built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from chancery.content.data.zones import HQ_ZONE, mission_timezone
from chancery.content.model.network import HQ_DIR, MissionEntry, Network
from chancery.core.incremental.reads import ReadCache
from chancery.pipeline import filehash
from chancery.pipeline.digest import tree_digest
from chancery.pipeline.inputs import MissionFiles, combine, files_digest, mission_files
from chancery.pipeline.keys import changed_pages, language_states
from chancery.pipeline.state import LanguageState, MissionState, StateStore, output_fingerprint
from chancery.pipeline.timestate import time_state, utc_moments


@dataclass
class MissionPlan:
    """What to do for one mission, and the state to record once it is done."""

    mission: str
    languages: list[str]
    build: list[str] = field(default_factory=list)
    reuse: dict[str, LanguageState] = field(default_factory=dict)
    partial: dict[str, list[str]] = field(default_factory=dict)  # language -> pages to render
    state: MissionState | None = None  # None: nothing is recorded (no cache)
    previous: MissionState | None = None  # what the live output was built from
    unchanged: bool = False
    translations_changed: bool = True  # which pages exist or are outdated (the dashboard)
    record: bool = False  # unchanged output, but new inputs' hashes to remember

    @property
    def in_place(self) -> bool:
        """Whether the build only renders some pages of some languages (the others are
        unchanged): they are then brought into the live output in place (see
        :mod:`chancery.pipeline.patch`) instead of swapping in a whole copy of the site."""
        return (self.state is not None and self.previous is not None and bool(self.build)
                and all(lang in self.partial for lang in self.build))


class Planner:
    """Plans missions against the states recorded in ``store`` (``None``: build everything)."""

    def __init__(self, content_dir: Path, out_dir: Path, store: StateStore | None,
                 hashes: ReadCache, code: str, now: datetime, force: bool = False) -> None:
        self.content_dir, self.out_dir = content_dir, out_dir
        self.store, self.hashes, self.code = store, hashes, code
        self.now, self.force = now, force
        self.partial = True  # allow rendering only changed pages (not in strict builds)

    def plan(self, network: Network, entry: MissionEntry) -> MissionPlan:
        languages = list(entry.mission.languages)
        result = MissionPlan(entry.id, languages)
        if self.store is None:
            result.build = languages
            return result
        files = mission_files(self.content_dir, entry.id)
        digest = combine(self.code, files_digest(self.hashes, files.every))
        previous = None if self.force else self.store.load(entry.id)
        if previous is not None and previous.digest == digest:
            zone: tzinfo = ZoneInfo(previous.zone)
            moments = previous.moments
        else:
            zone = mission_timezone(entry)  # UTC when it cannot tell
            moments = self._moments(files, zone)
        clock = time_state(moments, zone, self.now).key()
        intact = previous is not None and self._intact(entry.id, previous)
        if intact and previous.digest == digest and previous.time == clock \
                and list(previous.languages) == languages:
            result.unchanged, result.translations_changed = True, False
            result.reuse = previous.languages
            result.state = previous
            return result
        known = previous.languages if previous and previous.code == self.code else {}
        states = language_states(self.hashes, network, entry, files,
                                 combine(self.code, clock), known)
        old = previous.languages if intact else {}
        result.reuse = {lang: old[lang] for lang in languages
                        if lang in old and old[lang].key == states[lang].key}
        result.build = [lang for lang in languages if lang not in result.reuse]
        for lang in result.build if self.partial else []:
            if lang in old and (pages := changed_pages(old[lang], states[lang])) is not None:
                result.partial[lang] = pages
        result.state = MissionState(digest, str(zone), moments, clock, states, code=self.code)
        result.previous = previous
        result.translations_changed = previous is None or any(
            _translation_facts(previous.languages.get(lang)) != _translation_facts(state)
            for lang, state in states.items())
        if not result.build:  # e.g. a file no language reads: the output stays as it is
            result.unchanged = result.record = True
            result.state.languages = {lang: replace(kept, freshness=states[lang].freshness)
                                      for lang, kept in result.reuse.items()}
            result.state.build_id, result.state.output = previous.build_id, previous.output
        return result

    def _moments(self, files: MissionFiles, zone: tzinfo) -> list[str]:
        written = []
        for rel, file in files.every:
            file_zone = HQ_ZONE if rel.startswith(HQ_DIR + "/") else zone
            written += [(text, file_zone) for text in filehash.moments(self.hashes, file)]
        return utc_moments(written)

    def _intact(self, mission: str, previous: MissionState) -> bool:
        """Whether the published folder and manifest are still those of ``previous``.

        The fingerprint (paths, sizes, times, inodes) answers at once. When it differs but
        the manifest is the recorded one, e.g. the folder and the cache were restored by CI
        from an earlier run (same bytes, new inodes), the files are hashed: the same build
        id means the same output, which is then recorded under its new fingerprint. A
        folder that really changed fails that test and is rebuilt.
        """
        folder = self.out_dir / mission
        try:
            manifest = json.loads(
                (self.out_dir / f"{mission}.manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(manifest, dict) or manifest.get("build_id") != previous.build_id \
                or not previous.build_id:
            return False
        fingerprint = output_fingerprint(folder)
        if fingerprint == previous.output:
            return True
        known = self.store.output_digests(mission)
        try:
            same = tree_digest(folder, known) == previous.build_id
        except OSError:
            return False
        if same:
            previous.output = fingerprint
            self.store.save(mission, previous)
            self.store.save_output_digests(mission, known)
        return same


def _translation_facts(state: LanguageState | None) -> tuple | None:
    """What the translation dashboard shows of a language: its pages and stale ones."""
    if state is None:
        return None
    return state.scope, sorted(state.files), state.outdated
