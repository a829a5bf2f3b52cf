"""The command line: clear errors, no tracebacks, failed missions keep their old output."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MISSION_YML, ROOT, write


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env={"CHANCERY_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin"},
    )


def test_help_documents_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "serve", "check", "new", "i18n", "test"):
        assert f"    {command} " in result.stdout


def test_broken_mission_fails_alone_and_keeps_its_previous_output(
    network_dir: Path, tmp_path: Path
) -> None:
    write(
        network_dir / "fr-nice/mission.yml",
        MISSION_YML.replace("fr-lyon", "fr-nice").replace("Lyon", "Nice"),
    )
    for lang in ("vi", "fr"):
        write(network_dir / f"fr-nice/pages/{lang}/index.md", "---\ntitle: Nice\n---\nx\n")
    out = tmp_path / "site"
    first = run("build", "--content", str(network_dir), "--out", str(out), "--jobs", "2")
    assert first.returncode == 0, first.stderr
    before = (out / "fr-nice/index.html").read_bytes()

    write(
        network_dir / "fr-nice/mission.yml",
        MISSION_YML.replace("fr-lyon", "fr-nice").replace(
            "languages: [vi, fr]", "languages: [vi, fr, xx]"
        ),
    )
    (network_dir / "fr-lyon/pages/vi/index.md").write_text(
        "---\ntitle: Trang chủ mới\n---\nxin chào\n", encoding="utf-8"
    )
    second = run("build", "--content", str(network_dir), "--out", str(out))
    assert second.returncode == 1
    assert "Traceback" not in second.stderr + second.stdout
    assert ("fr-nice/mission.yml:4: languages[2]: unknown language: 'xx' is not a language "
            "CLDR knows") in second.stderr
    assert "fr-nice (its previous output was left as it was)" in second.stderr
    assert (out / "fr-nice/index.html").read_bytes() == before
    assert "Trang chủ mới" in (out / "fr-lyon/index.html").read_text(encoding="utf-8")
    assert not (out / ".staging").exists()


def test_check_reports_every_problem_without_traceback(network_dir: Path) -> None:
    write(network_dir / "fr-lyon/pages/vi/about.md", "---\ntitle: [unclosed\n---\n")
    write(network_dir / "fr-lyon/pages/fr/about.md", "---\ntitle: A\n---\n[x](/nope.md)\n")
    result = run("check", "--content", str(network_dir))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "pages/vi/about.md:2: invalid YAML" in result.stderr
    assert "a '[' list is not closed; if this is text, put it in quotes" in result.stderr
    assert "pages/fr/about.md:4: link to '/nope.md', which does not exist in 'fr'" in result.stderr
    assert "checked 1 mission(s): 2 error(s), 0 warning(s)" in result.stdout


def test_broken_hq_settings_stop_everything_cleanly(network_dir: Path, tmp_path: Path) -> None:
    hq = network_dir / "_hq/hq.yml"
    hq.write_text(
        hq.read_text(encoding="utf-8").replace("page_size: 10", "page_size: ten"), encoding="utf-8"
    )
    result = run("build", "--content", str(network_dir), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "hq.yml:" in result.stderr and "news.page_size: wrong type: got 'ten'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "nothing was built or published" in result.stderr


def test_unknown_mission_is_named(network_dir: Path) -> None:
    result = run("check", "--content", str(network_dir), "--mission", "xx-nowhere")
    assert result.returncode == 1
    assert "no mission 'xx-nowhere'; known: fr-lyon" in result.stderr


def test_new_then_check_guides_the_editor(network_dir: Path) -> None:
    result = run(
        "new", "mission", "de-berlin", "--languages", "vi,de,en", "--content", str(network_dir)
    )
    assert result.returncode == 0, result.stderr
    assert "created" in result.stdout
    check = run("check", "--content", str(network_dir), "--mission", "de-berlin")
    assert check.returncode == 1
    assert "still a placeholder" in check.stderr
    assert "Traceback" not in check.stderr


def _parsers(parser: argparse.ArgumentParser, name: str = "build.py"):
    """Every parser of the command line, with its full command name."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, child in action.choices.items():
                yield from _parsers(child, f"{name} {sub}")


def test_every_option_of_every_command_has_help_naming_its_default() -> None:
    from chancery.cli import parser

    missing = []
    for name, command in _parsers(parser()):
        if name != "build.py" and not command.description:
            missing.append(f"{name}: no description")
        for action in command._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            option = action.option_strings[0] if action.option_strings else action.dest
            if not (action.help or "").strip():
                missing.append(f"{name} {option}: no help")
            elif action.default not in (None, False, argparse.SUPPRESS) and \
                    action.option_strings and "%(default)s" not in action.help and \
                    "default" not in action.help:
                missing.append(f"{name} {option}: default {action.default!r} not named")
    assert missing == [], "\n".join(missing)


def test_help_answers_at_once_before_the_environment_exists(tmp_path: Path) -> None:
    venv = tmp_path / "not-installed-yet"
    env = {"PATH": "/usr/bin:/bin", "CHANCERY_VENV": str(venv)}
    for args in (["--help"], ["serve", "--help"], ["new", "-h"]):
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "build.py"),
                                 *args], capture_output=True, text=True, env=env, timeout=30)
        assert time.monotonic() - started < 5, args
        assert result.returncode == 0, result.stderr
        assert "the first command you run installs it in" in " ".join(result.stdout.split())
        imported = {line.split("|")[-1].strip().split(".")[0]
                    for line in result.stderr.splitlines() if line.startswith("import time:")}
        assert not imported & {"yaml", "pydantic", "mkdocs", "markdown", "jinja2"}, args
        assert not venv.exists()
    listing = subprocess.run([sys.executable, str(ROOT / "build.py"), "--help"],
                             capture_output=True, text=True, env=env, timeout=30).stdout
    from chancery.cli import COMMANDS
    from chancery.cli.summaries import summary

    for command in COMMANDS:
        assert f"  {command} " in listing and summary(command).help in listing
    assert summary("serve").help == "live preview of one mission while you edit"


def _second_mission(network_dir: Path, mission: str = "fr-lille") -> Path:
    write(network_dir / f"{mission}/mission.yml",
          MISSION_YML.replace("fr-lyon", mission).replace("Lyon", "Lille"))
    for lang in ("vi", "fr"):
        write(network_dir / f"{mission}/pages/{lang}/index.md", f"---\ntitle: {lang}\n---\nx\n")
    return network_dir / mission


@pytest.mark.parametrize("strict", [False, True])
def test_a_broken_link_is_reported_once_in_our_words_not_mkdocs(
        network_dir: Path, tmp_path: Path, strict: bool) -> None:
    write(network_dir / "fr-lyon/pages/vi/about.md", "---\ntitle: A\n---\n\n[x](/nowhere.md)\n")
    result = run("build", "--content", str(network_dir), "--out", str(tmp_path / "out"),
                 "--jobs", "1", *(["--strict"] if strict else []))
    assert result.returncode == 1
    printed = result.stdout + result.stderr
    assert "Traceback" not in printed
    assert printed.count("link to '/nowhere.md', which does not exist in 'vi'") == 1, printed
    assert "content/fr-lyon/pages/vi/about.md:5: link to '/nowhere.md'" in result.stderr
    assert "Doc file" not in printed and "contains a link" not in printed


def test_a_bad_page_of_another_mission_neither_stops_nor_hides_a_named_mission(
        network_dir: Path, tmp_path: Path) -> None:
    """The translation dashboard, written after every build over the whole network, once
    raised fr-lyon's error as if it were the network's: 'nothing was built', and fr-lille's
    own errors were never printed."""
    lille = _second_mission(network_dir)
    write(network_dir / "fr-lyon/pages/fr/about.md", "---\ntitle: Bad: yaml\n---\nx\n")
    out = tmp_path / "out"
    good = run("build", "--content", str(network_dir), "--out", str(out), "--jobs", "1",
               "--mission", "fr-lille")
    assert good.returncode == 0, good.stderr
    assert (out / "fr-lille/index.html").is_file() and not (out / "fr-lyon").exists()
    assert "nothing was built" not in good.stderr and "fr-lyon/pages" not in good.stderr
    assert ("translation dashboard: fr-lyon left out, some of its pages do not read "
            "(python3 build.py check --mission fr-lyon lists them)") in good.stderr
    assert (out / "_dashboard/index.html").is_file()

    write(lille / "pages/vi/about.md", "---\ntitle: A\n---\n\n[x](/nowhere.md)\n")
    bad = run("build", "--content", str(network_dir), "--out", str(out), "--jobs", "1",
              "--mission", "fr-lille")
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr + bad.stdout
    assert "nothing was built" not in bad.stderr
    assert "errors for fr-lille (its previous output was left as it was):\n  content/fr-lille/" \
           "pages/vi/about.md:5: link to '/nowhere.md'" in bad.stderr.replace(
               str(network_dir.parent) + "/", "")
