"""The chancery/consular MkDocs plugin."""
