"""The web editor's configuration is made from the schemas and reaches one mission only.

Checked against the example network: every data file a mission has is a collection of the
editor, with the schema the build validates it with; every schema field is a field of the
editor; a value the build accepts passes the editor's pattern, and a select offers it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import re
import shutil
import types
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel, RootModel

from chancery.content.model.cms import CmsSettings
from chancery.content.model.network import load_network
from chancery.features.cms import vendor
from chancery.features.cms.config import DATA_FILES, cms_config, config_yaml
from chancery.features.cms.page import admin_page, admin_policy
from chancery.features.cms.site import admin_files
from chancery.features.cms.widgets import UnknownType, field_for, field_names, model_fields_for
from chancery.features.news.model import PostMeta
from chancery.pipeline.runner import build_missions
from chancery.render.security import deploy
from chancery.render.security.headers import page_policy
from tests.conftest import CONTENT, ROOT

NETWORK = load_network(CONTENT)
MISSIONS = sorted(NETWORK.missions)
ADMIN = ROOT / "themes" / "chancery" / "admin"


def _enabled(network=NETWORK, **settings: Any):  # noqa: ANN202 - a Network
    cms = CmsSettings(enabled=True, repo="vn-mofa/chancery", **settings)
    return dataclasses.replace(network, hq=network.hq.model_copy(update={"cms": cms}))


def _config(mission: str) -> dict:
    network = _enabled()
    return cms_config(network, network.missions[mission])


def _collection(config: dict, name: str) -> dict:
    return next(item for item in config["collections"] if item["name"] == name)


def _paths(config: dict) -> list[str]:
    found = [config["media_folder"]]
    for collection in config["collections"]:
        found += [collection[key] for key in ("folder",) if key in collection]
        found += [item["file"] for item in collection.get("files", [])]
    return found


@pytest.mark.parametrize("mission", MISSIONS)
def test_every_path_is_inside_the_mission_and_no_other_mission_is_named(mission: str) -> None:
    config = _config(mission)
    paths = _paths(config)
    assert len(paths) == 3 + len(DATA_FILES)
    for path in paths:
        assert path.startswith(f"content/{mission}/"), path
    text = config_yaml(config)
    for other in MISSIONS:
        if other != mission:
            assert other not in text
    assert "_hq" not in text


@pytest.mark.parametrize("mission", MISSIONS)
def test_languages_workflow_media_and_interface(mission: str) -> None:
    mission_model = NETWORK.missions[mission].mission
    config = _config(mission)
    assert config["i18n"] == {"structure": "multiple_folders",
                              "locales": list(mission_model.languages),
                              "default_locale": mission_model.default_language}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "vi"  # Decap's Vietnamese interface
    assert config["media_folder"] == f"content/{mission}/media"
    assert config["public_folder"] == "/media"
    for name in ("news", "pages"):
        collection = _collection(config, name)
        assert collection["folder"] == f"content/{mission}/pages"
        assert collection["i18n"] is True
    # Decap writes <folder>/<lang>/<path>: the build reads pages/<lang>/news/<year>/.
    assert _collection(config, "news")["path"] == "news/{{year}}/{{slug}}"


def test_the_editorial_workflow_and_local_backend_follow_hq() -> None:
    network = _enabled(editorial_workflow=False, local_backend=False)
    config = cms_config(network, network.missions[MISSIONS[0]])
    assert "publish_mode" not in config and "local_backend" not in config
    network = _enabled(local_backend_port=9123)
    config = cms_config(network, network.missions[MISSIONS[0]])
    assert config["local_backend"]["url"] == "http://localhost:9123/api/v1"


def test_news_and_pages_are_told_apart_by_path() -> None:
    config = _config(MISSIONS[0])
    root = f"content/{MISSIONS[0]}/pages"
    news = re.compile(_collection(config, "news")["filter"]["value"])
    pages = re.compile(_collection(config, "pages")["filter"]["value"])
    for path, is_post in ((f"{root}/news/2026/tet.md", True), (f"{root}/news/index.md", False),
                          (f"{root}/news/2026/index.md", False), (f"{root}/index.md", False),
                          (f"{root}/consular/visa.md", False)):
        # The paths Decap filters on have no language folder (the bundle takes it out).
        assert bool(news.search(path)) is is_post, path
        assert bool(pages.search(path)) is not is_post, path


def _example_files() -> set[str]:
    found = set()
    for mission in MISSIONS:
        root = CONTENT / mission
        found |= {path.relative_to(root).as_posix() for path in (root / "data").glob("*.yml")}
        found.add("mission.yml")
    return found


def test_every_data_file_of_the_example_missions_is_in_the_editor() -> None:
    covered = {data.path for data in DATA_FILES}
    assert _example_files() <= covered, _example_files() - covered


@pytest.mark.parametrize("data", DATA_FILES, ids=[data.name for data in DATA_FILES])
def test_each_file_is_edited_with_the_schema_the_build_validates_it_with(data) -> None:  # noqa: ANN001
    files = [CONTENT / mission / data.path for mission in MISSIONS
             if (CONTENT / mission / data.path).exists()]
    assert files, f"no example mission has {data.path}"
    for path in files:
        data.model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def _bare(annotation: Any) -> Any:
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) in (Union, types.UnionType):
            args = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        elif get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        else:
            return annotation


def _schema_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    paths = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.add(path)
        inner = _bare(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel) \
                and not issubclass(inner, RootModel):
            sep = "[]." if get_origin(_strip(info.annotation)) is list else "."
            paths |= _schema_paths(inner, f"{path}{sep}")
    return paths


def _strip(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated or get_origin(annotation) in (
            Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        annotation = args[0]
    return annotation


def _hidden_paths(fields: list[dict], prefix: str = "") -> set[str]:
    found = set()
    for field in fields:
        path = f"{prefix}{field['name']}"
        if field.get("widget") == "hidden":
            found.add(path)
        if "fields" in field:
            found |= _hidden_paths(field["fields"],
                                   f"{path}[]." if field.get("widget") == "list" else f"{path}.")
    return found


@pytest.mark.parametrize("data", DATA_FILES, ids=[data.name for data in DATA_FILES])
def test_every_schema_field_is_a_field_of_the_editor(data) -> None:  # noqa: ANN001
    fields = model_fields_for(data.model, list(NETWORK.missions[MISSIONS[0]].mission.languages),
                              hidden=data.hidden)
    edited = field_names(fields)
    hidden = _hidden_paths(fields)
    missing = {path for path in _schema_paths(data.model) - edited
               if not any(path.startswith(f"{gone}.") or path.startswith(f"{gone}[]")
                          for gone in hidden)}
    assert not missing, missing
    for name, info in data.model.model_fields.items():
        field = next(field for field in fields if field["name"] == name)
        if info.is_required() and field["widget"] != "hidden":
            assert field.get("required", True), name


def test_post_fields_follow_the_post_schema() -> None:
    config = _config(MISSIONS[0])
    fields = _collection(config, "news")["fields"]
    names = {field["name"] for field in fields}
    assert set(PostMeta.model_fields) | {"body"} == names
    by_name = {field["name"]: field for field in fields}
    for name, info in PostMeta.model_fields.items():
        assert by_name[name].get("required", True) is info.is_required(), name
    categories = by_name["categories"]
    assert {option["value"] for option in categories["options"]} == {
        category.id for category in NETWORK.hq.news.categories}
    assert by_name["title"]["i18n"] is True and by_name["date"]["i18n"] == "duplicate"
    assert by_name["source_hash"]["widget"] == "hidden"


def _walk(fields: list[dict], value: Any, where: str, seen: list[str]) -> None:
    """Every example value against its editor field: pattern, options, number bounds."""
    if value is None:
        return
    by_name = {field["name"]: field for field in fields}
    assert isinstance(value, dict), where
    for key, item in value.items():
        field = by_name.get(key)
        assert field is not None, f"{where}.{key}: a key of the file the editor has no field for"
        _check_value(field, item, f"{where}.{key}", seen)


def _check_value(field: dict, item: Any, where: str, seen: list[str]) -> None:
    widget = field["widget"]
    if item is None or widget == "hidden":
        return
    if widget == "list":
        assert isinstance(item, list), where
        for index, element in enumerate(item):
            if "fields" in field:
                _walk(field["fields"], element, f"{where}[{index}]", seen)
            else:
                _check_value(field["field"], element, f"{where}[{index}]", seen)
    elif widget == "object":
        _walk(field["fields"], item, where, seen)
    elif widget == "select":
        assert str(item) in [str(option) for option in field["options"]], where
    elif widget == "number":
        assert field.get("min", item) <= item <= field.get("max", item), where
    elif "pattern" in field:
        text = item.isoformat() if hasattr(item, "isoformat") else str(item)
        assert re.search(field["pattern"][0], text), (where, text, field["pattern"][0])
        seen.append(where)


@pytest.mark.parametrize("mission", MISSIONS)
def test_every_example_value_passes_the_editors_checks(mission: str) -> None:
    config = _config(mission)
    seen: list[str] = []
    for item in _collection(config, "data")["files"]:
        path = ROOT / item["file"]
        if path.exists():
            _walk(item["fields"], yaml.safe_load(path.read_text(encoding="utf-8")),
                  item["name"], seen)
    assert len(seen) > 10  # patterns were checked, not skipped


def test_a_schema_type_the_editor_does_not_know_fails_loudly() -> None:
    class Drifted(BaseModel):
        kinds: frozenset[int]

    with pytest.raises(UnknownType):
        field_for("kinds", Drifted.model_fields["kinds"], ["vi"])


def test_the_vendored_files_are_the_manifests() -> None:
    manifest = json.loads((ADMIN / vendor.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["package"] == vendor.PACKAGE and manifest["version"] == vendor.DEFAULT_VERSION
    assert manifest["licence"] == "MIT"
    assert manifest["patches"] == [purpose for purpose, _, _ in vendor.PATCHES]
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256((ADMIN / name).read_bytes()).hexdigest() == digest, name
    assert "MIT License" in (ADMIN / vendor.LICENCE).read_text(encoding="utf-8")
    listed = set(manifest["sha256"]) | {vendor.MANIFEST}
    assert {path.name for path in ADMIN.iterdir()} == listed
    bundle = (ADMIN / vendor.BUNDLE).read_text(encoding="utf-8")
    assert f'"{vendor.PATH_FILTER}"' in bundle and f'"{vendor.TRANSLATED_FIELD}"' in bundle


def test_a_bundle_the_patches_do_not_fit_is_refused() -> None:
    with pytest.raises(vendor.VendorError, match="getFilePath"):
        vendor.patch_bundle("console.log('another Decap');")


def test_the_admin_page_escapes_the_mission_name_and_is_not_indexed() -> None:
    settings = CmsSettings(enabled=True, repo="vn-mofa/chancery")
    policy = admin_policy(settings, "http://localhost:8081/api/v1")
    html = admin_page('Đại sứ quán "</title><script>alert(1)</script>', policy)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert html.count("<script") == 1 and '<script src="decap-cms.js"></script>' in html
    assert "'unsafe-eval'" in policy and "'unsafe-eval'" not in page_policy()
    assert "connect-src 'self' https://api.github.com http://localhost:8081" in policy
    assert "object-src 'none'" in policy and "base-uri 'none'" in policy
    network = _enabled()
    files = admin_files(network, network.missions[MISSIONS[0]])
    assert set(files) == {"admin/index.html", "admin/config.yml"}
    assert yaml.safe_load(files["admin/config.yml"])["backend"]["repo"] == "vn-mofa/chancery"


def test_hq_must_name_the_repository_to_enable_the_editor() -> None:
    with pytest.raises(ValueError, match="cms.repo"):
        CmsSettings(enabled=True)


def test_the_build_publishes_the_editor_only_where_hq_enables_it(network_dir: Path,
                                                                 tmp_path: Path) -> None:
    hq = network_dir / "_hq" / "hq.yml"
    original = hq.read_text(encoding="utf-8")
    out = tmp_path / "off"
    assert all(r.ok for r in build_missions(network_dir, out, jobs=1, progress=lambda _: None))
    assert not list(out.rglob("admin"))
    assert not list(out.rglob(deploy.ADMIN_NGINX)) and not list(out.rglob(deploy.ADMIN_CLOUDFRONT))
    hq.write_text(original + "\ncms:\n  enabled: true\n  repo: vn-mofa/chancery\n",
                  encoding="utf-8")
    out = tmp_path / "on"
    assert all(r.ok for r in build_missions(network_dir, out, jobs=1, progress=lambda _: None))
    site = out / "fr-lyon"
    admin = site / "admin"
    assert (admin / "index.html").is_file() and (admin / "config.yml").is_file()
    assert (admin / vendor.BUNDLE).is_file() and (admin / vendor.LICENCE).is_file()
    assert not (admin / vendor.MANIFEST).exists()
    assert [path for path in out.rglob("admin") if path.is_dir()] == [admin]  # default only
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["i18n"]["locales"] == list(load_network(network_dir).missions["fr-lyon"]
                                             .mission.languages)
    for sitemap in site.rglob("sitemap*.xml"):
        assert "/admin" not in sitemap.read_text(encoding="utf-8")
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in page
    # The hosts' headers for /admin/ carry the editor's policy, not the site's.
    policy = deploy.admin_policy_of(site)
    assert policy and "'unsafe-eval'" in policy and html.escape(policy) in page
    folder = out / deploy.DEPLOY_DIR / "fr-lyon"
    nginx = (folder / deploy.ADMIN_NGINX).read_text(encoding="utf-8")
    assert "location /admin/ {" in nginx
    assert f'add_header Content-Security-Policy "{policy}; frame-ancestors \'none\'" always;' \
        in nginx
    assert page_policy() not in nginx
    cloudfront = json.loads((folder / deploy.ADMIN_CLOUDFRONT).read_text(encoding="utf-8"))
    assert cloudfront["SecurityHeadersConfig"]["ContentSecurityPolicy"][
        "ContentSecurityPolicy"].startswith(policy)
    site_wide = json.loads((folder / deploy.CLOUDFRONT).read_text(encoding="utf-8"))
    assert "'unsafe-eval'" not in site_wide["SecurityHeadersConfig"]["ContentSecurityPolicy"][
        "ContentSecurityPolicy"]
    assert "'unsafe-eval'" not in (folder / deploy.NGINX).read_text(encoding="utf-8")
    # Turned off again: the editor and its hosts' headers are gone from the same folder.
    hq.write_text(original, encoding="utf-8")
    assert all(r.ok for r in build_missions(network_dir, out, jobs=1, progress=lambda _: None))
    assert not admin.exists()
    assert not (folder / deploy.ADMIN_NGINX).exists()
    assert not (folder / deploy.ADMIN_CLOUDFRONT).exists()
    shutil.rmtree(out)
