"""Pages made from data when the mission has no Markdown page at that path."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class GeneratedPage:
    """A page whose title (per language) and content come from data."""

    path: str  # e.g. "consular/passport.md"
    titles: dict[str, str]
    descriptions: dict[str, str]
    weight: int = 100

    def markdown(self, lang: str) -> str:
        """The page's Markdown in ``lang``: front matter only; the content is data."""
        meta = {"title": self.titles[lang], "weight": self.weight}
        if self.descriptions.get(lang):
            meta["description"] = self.descriptions[lang]
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{front}---\n"
