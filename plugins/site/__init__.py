"""The ``chancery/site`` plugin: one mission, one language, one MkDocs build."""
