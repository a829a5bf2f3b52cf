"""The CI workflows pass actionlint, call build.py only, and CODEOWNERS covers every mission."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from chancery.pipeline.affected import known_missions
from tests.publish.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint() -> str:
    found = Path(sys.executable).with_name("actionlint")
    if found.exists():
        return str(found)
    path = shutil.which("actionlint")
    if path is None:
        pytest.skip("actionlint is not installed (it comes with the test extras)")
    return path


def test_workflows_pass_actionlint():
    assert WORKFLOWS, "no workflow found"
    result = subprocess.run([actionlint(), "-color=false", *map(str, WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def steps(workflow: Path) -> list[dict]:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_run_step_calls_build_py(workflow):
    for step in steps(workflow):
        if "run" in step:
            assert "python3" in step["run"] and " build.py " in step["run"], step


def test_secrets_are_read_only_in_the_mission_environment():
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    for name, job in data["jobs"].items():
        text = yaml.safe_dump(job)
        if "secrets." in text:
            assert job.get("environment", {}).get("name") == "${{ matrix.mission }}", name
    pull_request = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text()
    assert "secrets." not in pull_request and "environment" not in pull_request


def test_codeowners_give_each_mission_to_its_editors_and_the_rest_to_hq():
    lines = [line.split() for line in (ROOT / ".github" / "CODEOWNERS").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    owners = {parts[0]: parts[1:] for parts in lines}
    for path in ("/themes/", "/plugins/", "/mkdocs.yml", "/content/_hq/", "/.github/"):
        assert owners[path] == ["@vn-mofa/hq-web"], path
    for mission in known_missions(ROOT / "content"):
        assert owners.get(f"/content/{mission}/") == [f"@vn-mofa/{mission}-editors"], mission
    assert lines[0] == ["*", "@vn-mofa/hq-web"], "the catch-all must come first"
