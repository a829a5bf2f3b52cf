"""Chancery: static multilingual websites for a network of diplomatic missions.

The ``chancery`` package holds the content model and all build logic as plain
Python; it never imports MkDocs. The MkDocs adapters live in ``plugins/``
(imported as ``chancery_plugins``).
"""

__version__ = "0.1.0"
