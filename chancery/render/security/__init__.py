"""Content from untrusted editors made safe: the HTML sanitiser (and the headers to deploy)."""
