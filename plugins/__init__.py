"""Thin MkDocs adapters over the ``chancery`` core: the engine (``engine.py``), the live
preview (``preview.py``) and the one plugin, ``chancery/site`` (``site/``)."""
