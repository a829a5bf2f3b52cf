"""``build.py new``: create a mission, a page or a post with correct front matter.

Scaffolds never invent facts: fields only an editor can know are written as
``TODO`` so that ``build.py check`` lists exactly what is left to fill in.
"""

from __future__ import annotations

import re
from pathlib import Path

from chancery.content.i18n.catalog import ui_strings
from chancery.content.model.languages import DEFAULT_LANGUAGE, load_languages
from chancery.content.model.mission import MissionKind
from chancery.content.pages import MEDIA_DIR, PAGES_DIR
from chancery.core.errors import ContentError, Problem, display_path, msg


def N_(message: str) -> str:  # noqa: N802 - gettext's marker for strings translated later
    return message


# The standard sections every mission has, with their English titles (translated via gettext).
STANDARD_PAGES: list[tuple[str, str, int]] = [
    ("index.md", N_("Home"), 10),
    ("about/index.md", N_("About the mission"), 10),
    ("about/head-of-mission.md", N_("Head of mission"), 20),
    ("news/index.md", N_("News"), 10),
    ("profile/index.md", N_("Country profile"), 10),
    ("profile/host-country.md", N_("Host country"), 20),
    ("profile/relations.md", N_("Bilateral relations"), 30),
    ("consular/index.md", N_("Consular services"), 10),
    ("contact/index.md", N_("Contact"), 10),
]

MISSION_KINDS = MissionKind.__args__


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_text(
    title: str, weight: int | None = None, description: str | None = None, body: str = ""
) -> str:
    """A Markdown page with valid front matter."""
    lines = ["---", f"title: {_quote(title)}"]
    if description:
        lines.append(f"description: {_quote(description)}")
    if weight is not None:
        lines.append(f"weight: {weight}")
    lines += ["---", "", body or "<!-- Write the page here, in Markdown. -->", ""]
    return "\n".join(lines)


def _write_new(path: Path, text: str, created: list[Path]) -> None:
    if path.exists():
        raise ContentError(
            [Problem(display_path(path), 0, "", msg("already exists; choose another name or "
                                                    "edit it"))]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    created.append(path)


def new_mission(content_dir: Path, mission_id: str, kind: str, languages: list[str]) -> list[Path]:
    """Create ``content/<id>/`` with a mission.yml to complete and the standard pages."""
    problems = []
    if not re.fullmatch(r"[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*", mission_id):
        problems.append("mission id must be '<country code>-<city>', lower case, e.g. fr-lyon")
    if kind not in MISSION_KINDS:
        problems.append(f"kind must be one of: {', '.join(MISSION_KINDS)}")
    if not languages or languages[0] != DEFAULT_LANGUAGE:
        languages = [DEFAULT_LANGUAGE, *[code for code in languages if code != DEFAULT_LANGUAGE]]
    declared = load_languages(Path(content_dir) / "_hq")
    problems += [declared.not_declared(code) for code in languages if code not in declared]
    root = Path(content_dir) / mission_id
    if root.exists():
        problems.append(f"{display_path(root)} already exists")
    if problems:
        raise ContentError([Problem("build.py new mission", 0, "", p) for p in problems])
    created: list[Path] = []

    def per_lang(value: str, indent: int = 2) -> str:
        return "\n".join(f"{' ' * indent}{code}: {value}" for code in languages)

    _write_new(
        root / "mission.yml",
        f"""\
# Facts about the mission, entered once for all its languages.
# Replace every TODO, then run: python3 build.py check --mission {mission_id}
id: {mission_id}
kind: {kind}
host_country: {mission_id[:2].upper()}
languages: [{", ".join(languages)}]
name:
{per_lang("TODO official name in this language")}
site_url: https://TODO.example/
address:
  street: TODO street and number
  postal_code: "TODO"
  city: TODO
  country: {mission_id[:2].upper()}
hotline: "TODO +CC phone number of the mission's citizen-protection hotline"
phones:
  - number: "TODO +CC switchboard number"
    label:
{per_lang("TODO label, e.g. Switchboard", 6)}
emails:
  - address: TODO@example.org
    label:
{per_lang("TODO label, e.g. Consular section", 6)}
jurisdiction:
{per_lang("TODO the territory this mission serves")}
social: []
""",
        created,
    )
    (root / MEDIA_DIR).mkdir(exist_ok=True)
    for lang in languages:
        _ = ui_strings(lang).gettext
        for path, title, weight in STANDARD_PAGES:
            _write_new(root / PAGES_DIR / lang / path, page_text(_(title), weight), created)
    for path, _title, _weight in STANDARD_PAGES:
        mark_as_translations([root / PAGES_DIR / lang / path for lang in languages])
    add_code_owner(Path(content_dir), mission_id)
    return created


def add_code_owner(content_dir: Path, mission_id: str) -> Path | None:
    """Add ``/content/<id>/ @org/<id>-editors`` to the repository's CODEOWNERS, if it has one.

    The organisation is the one the file already names; nothing is written if the mission
    already has a line, or if ``content_dir`` is not inside a repository with the file.
    """
    content_dir = content_dir.resolve()
    owners = content_dir.parent / ".github" / "CODEOWNERS"
    if not owners.is_file():
        return None
    text = owners.read_text(encoding="utf-8")
    folder = f"/{content_dir.name}/{mission_id}/"
    if any(line.split()[:1] == [folder] for line in text.splitlines()):
        return None
    org = re.search(r"@([A-Za-z0-9_.-]+)/", text)
    team = f"@{org.group(1) if org else 'hq'}/{mission_id}-editors"
    owners.write_text(text.rstrip("\n") + f"\n{folder.ljust(19)} {team}\n", encoding="utf-8")
    return owners


def mark_as_translations(files: list[Path]) -> None:
    """Record that ``files[1:]`` translate ``files[0]`` as written together now.

    Scaffolded versions start equivalent; once the first one is edited, the others show
    as outdated, which is what ``build.py status`` and ``check --strict`` should say.
    """
    from chancery.content.freshness import mark_translated

    for translation in files[1:]:
        mark_translated(files[0], translation)


def new_page(root: Path, languages: list[str], path: str, title: str) -> list[Path]:
    """Create ``pages/<lang>/<path>`` in every language of a mission."""
    path = path.strip("/")
    if not path.endswith(".md"):
        path += ".md"
    if ".." in Path(path).parts or not re.fullmatch(r"[a-z0-9/_-]+\.md", path):
        raise ContentError(
            [
                Problem(
                    "build.py new page",
                    0,
                    "",
                    msg("'{path}': use lower-case letters, digits, '-' and '/' only, e.g. "
                        "consular/passport.md", path=path),
                )
            ]
        )
    created: list[Path] = []
    for lang in languages:
        _write_new(root / PAGES_DIR / lang / path, page_text(title), created)
    mark_as_translations(created)
    return created
