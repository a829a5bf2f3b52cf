"""The text-only edition: a few small pages under ``/lite/`` in every language."""

LITE_DIR = "lite"
BUDGET = 50_000  # bytes: the most a text-only page may weigh
NEWS_POSTS = 10  # the latest posts listed
