"""Web fonts for every script: table, vendored families, generated faces and stacks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chancery.content.model.languages import DEFAULT_LANGUAGE, project_languages
from chancery.render.fonts import (
    FACES,
    LICENCE,
    in_system_fonts,
    load_table,
    missing_fonts,
    mission_font_css,
    script_of,
    stacks_css,
)
from chancery.tools.font_vendor import FontVendorError, add_family

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "themes" / "chancery"
FONTS = THEME / "assets" / "fonts"


def declared() -> list[str]:
    return project_languages().codes


def test_every_declared_language_has_a_vendored_family_for_its_script() -> None:
    assert declared()
    assert missing_fonts(THEME, declared()) == []


def test_scripts_come_from_cldr() -> None:
    assert script_of("zh") == "Hans" and script_of("zh-Hant") == "Hant"
    assert script_of("sr-Latn") == "Latn" and script_of("no-such-tag!") is None


def test_each_family_folder_has_its_licence_faces_and_only_woff2() -> None:
    folders = [p for p in FONTS.iterdir() if p.is_dir()]
    assert folders
    for folder in folders:
        assert (folder / LICENCE).is_file(), folder
        assert "SIL OPEN FONT LICENSE" in (folder / LICENCE).read_text().upper(), folder
        assert (folder / FACES).is_file(), folder
        others = {p.suffix for p in folder.iterdir()} - {".woff2", ".txt", ".css"}
        assert not others, (folder, others)


def test_generated_css_has_swap_and_unicode_range_and_existing_files() -> None:
    table = load_table(THEME / "fonts.yml")
    web = [tag for tag in declared() if not in_system_fonts(table, tag)]
    assert web  # scripts devices may lack: Lao, Khmer, Myanmar...
    css = mission_font_css(THEME, declared())
    faces = re.findall(r"@font-face \{(.*?)\}", css, flags=re.S)
    assert faces
    for face in faces:
        assert "font-display: swap;" in face, face
        assert re.search(r"unicode-range: U\+[0-9A-Fa-f]", face), face
        url = re.search(r'url\("([^"]+)"\)', face)[1]
        assert (FONTS / url).is_file(), url
    for tag in web:
        family = table.scripts[script_of(tag)]
        assert f"url(\"{family}/" in css, (tag, family)


def test_a_mission_gets_only_its_scripts() -> None:
    table = load_table(THEME / "fonts.yml")
    tags = [t for t in declared() if not in_system_fonts(table, t)][:1]
    assert tags
    css = mission_font_css(THEME, [DEFAULT_LANGUAGE, *tags])
    used = set(re.findall(r'url\("([^/"]+)/', css))
    assert used == {table.scripts[script_of(tags[0])]}


def test_system_scripts_load_no_web_font_unless_hq_prefers_one() -> None:
    """Latin (Vietnamese), Arabic and CJK are in every reader's own fonts: no face, the
    system stack; a `font:` HQ gives a language in languages.yml links that family."""
    table = load_table(THEME / "fonts.yml")
    system = [t for t in declared() if in_system_fonts(table, t)]
    assert DEFAULT_LANGUAGE in system and len(system) > 1
    css = mission_font_css(THEME, system)
    assert "@font-face" not in css
    assert "--chancery-font-stack: system-ui, sans-serif;" in css
    assert missing_fonts(THEME, system) == []
    other = next(t for t in system if t != DEFAULT_LANGUAGE)
    family = table.scripts[script_of(other)]
    preferred = mission_font_css(THEME, [DEFAULT_LANGUAGE, other], {other: family})
    assert f'url("{family}/' in preferred


def test_stacks_put_the_language_family_first_after_the_base_and_rtl_before_it() -> None:
    table = load_table(THEME / "fonts.yml")
    rtl = next(t for t in declared() if t in ("he", "ar", "ur", "fa"))
    ltr = next(t for t in declared() if script_of(t) not in ("Latn", "Cyrl", "Arab", "Hebr"))
    names = {table.base: "Base", table.scripts[script_of(rtl)]: "Rtl Font",
             table.scripts[script_of(ltr)]: "Ltr Font"}
    css = stacks_css(table, ["vi", rtl, ltr], names)
    assert f'[lang|="{rtl}"] {{\n  --chancery-font-stack: "Rtl Font", "Base"' in css
    assert f'[lang|="{ltr}"] {{\n  --chancery-font-stack: "Base", "Ltr Font"' in css
    assert '[lang|="vi"]' not in css  # the default stack serves the base family's languages


def test_longer_tags_come_after_their_prefix() -> None:
    table = load_table(THEME / "fonts.yml")
    css = stacks_css(table, ["zh-Hant", "zh"], {table.base: "B", "noto-sans-sc": "SC",
                                                 "noto-sans-tc": "TC"})
    assert css.index('[lang|="zh"]') < css.index('[lang|="zh-Hant"]')


def test_hq_preferred_family_wins_over_the_script() -> None:
    css = mission_font_css(THEME, ["vi", "ur"], {"ur": "noto-sans-hebrew"})
    assert 'url("noto-sans-hebrew/' in css and 'url("noto-sans-arabic/' not in css


def _fake_package(root: Path, family: str, name: str) -> None:
    package = root / family / "package"
    (package / "files").mkdir(parents=True)
    (package / "LICENSE").write_text("SIL OPEN FONT LICENSE Version 1.1\n")
    for weight in ("400", "700"):
        rules = []
        for subset, span in (("latin", "U+0000-00FF"), ("testscript", "U+0E80-0EFF")):
            stem = f"{family}-{subset}-{weight}-normal"
            (package / "files" / f"{stem}.woff2").write_bytes(b"wOF2" + stem.encode())
            rules.append(f"/* {stem} */\n@font-face {{\n  font-family: '{name}';\n"
                         f"  font-style: normal;\n  font-display: swap;\n"
                         f"  font-weight: {weight};\n  src: url(./files/{stem}.woff2) "
                         f"format('woff2'), url(./files/{stem}.woff) format('woff');\n"
                         f"  unicode-range: {span};\n}}\n")
        (package / f"{weight}.css").write_text("\n".join(rules))


def test_add_vendors_one_family_and_leaves_the_others(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    shutil.copy(THEME / "fonts.yml", theme / "fonts.yml")
    other = theme / "assets" / "fonts" / "noto-sans"
    shutil.copytree(FONTS / "noto-sans", other)
    before = {p.name: p.stat().st_mtime_ns for p in other.iterdir()}
    _fake_package(tmp_path / "npm", "noto-sans-test", "Noto Sans Test")
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "fonts", "add", "noto-sans-test",
         "--from", str(tmp_path / "npm"), "--theme", str(theme)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "not in fonts.yml scripts yet" in result.stderr
    vendored = theme / "assets" / "fonts" / "noto-sans-test"
    assert sorted(p.name for p in vendored.iterdir()) == [
        LICENCE, FACES, "noto-sans-test-testscript-400-normal.woff2",
        "noto-sans-test-testscript-700-normal.woff2"]  # the Latin subset is the base's
    faces = (vendored / FACES).read_text()
    assert faces.count("font-display: swap;") == 2 and "U+0E80-0EFF" in faces
    assert "woff\"" not in faces and "format(\"woff2\")" in faces
    assert {p.name: p.stat().st_mtime_ns for p in other.iterdir()} == before


def test_add_refuses_names_that_are_not_package_names(tmp_path: Path) -> None:
    table = load_table(THEME / "fonts.yml")
    for bad in ("../noto-sans", "Noto Sans", "--registry=x", "a;rm"):
        with pytest.raises(FontVendorError, match="not a Fontsource package name"):
            add_family(table, bad, tmp_path, unpacked=tmp_path)
