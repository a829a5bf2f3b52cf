"""Python-Markdown extensions of our own (no MkDocs import)."""
