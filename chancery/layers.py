"""The import table: Chancery's layers, lowest first. A module imports only from its own
layer or a lower one, and the packages of a layer import each other without a cycle
(tests/unit/test_layers.py holds this; docs/pages/architecture.md draws it).

Content flows upward through the table, from ``content/`` to ``site/``: read, render,
make the sections, assemble one language of one mission, check, hand it to the engine,
orchestrate the builds, publish, and the commands on top.
"""

from __future__ import annotations

# (layer, its folder, what it holds). The adapters are the MkDocs plugins, a package of
# their own (``plugins/``, imported as ``chancery_plugins``).
LAYERS: tuple[tuple[str, str, str], ...] = (
    ("core", "chancery/core", "problems, the clock, atomic writes, URLs, the engine's name"),
    ("content", "chancery/content",
     "loaders, typed models, data files, languages, pages, freshness, UI strings"),
    ("render", "chancery/render", "Markdown, pictures, sanitiser and escapers, fonts"),
    ("features", "chancery/features",
     "news, consular, contact, relations, alerts, crises, web editor"),
    ("site", "chancery/site", "one mission in one language: pages, navigation, lite/"),
    ("checks", "chancery/checks", "build.py check, serve's report"),
    ("adapters", "plugins", "MkDocs plugins: a language site into files, nav and context"),
    ("pipeline", "chancery/pipeline", "plan, workers, staging, incremental state, search"),
    ("publish", "chancery/publish", "targets, releases, rollback"),
    ("tools", "chancery/tools", "scaffolding, worksheets, dashboard, previews, vendoring"),
    ("cli", "chancery/cli", "build.py's commands"),
)
ORDER: dict[str, int] = {name: rank for rank, (name, _, _) in enumerate(LAYERS)}


def layer_of(module: str) -> str | None:
    """The layer of a dotted module name of ours, ``None`` for anything else."""
    parts = module.split(".")
    if parts[0] == "chancery_plugins":
        return "adapters"
    if parts[0] != "chancery" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in ORDER else None
