"""News: posts written per language under ``pages/<lang>/news/<YYYY>/``, their listings and feeds.

The news model is read once per language build from front matter only (post
Markdown is rendered by the engine for the post's own page and never again);
listings, feeds and social metadata use each post's summary.
"""

NEWS_DIR = "news"
