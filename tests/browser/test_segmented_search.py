"""Search for scripts written without spaces, and Vietnamese diacritics, in Chromium.

A temporary network with one mission per language (vi, X, en), made with ``new mission``;
each mission's page in X gets one real sentence, and a word taken from the middle of it
(no space on either side) must be found from the language's search page. Lao, Khmer,
Burmese and Thai are segmented at index time (chancery/pipeline/segment.py) and the query by
Intl.Segmenter (segment.js); Chinese and Japanese by Pagefind's own segmenter.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from chancery.pipeline.segment import SEPARATOR, segment_html
from chancery.render.fonts import (
    FONTS_CSS,
    family_name,
    in_system_fonts,
    is_rtl,
    load_table,
    script_of,
)
from tests.conftest import CONTENT, serve_directory
from tests.languages.scaffolding import new_mission, run

THEME = Path(__file__).resolve().parents[2] / "themes" / "chancery"
# language -> (sentence, a word inside it, two words written together inside it)
SENTENCES = {
    "lo": ("ສະຖານທູດໃຫ້ບໍລິການກົງສຸນແກ່ພົນລະເມືອງຫວຽດນາມທຸກວັນຈັນ.", "ກົງສຸນ",
           "ບໍລິການກົງສຸນ"),
    "km": ("ស្ថានទូតផ្តល់សេវាកុងស៊ុលដល់ពលរដ្ឋវៀតណាមរៀងរាល់ថ្ងៃច័ន្ទ។", "កុងស៊ុល",
           "សេវាកុងស៊ុល"),
    "th": ("สถานทูตให้บริการกงสุลแก่ประชาชนเวียดนามทุกวันจันทร์", "กงสุล", "บริการกงสุล"),
    "my": ("သံရုံးသည်ဗီယက်နမ်နိုင်ငံသားများအတွက်ကောင်စစ်ဝန်ဝန်ဆောင်မှုပေးသည်။", "ကောင်စစ်ဝန်",
           "ကောင်စစ်ဝန်ဝန်ဆောင်မှု"),
    "zh": ("大使馆每周一为越南公民提供领事服务。", "领事", "领事服务"),
    "ja": ("大使館は毎週月曜日にベトナム国民へ領事サービスを提供しています。", "領事",
           "領事サービス"),
}
# Languages written with spaces, right to left included: (sentence, a word of it).
SPACED = {"he": ("השגרירות מעניקה שירותים קונסולריים לאזרחי וייטנאם בכל יום שני.",
                 "קונסולריים")}
EXACT, PLAIN = "Quỳnh Lưu", "Quynh Luu"  # Vietnamese: with and without diacritics


MISSIONS = {"lo": "la-vientiane", "km": "kh-phnom-penh", "th": "th-bangkok",
            "my": "mm-yangon", "zh": "cn-beijing", "ja": "jp-tokyo", "he": "il-tel-aviv"}


def _mission(lang: str) -> str:
    return MISSIONS[lang]


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Build the network once; serve each mission; return mission -> base URL."""
    root = tmp_path_factory.mktemp("segmented-search")
    content = root / "content"
    content.mkdir()
    shutil.copytree(CONTENT / "_hq", content / "_hq")
    texts = {lang: texts[0] for lang, texts in (SENTENCES | SPACED).items()}
    for n, (lang, sentence) in enumerate(texts.items(), start=1):
        new_mission(content, _mission(lang), ["vi", lang, "en"], n)
        _append(content / _mission(lang) / "pages" / lang / "about" / "index.md", sentence)
    vi_pages = content / _mission("lo") / "pages" / "vi"
    _append(vi_pages / "about" / "index.md", f"Lãnh sự quán phục vụ bà con huyện {EXACT}.")
    _append(vi_pages / "contact" / "index.md", f"Địa chỉ cũ ghi là {PLAIN}, Nghệ An.")
    built = run("build", "--content", str(content), "--out", str(root / "out"),
                "--cache-dir", str(root / "cache"))
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    servers = {lang: serve_directory(root / "out" / _mission(lang)) for lang in texts}
    yield {lang: f"http://127.0.0.1:{s.server_address[1]}/" for lang, s in servers.items()}
    for server in servers.values():
        server.shutdown()


# Pagefind's UI lists the results at once and fills each in when its fragment has loaded:
# read the links once none is still loading, not when the first has come.
_SETTLED = ("() => document.querySelector('.pagefind-ui__result-link') !== null"
            " && document.querySelector('.pagefind-ui__results .pagefind-ui__loading') === null")


def _search(page: object, url: str) -> list[str]:
    page.goto(url)
    results = page.locator(".pagefind-ui__result-link")
    page.wait_for_function(_SETTLED, timeout=15000)
    return [urlsplit(href).path for href in
            results.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_a_word_inside_a_sentence_is_found(page: object, sites: dict[str, str],
                                           lang: str) -> None:
    sentence, word, _ = SENTENCES[lang]
    assert f" {word}" not in sentence and f"{word} " not in sentence  # no space around it
    found = _search(page, f"{sites[lang]}{lang}/search/?q={quote(word)}")
    assert f"/{lang}/about/" in found, found
    excerpt = page.locator(".pagefind-ui__result-excerpt").first.inner_text()
    assert SEPARATOR not in excerpt


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_words_written_together_in_the_query_are_found(page: object, sites: dict[str, str],
                                                       lang: str) -> None:
    _, _, words = SENTENCES[lang]
    found = _search(page, f"{sites[lang]}{lang}/search/?q={quote(words)}")
    assert f"/{lang}/about/" in found, found


@pytest.mark.parametrize("lang", sorted(SPACED))
def test_a_word_of_a_language_written_with_spaces_is_found(page: object, sites: dict[str, str],
                                                          lang: str) -> None:
    sentence, word = SPACED[lang]
    found = _search(page, f"{sites[lang]}{lang}/search/?q={quote(word)}")
    assert f"/{lang}/about/" in found, found
    assert page.evaluate("document.documentElement.dir") == \
        ("rtl" if is_rtl(lang) else "ltr")


@pytest.mark.parametrize("lang", sorted(SENTENCES | SPACED))
def test_the_script_font_is_published_and_used(page: object, sites: dict[str, str],
                                               lang: str) -> None:
    table = load_table(THEME / "fonts.yml")
    family = table.scripts[script_of(lang)]
    name = family_name(THEME / "assets" / "fonts", family)
    page.goto(f"{sites[lang]}{lang}/about/")
    page.wait_for_load_state("networkidle")
    css = page.evaluate(f"fetch('../../{FONTS_CSS}').then(r => r.text())")
    if in_system_fonts(table, lang):  # Chinese, Japanese: the reader's own fonts
        assert "@font-face" not in css
        return
    assert f'url("{family}/' in css
    loaded = page.evaluate(
        "async () => { await document.fonts.ready; return [...document.fonts]"
        ".filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, '')); }")
    assert name in loaded, (lang, loaded)


def test_vietnamese_without_diacritics_finds_the_page_with_them(page: object,
                                                                sites: dict[str, str]) -> None:
    found = _search(page, f"{sites['lo']}search/?q={quote(PLAIN.lower())}")
    assert "/about/" in found and "/contact/" in found, found


def test_vietnamese_exact_diacritics_rank_first(page: object, sites: dict[str, str]) -> None:
    found = _search(page, f"{sites['lo']}search/?q={quote(EXACT)}")
    assert found[0] == "/about/", found
    assert "/contact/" in found, found


def test_published_pages_are_not_segmented(sites: dict[str, str]) -> None:
    """Only the search copies are: the page keeps the sentence as written."""
    import urllib.request

    for lang, (sentence, _, _) in SENTENCES.items():
        with urllib.request.urlopen(f"{sites[lang]}{lang}/about/") as response:
            html = response.read().decode("utf-8")
        assert sentence.rstrip(".。។") in html and SEPARATOR not in html


def test_segmenting_keeps_tags_and_scripts() -> None:
    page = ('<html lang="lo"><title>ກົງສຸນທູດ</title><p title="ກົງສຸນທູດ">ກົງສຸນທູດ</p>'
            '<script>var a = "ກົງສຸນທູດ";</script>').encode()
    out = segment_html(page).decode()
    assert out.count(f"ກົງສຸນ{SEPARATOR}ທູດ") == 2  # the title and the paragraph
    assert 'title="ກົງສຸນທູດ"' in out and 'var a = "ກົງສຸນທູດ"' in out
    assert segment_html(b"<p>Vi\xe1\xbb\x87t</p>") == b"<p>Vi\xe1\xbb\x87t</p>"


def test_query_and_index_segment_the_same_ranges() -> None:
    from chancery.pipeline.segment import SEGMENTED_SCRIPTS

    script = (THEME / "assets" / "scripts" / "segment.js").read_text(encoding="utf-8")
    run_class = re.search(r"var RUN = /\[([^\]]+)\]", script)[1]
    spans = set(re.findall(r"\\u([0-9A-F]{4})-\\u([0-9A-F]{4})", run_class))
    python = {(a, b) for ranges in SEGMENTED_SCRIPTS.values()
              for a, b in re.findall(r"(.)-(.)", ranges)}
    assert spans == {(f"{ord(a):04X}", f"{ord(b):04X}") for a, b in python}
