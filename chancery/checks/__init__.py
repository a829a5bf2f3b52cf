"""``build.py check`` and ``serve``'s report: every problem of content at file:line."""
