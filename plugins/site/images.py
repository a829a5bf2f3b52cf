"""MkDocs side of the image pipeline: which files are published for the media images.

A media image's own file stays in MkDocs' file list (links to it resolve as before) but is
never copied; its renditions (see :mod:`chancery.render.images.pipeline`) are added as files
backed by the image cache. Images anywhere else in the content folder are not published
at all (``build.py check`` asks for them in ``media/``); a media SVG is published only if
it passed the SVG checks. The theme's own files are HQ's and are left alone.
"""

from __future__ import annotations

from pathlib import Path
from types import MethodType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from chancery.content.pages import MEDIA_DIR
from chancery.render.images.inspect import image_problem
from chancery.render.images.limits import is_image, is_svg
from chancery.render.images.site import Pictures


def _not_copied(self: File, dirty: bool = False) -> None:  # noqa: ARG001 - MkDocs' signature
    return None


def publish_images(files: Files, config: MkDocsConfig, pictures: Pictures,
                   content_dir: Path) -> None:
    """Replace the content's image files in ``files`` by what the pipeline makes of them."""
    content = content_dir.resolve()
    added: list[File] = []
    for file in list(files):
        source = file.abs_src_path
        if not source or not is_image(file.src_uri) or file.generated_by:
            continue
        if not Path(source).resolve().is_relative_to(content):
            continue  # the theme's own pictures
        in_media = file.src_uri.startswith(f"{MEDIA_DIR}/")
        if in_media and is_svg(file.src_uri) and image_problem(Path(source)) is None:
            continue  # a plain-drawing SVG, published as written
        file.copy_file = MethodType(_not_copied, file)  # type: ignore[method-assign]
        if not in_media:
            continue
        rendition = pictures.add(file.src_uri, Path(source))
        if rendition is None:
            continue
        for variant in rendition.files:
            if files.get_file_from_path(variant.path) is None:
                added.append(File.generated(config, variant.path, abs_src_path=str(variant.file)))
    for file in added:
        files.append(file)
