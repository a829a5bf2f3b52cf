"""MkDocs' own notices that Chancery reports in its own words instead."""

from __future__ import annotations

import re

# MkDocs' notices about links and anchors: the checks that run before every build report each
# of them at file:line, in the editor's words (chancery/checks/content.py, checks/html.py).
DUPLICATES = re.compile(r"^Doc file '[^']*' contains ")
