"""Which files a media image becomes, made once per content and kept in a cache folder.

For ``media/news/visit.jpg`` the site gets ``media/news/visit.<hash>-<width>.<ext>`` for
each width of :data:`~chancery.render.images.limits.WIDTHS` the photo has (never upscaled) in
AVIF, WebP and a JPEG fallback (PNG when the picture has transparency), and
``visit.<hash>-social.jpg`` (the 1200×630 sharing card). The hash is that of the
original bytes, so a changed photo gets new addresses. Encoded files are kept under
``<cache>/images/`` by content hash: a rebuild reads them instead of encoding again.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import json
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from chancery.core.atomic import write_bytes_atomic
from chancery.core.incremental.stamps import FileStamp
from chancery.render.images import encode
from chancery.render.images.inspect import probe
from chancery.render.images.limits import PIPELINE_VERSION, SOCIAL_SIZE, WIDTHS

HASH_LENGTH = 12  # characters of the content hash in published names


@dataclass(frozen=True)
class Variant:
    """One published file: its path in the site, its size, its format (a key of MIME)."""

    path: str
    width: int
    height: int
    kind: str
    file: Path  # the encoded bytes, in the cache

    @property
    def mime(self) -> str:
        return encode.MIME[self.kind]


@dataclass(frozen=True)
class Rendition:
    """Everything one media image is published as."""

    source: str  # its path in the site as editors name it, e.g. media/news/visit.jpg
    width: int  # of the largest version
    height: int
    fallback: str  # "jpeg" or "png"
    variants: tuple[Variant, ...]
    social: Variant

    def of_kind(self, kind: str) -> list[Variant]:
        return [v for v in self.variants if v.kind == kind]

    @property
    def files(self) -> list[Variant]:
        return [*self.variants, self.social]


def widths_for(width: int) -> list[int]:
    """The widths made of a picture ``width`` pixels wide: never more than it has."""
    made = [w for w in WIDTHS if w < width]
    return [*made, min(width, WIDTHS[-1])]


class ImageCache:
    """Encoded files by content hash; without a folder, a temporary one for this process."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder is not None else _process_folder()

    def path(self, name: str) -> Path:
        return self.folder / name

    def put(self, name: str, data: bytes) -> Path:
        """Write atomically: workers of other languages may make the same file meanwhile."""
        target = self.path(name)
        write_bytes_atomic(target, data, mkdir=True)
        return target


class Pipeline:
    """Renditions of media images for one process (remembered per file version)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache = ImageCache(cache_dir)
        self._made: dict[tuple[str, FileStamp], Rendition] = {}

    def render(self, site_path: str, file: Path) -> Rendition:
        """The rendition of the image ``file`` published as ``site_path``; raises
        :class:`~chancery.render.images.inspect.ImageRefused` for a file that is not acceptable."""
        key = (f"{site_path}\0{file}", FileStamp.of(file.stat()))
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self._render(site_path, file)
        return found

    def _render(self, site_path: str, file: Path) -> Rendition:
        header = probe(file)  # refuses before anything is decoded
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        stem = f"{digest}-v{PIPELINE_VERSION}"
        plan_file = self.cache.path(f"{stem}.json")
        plan = _read_plan(plan_file)
        if plan is None or not all(self.cache.path(n).is_file() for n in plan["files"]):
            plan = self._encode(stem, file, header)
        base = posixpath.splitext(site_path)[0] + "." + digest[:HASH_LENGTH]
        variants = []
        for name, width, height, kind in plan["variants"]:
            variants.append(Variant(f"{base}-{width}.{encode.SUFFIX[kind]}", width, height,
                                    kind, self.cache.path(name)))
        name, width, height = plan["social"]
        social = Variant(f"{base}-social.jpg", width, height, "jpeg", self.cache.path(name))
        largest = variants[-1]
        return Rendition(site_path, largest.width, largest.height, plan["fallback"],
                         tuple(variants), social)

    def _encode(self, stem: str, file: Path, header) -> dict:  # noqa: ANN001 - a Probe
        image = encode.load(file, header)
        fallback = "png" if header.alpha else "jpeg"
        variants, names = [], []
        for width in widths_for(image.width):
            scaled = encode.resized(image, width)
            for kind in (*encode.FORMATS, fallback):
                name = f"{stem}-{scaled.width}.{encode.SUFFIX[kind]}"
                self.cache.put(name, encode.encode(scaled, kind))
                variants.append([name, scaled.width, scaled.height, kind])
                names.append(name)
        card = encode.social_crop(image, SOCIAL_SIZE)
        social = f"{stem}-social.jpg"
        self.cache.put(social, encode.encode(card, "jpeg"))
        plan = {"fallback": fallback, "variants": variants,
                "social": [social, card.width, card.height], "files": [*names, social]}
        self.cache.put(f"{stem}.json", json.dumps(plan).encode())
        return plan


@functools.cache
def _process_folder() -> Path:
    """One temporary cache for every build this process runs (``serve`` rebuilds often)."""
    folder = Path(tempfile.mkdtemp(prefix="chancery-images-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _read_plan(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
