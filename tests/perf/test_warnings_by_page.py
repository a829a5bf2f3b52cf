"""A language's warnings are recorded by the source page they are about: rendering some
pages again replaces exactly those pages' warnings and keeps the others, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.synthetic import edit_post
from chancery.content.model.languages import DEFAULT_LANGUAGE
from chancery.pipeline.runner import ENGINE, MissionReport, build_missions
from chancery.pipeline.state import LANGUAGE_WIDE, warnings_by_page
from chancery.pipeline.tasks import engine_function
from tests.perf.conftest import Builds

ENGINE_HERE = f"{__name__}:build_language"


def _watched(spec_root: Path, mission: str, lang: str) -> tuple[str, Path]:
    found = sorted((spec_root / mission / "pages" / lang / "news").glob("*/post-0002.md"))
    file = found[0]
    return file.relative_to(spec_root / mission / "pages" / lang).as_posix(), file


def build_language(*args: Any, **options: Any) -> Any:
    """The real engine, plus a warning about one page whenever that page is rendered (its
    text names the page's size, so an edit changes it) and one about no page."""
    result = engine_function(ENGINE)(*args, **options)
    request = args[0] if not isinstance(args[0], (str, Path)) else None
    content = Path(request.content_dir if request is not None else args[0])
    mission = request.mission if request is not None else args[1]
    lang = request.language if request is not None else args[2]
    only = getattr(request, "only", None) if request is not None else options.get("only")
    path, file = _watched(content, mission, lang)
    if only is None or path in only:
        result.warnings = [*result.warnings,
                           f"Doc file '{path}' is {file.stat().st_size} bytes long"]
    result.warnings = [*result.warnings, "a warning about no page in particular"]
    return result


def build(builds: Builds) -> MissionReport:
    (report,) = build_missions(builds.spec.root, builds.out, jobs=2, progress=lambda _: None,
                               cache_dir=builds.cache, engine=ENGINE_HERE)
    assert report.ok, report.errors
    return report


def test_warnings_are_attributed_to_the_first_page_they_quote() -> None:
    found = warnings_by_page(["Doc file 'a.md' links to 'b.md', not found",
                              "Doc file 'b.md': no title", "about 'elsewhere.md'", "plain",
                              "plain"], {"a.md", "b.md"})
    assert found == {"a.md": ["Doc file 'a.md' links to 'b.md', not found"],
                     "b.md": ["Doc file 'b.md': no title"],
                     LANGUAGE_WIDE: ["about 'elsewhere.md'", "plain"]}


def test_rendering_some_pages_again_replaces_exactly_their_warnings(builds: Builds) -> None:
    lang = DEFAULT_LANGUAGE
    path, file = _watched(builds.spec.root, builds.mission, lang)

    def watched(report: MissionReport) -> list[str]:
        return [w for w in report.warnings if w.startswith(f"[{lang}] Doc file '{path}'")]

    first = build(builds)
    about = watched(first)
    assert about == [f"[{lang}] Doc file '{path}' is {file.stat().st_size} bytes long"]

    edit_post(builds.spec, builds.mission, lang, 1)  # another page: the watched one's stays
    report = build(builds)
    assert report.partial == {lang: [report.partial[lang][0]]} and path not in report.partial[lang]
    assert watched(report) == about
    assert report.warnings.count(f"[{lang}] a warning about no page in particular") == 1

    edit_post(builds.spec, builds.mission, lang, 2)  # the watched page: its warning replaced
    report = build(builds)
    assert report.partial[lang] == [path]
    assert watched(report) == [
        f"[{lang}] Doc file '{path}' is {file.stat().st_size} bytes long"] != about
    assert report.warnings.count(f"[{lang}] a warning about no page in particular") == 1
    builds.assert_same_as_cold()
