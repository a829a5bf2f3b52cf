"""A mission's Decap CMS configuration (``admin/config.yml``), made from our schemas.

Collections: the mission's news posts and pages (one entry per page, its versions in the
mission's languages side by side: i18n ``multiple_folders`` over ``pages/<lang>/``), and
its data files (consular services and fees, opening hours, bilateral relations, alerts,
and the contacts of ``mission.yml``). Every path is inside ``content/<mission>/``: a
mission's editor shows nothing of another mission or of HQ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from chancery.content.data.files import DATA_DIR
from chancery.content.model.cms import CmsSettings
from chancery.content.model.mission import Mission
from chancery.content.model.network import MISSION_FILE, MissionEntry, Network
from chancery.content.model.page import PageMeta
from chancery.content.pages import MEDIA_DIR, PAGES_DIR
from chancery.features.alerts import alerts
from chancery.features.alerts.model import AlertsFile
from chancery.features.cms.vendor import PATH_FILTER
from chancery.features.cms.widgets import ZONED_FORMAT, model_fields_for
from chancery.features.consular import hours, services
from chancery.features.consular.hours import Hours
from chancery.features.consular.model import MissionServices
from chancery.features.news import NEWS_DIR
from chancery.features.news.model import PostMeta
from chancery.features.profile import relations
from chancery.features.profile.model import Relations

# Fields kept as they are in the file (HQ's, or written by build.py): never edited here.
HIDDEN = frozenset({"source_hash", "publish"})
# mission.yml: what HQ sets up when it opens the mission (its id, kind, languages, address
# of the site, publishing, crisis layout) is kept as it is; the contacts are the editor's.
MISSION_HIDDEN = HIDDEN | {"id", "kind", "host_country", "languages", "site_url", "crisis"}


@dataclass(frozen=True)
class DataFile:
    """A data file of a mission and the schema it follows."""

    name: str  # Decap's name for it
    label: str
    path: str  # relative to the mission's folder
    model: type[BaseModel]
    hidden: frozenset[str] = HIDDEN


# Every file of a mission an editor may change in the web editor, with its schema.
DATA_FILES: tuple[DataFile, ...] = (
    DataFile("consular", "Dịch vụ lãnh sự và lệ phí", f"{DATA_DIR}/{services.FILE}",
             MissionServices),
    DataFile("hours", "Giờ làm việc và ngày nghỉ", f"{DATA_DIR}/{hours.FILE}", Hours),
    DataFile("relations", "Quan hệ song phương", f"{DATA_DIR}/{relations.FILE}", Relations),
    DataFile("alerts", "Cảnh báo", f"{DATA_DIR}/{alerts.FILE}", AlertsFile),
    DataFile("contacts", "Thông tin liên hệ", MISSION_FILE, Mission, MISSION_HIDDEN),
)


def mission_folder(settings: CmsSettings, mission_id: str) -> str:
    """The mission's folder as the repository names it, e.g. ``content/fr-paris``."""
    return f"{settings.content_path}/{mission_id}"


def local_backend_url(settings: CmsSettings) -> str | None:
    """decap-server's API on the editor's machine, if HQ lets editors use it."""
    if not settings.local_backend:
        return None
    return f"http://localhost:{settings.local_backend_port}/api/v1"


def cms_config(network: Network, entry: MissionEntry) -> dict[str, Any]:
    """The Decap configuration of one mission."""
    settings: CmsSettings = network.hq.cms
    root = mission_folder(settings, entry.id)
    languages = list(entry.mission.languages)
    config: dict[str, Any] = {"backend": _backend(settings)}
    if settings.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"
    local_backend = local_backend_url(settings)
    if local_backend:
        # Decap uses it only when the editor itself is opened from localhost/127.0.0.1.
        config["local_backend"] = {"url": local_backend,
                                   "allowed_hosts": ["localhost", "127.0.0.1"]}
    config.update({
        "locale": "vi",
        "site_url": entry.mission.site_url,
        "display_url": entry.mission.site_url,
        "media_folder": f"{root}/{MEDIA_DIR}",
        "public_folder": f"/{MEDIA_DIR}",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_folders", "locales": languages,
                 "default_locale": languages[0]},
        "collections": [
            news_collection(network, root, languages),
            pages_collection(root, languages),
            data_collection(root, languages),
        ],
    })
    return config


def _backend(settings: CmsSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": settings.backend, "branch": settings.branch}
    if settings.repo:
        backend["repo"] = settings.repo
    if settings.base_url:
        backend["base_url"] = settings.base_url.rstrip("/")
    if settings.auth_endpoint:
        backend["auth_endpoint"] = settings.auth_endpoint
    return backend


def _pages_root(root: str) -> str:
    return f"{root}/{PAGES_DIR}"


def post_pattern(root: str) -> str:
    """The paths of posts (without the language folder), as a JavaScript regex."""
    return f"^{re.escape(_pages_root(root))}/{NEWS_DIR}/\\d{{4}}/(?!index\\.md$)[^/]+\\.md$"


def news_collection(network: Network, root: str, languages: list[str]) -> dict[str, Any]:
    fields = model_fields_for(PostMeta, languages, hidden=HIDDEN)
    categories = [
        {"label": category.name.get("vi"), "value": category.id}
        for category in network.hq.news.categories
    ]
    for field in fields:
        if field["name"] == "categories":  # HQ's categories, chosen from a list
            field.update({"widget": "select", "multiple": True, "options": categories,
                          "min": 1})
            field.pop("field", None)
        if field["name"] == "summary":
            field["widget"] = "text"
        if field["name"] in ("date", "updated", "expires"):
            field.update({"widget": "datetime", "format": ZONED_FORMAT})
            field.pop("pattern", None)
        if field["name"] == "image":
            for inner in field["fields"]:
                if inner["name"] == "src":
                    inner.update({"widget": "image", "choose_url": False})
                    inner.pop("pattern", None)
        _set_i18n(field, translate={"title", "summary", "tags", "author", "image"})
    fields.append({"label": "Nội dung", "name": "body", "widget": "markdown",
                   "i18n": True, "modes": ["rich_text", "raw"]})
    return {
        "name": "news",
        "label": "Tin tức",
        "label_singular": "bài",
        "folder": _pages_root(root),
        # {{year}}: Decap takes it from the entry's date field (the post's year).
        "path": f"{NEWS_DIR}/{{{{year}}}}/{{{{slug}}}}",
        "filter": {"field": PATH_FILTER, "value": post_pattern(root)},
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "i18n": True,
        "summary": "{{title}} ({{date | date('YYYY-MM-DD')}})",
        "sortable_fields": ["date", "title"],
        "fields": fields,
    }


def pages_collection(root: str, languages: list[str]) -> dict[str, Any]:
    fields = model_fields_for(PageMeta, languages, hidden=HIDDEN)
    for field in fields:
        _set_i18n(field, translate={"title", "description"})
    fields.append({"label": "Nội dung", "name": "body", "widget": "markdown",
                   "i18n": True, "modes": ["raw", "rich_text"]})
    not_posts = (f"^{re.escape(_pages_root(root))}/"
                 f"(?!{NEWS_DIR}/\\d{{4}}/(?!index\\.md$)[^/]+\\.md$)")
    return {
        "name": "pages",
        "label": "Trang",
        "label_singular": "trang",
        "folder": _pages_root(root),
        "nested": {"depth": 6},
        "filter": {"field": PATH_FILTER, "value": not_posts},
        "extension": "md",
        "format": "frontmatter",
        "create": False,
        "delete": False,
        "i18n": True,
        "fields": fields,
    }


def data_collection(root: str, languages: list[str]) -> dict[str, Any]:
    files = []
    for data in DATA_FILES:
        files.append({
            "name": data.name,
            "label": data.label,
            "file": f"{root}/{data.path}",
            "format": "yml",
            "fields": model_fields_for(data.model, languages, hidden=data.hidden),
        })
    return {"name": "data", "label": "Dữ liệu", "delete": False, "editor": {"preview": False},
            "files": files}


def _set_i18n(field: dict[str, Any], translate: set[str]) -> None:
    """Texts are translated; dates, categories and settings are the same in every language.

    A list is its own in each language (Decap takes only a boolean for list fields).
    """
    if field["widget"] == "list":
        field["i18n"] = True
    else:
        field["i18n"] = True if field["name"] in translate else "duplicate"
    if field["name"] == "image":
        for inner in field["fields"]:
            inner["i18n"] = True if inner["name"] == "alt" else "duplicate"


def config_yaml(config: dict[str, Any]) -> str:
    """The configuration as Decap reads it (``admin/config.yml``)."""
    head = "# Made by build.py from the schemas (chancery/features/cms/config.py): do not edit.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
