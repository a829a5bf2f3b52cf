"""Crisis mode: a time-limited emergency layout switched on by HQ or a mission."""
