"""Thin MkDocs adapters over the ``chancery`` core; one package per plugin."""
