"""Translation freshness: which translations are missing or behind their Vietnamese source.

A translation records the version of the source it translates as ``source_hash`` in its
front matter (a short hash of the source's title and text), written by
``build.py translated`` when a translator marks the work done. A translation whose
recorded hash differs from the source's current hash is outdated.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from chancery.content.loaders.frontmatter import (
    MarkdownSource,
    quick_parse,
    quick_split,
    read_markdown,
    split_front_matter,
)
from chancery.content.loaders.text import read_text
from chancery.content.model.network import MissionEntry, Network
from chancery.content.pages import MissionPages, PageSource, collect_pages
from chancery.core.errors import ContentError, Problem, msg
from chancery.core.incremental.reads import ReadCache, fact_of

HASH_KEY = "source_hash"

# A page's facts: (its hash as a source, the source hash it records as a translation).
Facts = Callable[[Path], Sequence]


TRANSLATION = "translation"  # a page's two hashes in a read cache (kept in memory only)


def _read_hashes(path: Path) -> tuple[str, str | None]:
    quick = quick_split(read_text(path, path.as_posix()))
    if quick is not None:
        return _hashes_of(*quick)
    return _doc_hashes(read_markdown(path))


def _hashes(file: Path, reads: ReadCache | None = None) -> tuple[str, str | None]:
    """``(hash of this page as a source, source hash it records)``, read once while the
    file is unchanged when a read cache is given."""
    return fact_of(reads, file, TRANSLATION, _read_hashes, keep=False)


def page_facts(file: Path, data: bytes) -> list:
    """``[hash as a source, recorded source hash]`` of a page whose bytes are ``data``
    (as :func:`source_hash` and :func:`recorded_hash` read them from the file)."""
    return page_facts_and_front_matter(file, data)[0]


def page_facts_and_front_matter(file: Path, data: bytes) -> tuple[list, tuple | None]:
    """:func:`page_facts`, and the page's ``(front matter, body, line of the body)`` as
    :func:`chancery.content.loaders.frontmatter.quick_read` gives them (``None`` when in doubt)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        _read_hashes(file)  # raises the loader's own error, naming the line
        raise ContentError([Problem(file.as_posix(), 0, "",
                                    msg("changed while it was read"))]) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as reading text does
    found = quick_parse(text)
    if found is not None:
        return list(_hashes_of(found[0], found[1])), found
    return list(_doc_hashes(split_front_matter(text, file.as_posix()))), None


def _doc_hashes(doc: MarkdownSource) -> tuple[str, str | None]:
    return _hashes_of(doc.meta.data or {}, doc.body)


def _hashes_of(meta: dict, body: str) -> tuple[str, str | None]:
    title = str(meta.get("title", ""))
    text = "\n".join(line.rstrip() for line in body.strip().splitlines() if line.strip())
    recorded = meta.get(HASH_KEY)
    return (hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:12],
            None if recorded is None else str(recorded))


def source_hash(file: Path, reads: ReadCache | None = None) -> str:
    """Short hash of a page's title and text, insensitive to trailing spaces and blank lines."""
    return _hashes(file, reads)[0]


def recorded_hash(file: Path, reads: ReadCache | None = None) -> str | None:
    """The ``source_hash`` a translation records, if any."""
    return _hashes(file, reads)[1]


@dataclass
class PageState:
    path: str
    state: str  # "translated", "outdated" or "missing"


@dataclass
class LanguageStatus:
    mission: str
    lang: str
    total: int = 0
    translated: int = 0
    outdated: int = 0
    missing: int = 0
    pages: list[PageState] = field(default_factory=list)

    def as_dict(self, with_pages: bool = True) -> dict:
        data = asdict(self)
        if not with_pages:
            data.pop("pages")
        return data


def page_state(source: PageSource, translation: PageSource | None,
               facts: Facts | None = None) -> str:
    """``facts`` gives a page's hashes (default: read from its file, see :func:`page_facts`)."""
    if translation is None or translation.fallback_from:
        return "missing"
    facts = facts or _hashes
    return "translated" if facts(translation.file)[1] == facts(source.file)[0] \
        else "outdated"


def freshness_message(page: PageSource, path: str, mission_id: str,
                      reads: ReadCache | None = None) -> str:
    """What an editor should do about the outdated translation ``page`` of ``path``.

    A translation that records no ``source_hash`` was never marked: it may well be
    current, so it is not called older; the editor is told how to mark it.
    """
    command = f"python3 build.py translated --mission {mission_id} --lang {page.lang} {path}"
    if recorded_hash(page.file, reads) is None:
        return (msg("not yet marked as translated from the Vietnamese page {path}: once it is "
                    "translated (or if it already is), run {command}", path=path, command=command))
    return msg("this translation is older than the Vietnamese page {path}; update it, then run "
               "{command}", path=path, command=command)


def outdated_in_sections(network: Network, entry: MissionEntry, sections: list[str],
                         reads: ReadCache | None = None) -> list[tuple[PageSource, str]]:
    """``(translation, source path)`` of outdated translations in ``sections``."""
    pages = collect_pages(network, entry)
    reads = reads if reads is not None else ReadCache()
    found = []
    for lang in entry.mission.languages[1:]:
        for path, page in sorted(pages.by_lang[lang].items()):
            if page.section in sections and is_outdated(
                    pages, path, lang, lambda file: _hashes(file, reads)):
                found.append((page, path))
    return found


def mission_status(network: Network, entry: MissionEntry,
                   reads: ReadCache | None = None) -> list[LanguageStatus]:
    """Status of every non-default language of one mission (each page read once)."""
    pages = collect_pages(network, entry)
    reads = reads if reads is not None else ReadCache()
    default = entry.mission.default_language
    result = []
    for lang in entry.mission.languages[1:]:
        status = LanguageStatus(entry.id, lang)
        for path, source in sorted(pages.by_lang[default].items()):
            state = page_state(source, pages.by_lang[lang].get(path),
                               lambda file: _hashes(file, reads))
            status.pages.append(PageState(path, state))
            status.total += 1
            setattr(status, state, getattr(status, state) + 1)
        result.append(status)
    return result


def hashes_through(reads: ReadCache | None) -> Facts:
    """A page's two hashes (see :func:`page_state`), read through ``reads``."""
    return lambda file: _hashes(file, reads)


def is_outdated(pages: MissionPages, path: str, lang: str, facts: Facts | None = None) -> bool:
    """Whether the ``lang`` translation of ``path`` lags behind its source."""
    source = pages.by_lang[pages.languages[0]].get(path)
    translation = pages.by_lang[lang].get(path)
    if source is None or translation is None or translation.fallback_from:
        return False
    if translation.origin == "generated":
        return False  # made from data in every language at once (chancery/features/consular)
    return page_state(source, translation, facts) == "outdated"


_FRONT = re.compile(r"\A(---\s*\n)(.*?)(\n(?:---|\.\.\.)\s*(?:\n|\Z))", re.S)


def mark_translated(source: Path, translation: Path) -> str:
    """Record in ``translation``'s front matter that it translates ``source`` as it is now."""
    digest = source_hash(source)
    text = translation.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    line = f"{HASH_KEY}: \"{digest}\""  # quoted: an all-digit hash must stay text
    if match is None:
        text = f"---\n{line}\n---\n{text}"
    else:
        head = match.group(2)
        if re.search(rf"^{HASH_KEY}:.*$", head, re.M):
            head = re.sub(rf"^{HASH_KEY}:.*$", line, head, flags=re.M)
        else:
            head = head.rstrip("\n") + "\n" + line
        text = match.group(1) + head + match.group(3) + text[match.end():]
    translation.write_text(text, encoding="utf-8")
    return digest
