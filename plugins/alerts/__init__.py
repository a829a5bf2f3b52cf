"""The chancery/alerts MkDocs plugin."""
