"""The theme's static files are found without walking hidden folders, and are the same."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from chancery_plugins.site.theme_files import visible_templates, without_hidden_folders
from tests.conftest import ROOT


def test_mkdocs_finds_the_same_theme_files_without_hidden_folders(tmp_path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plain = config.theme.get_env()
    listed = plain.loader.list_templates()
    visible = visible_templates(plain.loader)
    hidden = [n for n in listed if any(p.startswith(".") for p in n.split("/")[:-1])]
    assert hidden and set(listed) - set(visible) == set(hidden)

    found = {}
    for env in (plain, without_hidden_folders(config.theme.get_env)()):
        files = Files([])
        files.add_files_from_theme(env, config)
        found[env is plain] = sorted((f.src_uri, f.abs_src_path) for f in files)
    assert found[True] == found[False] and len(found[True]) > 20
