"""``build.py check``: one run lists every problem of every mission once, grouped, sorted and
counted, in the editor's language, as text, JSON or GitHub annotations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from chancery.checks.report import as_github, as_json, make_report
from chancery.cli import main
from chancery.content.i18n import problem_catalog
from chancery.content.i18n.problems import (
    available_languages,
    catalog,
    language_from_environment,
    localised,
    placeholders,
    translate,
)
from chancery.core.errors import Problem, Text, msg
from tests.conftest import MISSION_YML, ROOT, page, write

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
TRANSLATIONS = [lang for lang in available_languages() if lang != "en"]


@pytest.fixture
def three_broken(network_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """fr-lyon with a page that is not UTF-8, fr-nice with a broken mission.yml, fr-lille
    with bad front matter; each with another problem that the first must not hide."""
    for mission in ("fr-nice", "fr-lille"):
        write(network_dir / mission / "mission.yml", MISSION_YML.replace("fr-lyon", mission))
        for lang in ("vi", "fr"):
            write(network_dir / mission / "pages" / lang / "index.md", page(f"Home {lang}"))
    (network_dir / "fr-lyon/pages/vi/about.md").write_bytes(
        "---\ntitle: Giới thiệu\n---\n\nCafé.\n".encode().replace("é".encode(), b"\xe9"))
    write(network_dir / "fr-lyon/pages/fr/about.md", "---\ntitle: Bad: yaml\n---\n\nTexte.\n")
    write(network_dir / "fr-nice/mission.yml",
          MISSION_YML.replace("fr-lyon", "fr-nice").replace("host_country: FR",
                                                            "host_country: [FR"))
    write(network_dir / "fr-nice/pages/vi/about.md", "---\ntitle: Bad: yaml\n---\n\nx\n")
    write(network_dir / "fr-nice/data/hours.yml", "weekly:\n\t- monday\n")
    write(network_dir / "fr-lille/pages/vi/about.md",
          "---\ntitle: Giới thiệu\nsumary: Tóm tắt\n---\n\nXem [trang](/nowhere.md).\n")
    monkeypatch.chdir(network_dir.parent)
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return network_dir


EXPECTED = [  # (heading or problem line), in the order check prints them
    "mission fr-lille: 2 problem(s)",
    "content/fr-lille/pages/vi/about.md:3: sumary: unknown field 'sumary'; remove it or "
    "check its spelling",
    "content/fr-lille/pages/vi/about.md:6: link to '/nowhere.md', which does not exist in "
    "'vi'; check the path or create pages/vi/nowhere.md",
    "",
    "mission fr-lyon: 2 problem(s)",
    "content/fr-lyon/pages/fr/about.md:2: invalid YAML: mapping values are not allowed here; "
    "put a space after ':' and quote text that contains ': '",
    "content/fr-lyon/pages/vi/about.md:5: file is not UTF-8 text; save it with UTF-8 encoding",
    "",
    "mission fr-nice: 3 problem(s)",
    "content/fr-nice/data/hours.yml:2: tab character in YAML; indent with spaces",
    "content/fr-nice/mission.yml:4: invalid YAML: expected ',' or ']', but got ':'; a '[' "
    "list is not closed; if this is text, put it in quotes",
    "content/fr-nice/pages/vi/about.md:2: invalid YAML: mapping values are not allowed here; "
    "put a space after ':' and quote text that contains ': '",
]


def test_one_run_lists_every_problem_of_three_broken_missions(three_broken: Path) -> None:
    """The done-when test of issue 19 item 4, through the real command line."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--content", "content"],
        capture_output=True, text=True, cwd=three_broken.parent,
        env={"CHANCERY_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr.splitlines() == EXPECTED
    assert done.stdout == "checked 3 mission(s): 7 error(s), 0 warning(s)\n"


def test_a_problem_of_an_hq_page_is_listed_once_under_hq(
        network_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(network_dir.parent)
    write(network_dir / "fr-nice/mission.yml", MISSION_YML.replace("fr-lyon", "fr-nice"))
    for mission in ("fr-lyon", "fr-nice"):
        for lang in ("vi", "fr"):
            write(network_dir / mission / "pages" / lang / "index.md", page("Home"))
    hq_page = network_dir / "_hq/pages/vi/privacy.md"
    hq_page.write_text(hq_page.read_text(encoding="utf-8") + "\n[x](/nowhere.md)\n",
                       encoding="utf-8")
    assert main(["check", "--content", "content", "--lang", "en"]) == 1
    listed = capsys.readouterr().err.splitlines()
    assert [line for line in listed if "nowhere.md" in line] == [
        f"content/_hq/pages/vi/privacy.md:{len(hq_page.read_text().splitlines())}: link to "
        "'/nowhere.md', which does not exist in 'vi'; check the path or create "
        "pages/vi/nowhere.md"]
    assert listed[0] == "HQ (_hq): 1 problem(s)"


def test_a_mission_whose_id_is_wrong_still_gets_every_check(
        network_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(network_dir.parent)
    mission = network_dir / "fr-lyon/mission.yml"
    mission.write_text(mission.read_text().replace("id: fr-lyon", "id: fr-lyonn"))
    write(network_dir / "fr-lyon/pages/fr/about.md", page("À propos", "[x](/nowhere.md)"))
    assert main(["check", "--content", "content", "--lang", "en"]) == 1
    listed = capsys.readouterr().err
    assert "content/fr-lyon/mission.yml:1: id: 'fr-lyonn' does not match" in listed
    assert "content/fr-lyon/pages/fr/about.md:5: link to '/nowhere.md'" in listed


def test_broken_hq_settings_still_let_every_mission_file_be_read(
        three_broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hq = three_broken / "_hq/hq.yml"
    hq.write_text(hq.read_text(encoding="utf-8").replace("page_size: 10", "page_size: ten"),
                  encoding="utf-8")
    assert main(["check", "--content", "content", "--lang", "en"]) == 1
    out = capsys.readouterr()
    listed = out.err.splitlines()
    assert listed[0] == "HQ (_hq): 1 problem(s)"
    assert "news.page_size: wrong type: got 'ten'" in listed[1]
    for line in EXPECTED:
        if "nowhere.md" not in line and "problem(s)" not in line:  # links need HQ's settings
            assert line in listed
    assert out.out == "checked 3 mission(s): 7 error(s), 0 warning(s)\n"


def test_an_unknown_mission_is_one_problem_and_the_others_are_checked(
        three_broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--content", "content", "--mission", "xx-nowhere",
                 "--mission", "fr-lille"])
    assert code == 1
    out = capsys.readouterr()
    assert out.err.splitlines()[:2] == [
        "network-wide: 1 problem(s)",
        "content: no mission 'xx-nowhere'; known: fr-lille, fr-lyon, fr-nice"]
    assert "fr-lille/pages/vi/about.md:6: link to '/nowhere.md'" in out.err
    assert "fr-lyon" not in out.err.split("known:", 1)[1].split("\n", 1)[1]
    assert out.out == "checked 1 mission(s): 3 error(s), 0 warning(s)\n"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_lang_gives_every_message_of_the_run_in_that_language(
        three_broken: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    assert main(["check", "--content", "content", "--lang", lang]) == 1
    translated = capsys.readouterr()
    assert main(["check", "--content", "content", "--lang", "en"]) == 1
    english = capsys.readouterr()
    assert english.err.splitlines() == EXPECTED
    lines = translated.err.splitlines()
    assert len(lines) == len(EXPECTED)
    for ours, theirs in zip(lines, EXPECTED, strict=True):
        if theirs:
            # the same place, other words (PyYAML's own wording may stay in English)
            assert ours.split(": ", 1)[0] == theirs.split(": ", 1)[0] or "problem" in theirs
            assert ours != theirs
    texts = catalog(lang)
    assert translated.out == texts["checked {checked} mission(s): {errors} error(s), "
                                   "{warnings} warning(s)"].format(
        checked=3, errors=7, warnings=0) + "\n"


def test_vietnamese_reads_as_vietnamese(three_broken: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", "content", "--lang", "vi"]) == 1
    out = capsys.readouterr()
    assert "content/fr-lyon/pages/vi/about.md:5: tệp không phải văn bản UTF-8; hãy lưu lại " \
           "tệp với bảng mã UTF-8" in out.err.splitlines()
    assert "cơ quan đại diện fr-nice: 3 vấn đề" in out.err.splitlines()
    assert out.out == "đã kiểm tra 3 cơ quan đại diện: 7 lỗi, 0 cảnh báo\n"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "en_GB.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "vi_VN.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),  # no French catalog
    ({"LANGUAGE": "de:vi", "LANG": "de_DE.UTF-8"}, "vi"),
    ({"LANGUAGE": "vi", "LANG": "C.UTF-8"}, "en"),  # as gettext: LANGUAGE needs a locale
    ({"LANG": "C"}, "en"),
    ({}, "en"),
])
def test_the_locale_chooses_the_language(environ: dict, expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_the_locale_is_used_and_lang_overrides_it(
        three_broken: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    main(["check", "--content", "content"])
    assert capsys.readouterr().out.startswith("đã kiểm tra 3")
    main(["check", "--content", "content", "--lang", "en"])
    assert capsys.readouterr().out.startswith("checked 3")


def test_json_carries_the_same_list(three_broken: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", "content", "--format", "json", "--lang", "en"]) == 1
    out = capsys.readouterr()
    assert out.err == ""
    report = json.loads(out.out)
    assert (report["checked"], report["errors"], report["warnings"], report["lang"]) == (
        3, 7, 0, "en")
    shown = [f"{p['file']}:{p['line']}: {p['field'] + ': ' if p['field'] else ''}"
             f"{p['message']}" for p in report["problems"]]
    assert shown == [line for line in EXPECTED if line and "problem(s)" not in line]
    assert [p["mission"] for p in report["problems"]] == ["fr-lille"] * 2 + ["fr-lyon"] * 2 \
        + ["fr-nice"] * 3
    assert {p["severity"] for p in report["problems"]} == {"error"}
    assert main(["check", "--content", "content", "--format", "json", "--lang", "vi"]) == 1
    vietnamese = json.loads(capsys.readouterr().out)
    assert vietnamese["lang"] == "vi"
    assert [(p["file"], p["line"]) for p in vietnamese["problems"]] == [
        (p["file"], p["line"]) for p in report["problems"]]
    assert "tệp không phải văn bản UTF-8" in {p["message"].split(";")[0]
                                              for p in vietnamese["problems"]}


ANNOTATION = re.compile(r"^::(error|warning) file=[^,:]+(,line=\d+)?(,title=[^,:]+)?::(.+)$")


def test_github_annotations_carry_the_same_list(three_broken: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", "content", "--format", "github", "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "checked 3 mission(s): 7 error(s), 0 warning(s)"
    annotations = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    assert lines[0] == ("::error file=content/fr-lille/pages/vi/about.md,line=3,title=sumary::"
                        "unknown field 'sumary'; remove it or check its spelling")
    assert [m.group(4) for m in annotations] == [
        line.split(": ", 2 if "sumary:" in line else 1)[-1]
        for line in EXPECTED if line and "problem(s)" not in line]


def test_an_editor_cannot_start_a_workflow_command_of_their_own(
        network_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(network_dir.parent)
    write(network_dir / "fr-lyon/pages/vi/about.md",
          '---\ntitle: A\n"x\\n::error file=x::forged,y%0A": 1\n---\n')
    assert main(["check", "--content", "content", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[-1].startswith("checked 1 mission(s)")
    assert lines[0].startswith("::error file=content/fr-lyon/pages/vi/about.md,line=3,title=")
    assert "%0A::error file=x::forged" in lines[0] and "%250A" in lines[0]


def test_repeats_are_dropped_as_they_come_and_an_error_wins_over_a_warning() -> None:
    def found():
        for _ in range(100_000):
            yield Problem("content/fr-lyon/a.md", 3, "", "same", "warning")
        yield Problem("content/fr-lyon/a.md", 3, "", "same")
        yield Problem("content/fr-lyon/a.md", 1, "", "first")
        yield Problem("elsewhere.po", 0, "", "theirs", "warning")

    report = make_report(found(), Path("content"), ["fr-lyon"])
    assert list(report.groups) == ["", "fr-lyon"]
    assert [str(p) for p in report.groups["fr-lyon"]] == [
        "content/fr-lyon/a.md:1: first", "content/fr-lyon/a.md:3: same"]
    assert (report.errors, report.warnings, report.checked) == (2, 1, 1)
    assert json.loads(as_json(report, "en"))["problems"][0]["mission"] == ""
    assert as_github(report, "en").splitlines()[0] == "::warning file=elsewhere.po::theirs"


def test_values_are_put_in_after_translation_and_what_editors_wrote_is_kept() -> None:
    text = msg("'{value}' is not allowed; expected one of: {expected}",
               value="error", expected="{a}, {b}")
    assert text == "'error' is not allowed; expected one of: {a}, {b}"
    assert translate(text, "en") == text
    assert translate(text, "vi") == "'error' không được phép; chỉ được dùng một trong các " \
        "giá trị: {a}, {b}"  # 'error' is the editor's value, not our word
    nested = msg("wrong type: got {got}; expected {expected}{how}", got=msg("a list"),
                 expected=msg("a whole number"), how="")
    assert translate(nested, "vi") == "sai kiểu: nhận được một danh sách; cần một số nguyên"
    assert translate("plain text", "vi") == "plain text"
    warning = Problem("a.md", 2, "title", msg("must not be empty"), "warning")
    assert localised(warning, "vi") == "a.md:2: [cảnh báo] title: không được để trống"
    assert localised(warning, "en") == str(warning)


def test_a_message_survives_pickling_for_the_workers() -> None:
    import pickle

    text = msg("image '{src}': {problem}", src="/media/a.jpg", problem=msg("file not found"))
    back = pickle.loads(pickle.dumps(Problem("a.md", 1, "", text)))
    assert isinstance(back.message, Text) and back.message == text
    assert translate(back.message, "vi") == "ảnh '/media/a.jpg': không tìm thấy tệp"


def test_a_broken_translation_falls_back_to_english(tmp_path: Path) -> None:
    po = tmp_path / "vi/LC_MESSAGES/chancery.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
                  'msgid "no mission \'{mission}\'"\nmsgstr "không có \'{missing}\'"\n',
                  encoding="utf-8")
    text = msg("no mission '{mission}'", mission="xx")
    assert translate(text, "vi", tmp_path) == "no mission 'xx'"


def test_every_message_has_a_vietnamese_translation() -> None:
    """Messages without one are printed in English: list them here, translate them in
    chancery/content/i18n/locales/<lang>/LC_MESSAGES/chancery.po (python -m
    chancery.content.i18n.problem_catalog merges new ones in)."""
    extracted = problem_catalog.extract()
    assert len([m for m in extracted if m.id]) > 100
    assert "vi" in TRANSLATIONS
    for lang in TRANSLATIONS:
        assert problem_catalog.untranslated(lang, extracted) == [], lang
        assert problem_catalog.mismatched(lang) == [], lang


def test_the_template_lists_every_message_of_the_code() -> None:
    from babel.messages.pofile import read_po

    with problem_catalog.TEMPLATE.open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert template == {m.id for m in problem_catalog.extract() if m.id}, (
        "run: python -m chancery.content.i18n.problem_catalog")


def test_placeholders_are_read_as_format_reads_them() -> None:
    assert placeholders("a '{{' b {name} {other}}}") == {"name", "other"}
    assert placeholders("{broken") == {"<unbalanced braces>"}


def test_the_catalog_is_its_own_domain_apart_from_the_themes() -> None:
    from chancery.content.i18n.problems import LOCALES_DIR

    assert LOCALES_DIR == ROOT / "chancery/content/i18n/locales"
    themes = ROOT / "themes/chancery/locales"
    assert not list(themes.rglob("chancery.po"))


# Modules whose messages are not for editors, or not converted yet: (module, reason).
NOT_EDITORS = {
    "chancery/core/clock.py": "CHANCERY_NOW is set by engineers and CI, not written by editors",
    "chancery/content/i18n/review.py": "the catalog review tool of the translators' CI job",
    "chancery/content/model/cms.py": "HQ engineers' cms: settings (one message, not yet converted: "
                                "chancery/features/cms/ is being edited elsewhere)",
}
# Called with an editor message (positional index, keyword) besides Problem's helpers, which
# the scan finds by itself: a function that passes one of its parameters on as a message.
MESSAGE_TAKERS = {"Problem": (3, "message"), "ValueError": (0, None),  # pydantic validators
                  "Unsafe": (1, "message"), "ImageRefused": (0, None)}
# Functions whose return value is a message (besides those the scan sees passed to a taker).
MESSAGE_GIVERS = {"svg_problem", "image_problem", "_anchor_problem"}


def _plain(node) -> bool:
    import ast

    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _plain(node.left) or _plain(node.right)
    if isinstance(node, ast.IfExp):
        return _plain(node.body) or _plain(node.orelse)
    return isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format"


def _name(call) -> str:
    return getattr(call.func, "id", getattr(call.func, "attr", ""))


def _argument(call, index: int, keyword: str | None):
    import ast

    if len(call.args) > index and not isinstance(call.args[index], ast.Starred):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def plain_messages(root: Path = ROOT) -> list[str]:
    """``file:line`` of every editor message of ``root``'s chancery/ and plugins/ written as
    plain text: given to Problem (or to a function that hands its parameter on to Problem,
    found by the scan), raised by a validator, returned by a function whose result is a
    message, or put in a block parser's ``problems`` list; directly or through a local
    variable."""
    import ast

    trees = {}
    for folder in ("chancery", "plugins"):
        for file in sorted((root / folder).rglob("*.py")):
            name = file.relative_to(root).as_posix()
            if name not in NOT_EDITORS:
                trees[name] = ast.parse(file.read_text(encoding="utf-8"))
    takers, givers = dict(MESSAGE_TAKERS), set(MESSAGE_GIVERS)
    functions = [(name, node) for name, tree in trees.items() for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef)]
    grew = True
    while grew:  # problem(source, path, message) -> Problem(..., message): a taker too
        grew = False
        for _, function in functions:
            params = [a.arg for a in function.args.posonlyargs + function.args.args
                      if a.arg not in ("self", "cls")]
            for call in ast.walk(function):
                if function.name in takers or not isinstance(call, ast.Call) \
                        or _name(call) not in takers:
                    continue
                given = _argument(call, *takers[_name(call)])
                if isinstance(given, ast.Name) and given.id in params:
                    takers[function.name] = (params.index(given.id), given.id)
                    grew = True
    found = set()
    for name, function in functions:
        assigned: dict[str, list] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            if _name(call) == "msg":
                if not call.args or not isinstance(call.args[0], ast.Constant):
                    found.add(f"{name}:{call.lineno} (msg needs one literal template)")
                continue
            if _name(call) == "append" and call.args and isinstance(call.args[0], ast.Tuple) \
                    and len(call.args[0].elts) == 2 \
                    and getattr(call.func.value, "id", "") == "problems":
                values = [call.args[0].elts[1]]  # problems.append((index, message))
            elif _name(call) in takers:
                given = _argument(call, *takers[_name(call)])
                values = [] if given is None else [given]
                if isinstance(given, ast.Name):
                    values += assigned.get(given.id, [])
            else:
                continue
            for value in values:
                if _plain(value):
                    found.add(f"{name}:{value.lineno}")
                elif isinstance(value, ast.Call):
                    givers.add(_name(value))
    for name, function in functions:
        if function.name in givers:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    value = node.value
                    for each in ([value.body, value.orelse] if isinstance(value, ast.IfExp)
                                 else [value]):
                        if _plain(each):
                            found.add(f"{name}:{each.lineno}")
    return sorted(found)


def test_every_module_writes_every_editor_message_with_msg() -> None:
    """A plain string would be printed in English whatever the reader's language, and a
    template that is not one literal cannot be extracted into the catalog. Every module of
    chancery/ and plugins/ is scanned, not a list: a new check cannot stay untranslated."""
    assert plain_messages() == []


def test_the_scan_finds_plain_messages_however_they_are_passed(tmp_path: Path) -> None:
    module = tmp_path / "chancery" / "example.py"
    write(module, """\
        from chancery.core.errors import Problem, msg

        def helper(source, where, message):
            return Problem(source, 1, where, message)

        def reason(value):
            return f"bad {value}"

        def checks(value, problems):
            text = "plain, through a variable"
            found = [helper("a.md", "", f"plain {value}"), Problem("a.md", 1, "", text),
                     Problem("a.md", 1, "", reason(value)),
                     Problem("a.md", 1, "", msg("fine {value}", value=value))]
            problems.append((0, "plain in a block's list"))
            raise ValueError("plain, from a validator " + value)
        """)
    found = [line.split(":")[1] for line in plain_messages(tmp_path)]
    assert found == ["10", "11", "14", "15", "7"]


def test_files_behind_a_symbolic_link_are_never_read(
        network_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(network_dir.parent)
    outside = tmp_path / "outside"
    write(outside / "mission.yml", "id: [secret\n")
    write(outside / "pages/vi/secret.md", "---\ntitle: Bad: secret\n---\n")
    (network_dir / "fr-evil").symlink_to(outside, target_is_directory=True)
    (network_dir / "fr-lyon/pages/vi/linked.md").symlink_to(outside / "pages/vi/secret.md")
    assert main(["check", "--content", "content", "--lang", "en"]) == 1
    listed = capsys.readouterr().err
    lines = listed.splitlines()
    assert [line.split(" (to ")[0] for line in lines if line.startswith("content/")] == [
        "content/fr-evil: the mission folder is a symbolic link",
        f"content/fr-lyon/pages/vi/linked.md: symbolic link to '{outside}/pages/vi/secret.md', "
        "outside this mission's folder; content must be real files: replace the link by a "
        "copy of what it points to, inside this mission's folder, or remove it"]
    assert lines[0] == "mission fr-evil: 1 problem(s)"  # its other files are not read


def test_messages_of_the_modules_converted_last_are_vietnamese_too(
        network_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The sanitizer, a validator's ValueError (through pydantic) and the folder scan."""
    monkeypatch.chdir(network_dir.parent)
    write(network_dir / "fr-lyon/pages/vi/about.md",
          page("Giới thiệu", '<iframe src="https://video.example/"></iframe>'))
    mission = network_dir / "fr-lyon/mission.yml"
    mission.write_text(mission.read_text(encoding="utf-8") + "publish:\n  method: git\n"
                       "  remote: -oProxyCommand=x\n", encoding="utf-8")
    messages = {}
    for lang in ("en", "vi"):
        assert main(["check", "--content", "content", "--lang", lang]) == 1
        messages[lang] = capsys.readouterr().err.splitlines()[1:]
    assert messages["en"] == [
        "content/fr-lyon/mission.yml:26: publish.remote: remote '-oProxyCommand=x' must not "
        "start with '-' (a program would read it as an option); write the real name"]
    texts = catalog("vi")
    assert messages["vi"] == [
        "content/fr-lyon/mission.yml:26: publish.remote: " + texts[
            "{what} '{value}' must not start with '-' (a program would read it as an option); "
            "write the real name"].format(what="remote", value="-oProxyCommand=x")]
    mission.write_text(MISSION_YML, encoding="utf-8")
    assert main(["check", "--content", "content", "--lang", "vi"]) == 1
    listed = capsys.readouterr().err
    assert "content/fr-lyon/pages/vi/about.md:5: <iframe> " + texts[
        "<{name}> is not allowed: {hint}"].split(": ", 1)[0].removeprefix("<{name}> ") in listed
    assert "embedding video" not in listed and texts[
        "embedding video or maps: use the `video` or `map` block (::: video <https URL>, with "
        "a poster: image from media/), which links to the page with a local poster image and "
        "makes no request to another site"] in listed
