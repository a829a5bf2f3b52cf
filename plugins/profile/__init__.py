"""The chancery/profile MkDocs plugin."""
