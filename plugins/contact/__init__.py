"""The chancery/contact MkDocs plugin."""
