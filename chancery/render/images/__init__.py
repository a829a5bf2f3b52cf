"""Pictures for readers on weak connections: vetted, stripped, resized and re-encoded.

Editors' photos never reach the site as uploaded. :mod:`.inspect` refuses what is not a
safe image (too big, too many pixels, not really an image, an SVG with scripts);
:mod:`.encode` turns the rest into a few widths of AVIF, WebP and JPEG/PNG without any
metadata; :mod:`.pipeline` caches those by content hash; :mod:`.markup` writes the
``<picture>`` element. Nothing here imports MkDocs.
"""
