"""A synthetic network in the documented content format, deterministic for a given seed.

``generate(root, missions, languages, posts)`` writes ``root/_hq`` (a copy of the
repository's HQ content) and, per mission, ``mission.yml``, the standard pages and
``posts`` news posts per language (about 400 words each, with a heading, a bullet list,
a table and a picture), plus one small PNG per post in ``media/news/``.
Standard library only, so the benchmark runs before any virtual environment exists.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from benchmarks.images import png
from benchmarks.text import VOCABULARIES, Writer

REPO = Path(__file__).resolve().parents[1]
HQ_SOURCE = REPO / "content" / "_hq"
WORDS_PER_POST = 400
LAST_POST = datetime(2026, 6, 30, 10, 0)


@dataclass(frozen=True)
class Host:
    """Where a mission is: its id, country, city, phone numbers, UTC offset, languages."""

    id: str
    country: str
    city: str
    street: str
    postal_code: str
    phone: str
    hotline: str
    utc_offset: int  # hours, for the posts' dates
    languages: tuple[str, ...]  # besides Vietnamese, most wanted first


HOSTS: tuple[Host, ...] = (
    Host("fr-paris", "FR", "Paris", "62 rue Boileau", "75016", "+33 1 44 14 64 00",
         "+33 6 12 34 56 78", 1, ("fr", "en")),
    Host("de-berlin", "DE", "Berlin", "Elsenstraße 3", "12435", "+49 30 5363 0108",
         "+49 151 2345 6789", 1, ("en", "fr")),
    Host("gb-london", "GB", "London", "12 Victoria Road", "W8 5RD", "+44 20 7937 1912",
         "+44 7911 123456", 0, ("en", "fr")),
    Host("jp-tokyo", "JP", "Tokyo", "50-11 Motoyoyogi-cho", "151-0062", "+81 3 3466 3311",
         "+81 90 1234 5678", 9, ("ja", "en")),
    Host("us-washington", "US", "Washington", "1233 20th Street NW", "20036",
         "+1 202 861 0737", "+1 202 250 3211", -5, ("en", "fr")),
    Host("ru-moscow", "RU", "Moscow", "Bolshaya Pirogovskaya 13", "119021", "+7 495 245 0925",
         "+7 916 123 4567", 3, ("en", "fr")),
    Host("cn-beijing", "CN", "Beijing", "32 Guanghua Road", "100600", "+86 10 6532 1155",
         "+86 138 1234 5678", 8, ("en", "fr")),
    Host("eg-cairo", "EG", "Cairo", "8 Madina El Monawara Street", "12311", "+20 2 3761 8867",
         "+20 100 123 4567", 2, ("ar", "en")),
    Host("it-rome", "IT", "Rome", "Via di Bravetta 156", "00164", "+39 06 854 3223",
         "+39 312 345 6789", 1, ("en", "fr")),
    Host("es-madrid", "ES", "Madrid", "Calle Arturo Soria 201", "28043", "+34 91 361 0799",
         "+34 612 34 56 78", 1, ("en", "fr")),
    Host("au-canberra", "AU", "Canberra", "6 Timbarra Crescent", "2606", "+61 2 6286 6059",
         "+61 412 345 678", 10, ("en", "fr")),
    Host("kr-seoul", "KR", "Seoul", "123 Samcheong-ro", "03053", "+82 2 720 5124",
         "+82 10 1234 5678", 9, ("en", "fr")),
    Host("in-new-delhi", "IN", "New Delhi", "17 Kautilya Marg", "110021", "+91 11 2687 9852",
         "+91 98765 43210", 5, ("en", "fr")),
    Host("th-bangkok", "TH", "Bangkok", "83/1 Wireless Road", "10330", "+66 2 650 8979",
         "+66 81 234 5678", 7, ("en", "fr")),
    Host("sg-singapore", "SG", "Singapore", "10 Leedon Park", "267887", "+65 6462 5938",
         "+65 9123 4567", 8, ("en", "fr")),
    Host("br-brasilia", "BR", "Brasília", "SEN Avenida das Nações", "70800-400",
         "+55 61 3364 5876", "+55 61 99123 4567", -3, ("en", "fr")),
    Host("za-pretoria", "ZA", "Pretoria", "87 Brooks Street", "0181", "+27 12 362 8119",
         "+27 82 123 4567", 2, ("en", "fr")),
    Host("ch-geneva", "CH", "Geneva", "Chemin François-Lehmann 18A", "1218",
         "+41 22 798 2485", "+41 79 123 45 67", 1, ("fr", "en")),
    Host("be-brussels", "BE", "Brussels", "Avenue de la Floride 1", "1180", "+32 2 379 27 37",
         "+32 470 12 34 56", 1, ("fr", "en")),
    Host("ca-ottawa", "CA", "Ottawa", "55 Mackay Street", "K1M 2B2", "+1 613 236 0772",
         "+1 613 236 1398", -5, ("en", "fr")),
    Host("se-stockholm", "SE", "Stockholm", "Örby Slottsväg 26", "125 71", "+46 8 556 210 70",
         "+46 70 123 45 67", 1, ("en", "fr")),
    Host("ae-abu-dhabi", "AE", "Abu Dhabi", "Villa 36, Al Khaleej Al Arabi Street", "00000",
         "+971 2 444 7800", "+971 50 123 4567", 4, ("ar", "en")),
)

LANGUAGE_ORDER = ("fr", "en", "ja", "ar")  # languages HQ's shared content is written in

MISSION_NAME = {
    "vi": "Đại sứ quán nước Cộng hòa xã hội chủ nghĩa Việt Nam tại {city}",
    "fr": "Ambassade de la République socialiste du Viet Nam à {city}",
    "en": "Embassy of the Socialist Republic of Viet Nam in {city}",
    "ja": "駐{city}ベトナム社会主義共和国大使館",
    "ar": "سفارة جمهورية فيتنام الاشتراكية في {city}",
}
JURISDICTION = {
    "vi": "Toàn bộ lãnh thổ nước sở tại", "fr": "L'ensemble du territoire du pays hôte",
    "en": "The whole territory of the host country",
    "ja": "接受国の全域", "ar": "كامل أراضي البلد المضيف",
}
SWITCHBOARD = {"vi": "Tổng đài", "fr": "Standard", "en": "Switchboard",
               "ja": "代表電話", "ar": "المقسم"}
OFFICE = {"vi": "Văn phòng", "fr": "Secrétariat", "en": "Office",
          "ja": "事務所", "ar": "المكتب"}

# The standard pages of every mission (as `build.py new mission` creates them), titled.
STANDARD_PAGES: dict[str, dict[str, str]] = {
    "index.md": {"vi": "Trang chủ", "fr": "Accueil", "en": "Home",
                 "ja": "ホーム", "ar": "الصفحة الرئيسية"},
    "about/index.md": {"vi": "Giới thiệu", "fr": "À propos de l'Ambassade",
                       "en": "About the Embassy", "ja": "大使館について",
                       "ar": "عن السفارة"},
    "about/head-of-mission.md": {"vi": "Đại sứ", "fr": "L'Ambassadeur", "en": "The Ambassador",
                                 "ja": "大使", "ar": "السفير"},
    "news/index.md": {"vi": "Tin tức", "fr": "Actualités", "en": "News",
                      "ja": "ニュース", "ar": "الأخبار"},
    "profile/index.md": {"vi": "Hồ sơ quốc gia", "fr": "Profil du pays",
                         "en": "Country profile",
                         "ja": "国別情報", "ar": "نبذة عن البلد"},
    "profile/host-country.md": {"vi": "Nước sở tại", "fr": "Le pays hôte",
                                "en": "Host country",
                                "ja": "接受国", "ar": "البلد المضيف"},
    "profile/relations.md": {"vi": "Quan hệ song phương", "fr": "Relations bilatérales",
                             "en": "Bilateral relations",
                             "ja": "二国間関係", "ar": "العلاقات الثنائية"},
    "consular/index.md": {"vi": "Dịch vụ lãnh sự", "fr": "Services consulaires",
                          "en": "Consular services",
                          "ja": "領事サービス", "ar": "الخدمات القنصلية"},
    "contact/index.md": {"vi": "Liên hệ", "fr": "Contact", "en": "Contact",
                         "ja": "お問い合わせ", "ar": "اتصل بنا"},
}


@dataclass(frozen=True)
class Spec:
    """What :func:`generate` wrote."""

    root: Path
    missions: tuple[str, ...]
    languages: dict[str, tuple[str, ...]]
    posts: int

    def post_file(self, mission: str, lang: str, number: int) -> Path:
        """The Markdown file of post ``number`` (0 = newest) in ``lang``."""
        year = post_date(number, 0).year
        return self.root / mission / "pages" / lang / "news" / str(year) / f"post-{number:04d}.md"


def hosts(count: int) -> list[Host]:
    """``count`` distinct missions; past the list, cities repeat with a numbered id."""
    chosen = []
    for i in range(count):
        base = HOSTS[i % len(HOSTS)]
        suffix = f"-{i // len(HOSTS) + 1}" if i >= len(HOSTS) else ""
        chosen.append(Host(base.id + suffix, *[getattr(base, f) for f in (
            "country", "city", "street", "postal_code", "phone", "hotline", "utc_offset",
            "languages")]))
    return chosen


def mission_languages(host: Host, count: int) -> tuple[str, ...]:
    """Vietnamese first, then the host's own choices, then the others."""
    wanted = ["vi"] + [c for c in (*host.languages, *LANGUAGE_ORDER) if c in VOCABULARIES]
    unique = list(dict.fromkeys(wanted))
    if count > len(unique):
        raise ValueError(f"at most {len(unique)} languages: {', '.join(unique)}")
    return tuple(unique[:count])


def post_date(number: int, utc_offset: int) -> datetime:
    """Post 0 is the newest; one post about every 1.7 days before it."""
    zone = timezone(timedelta(hours=utc_offset))
    moment = LAST_POST - timedelta(hours=41 * number, minutes=7 * (number % 9))
    return moment.replace(tzinfo=zone)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def mission_yml(host: Host, languages: tuple[str, ...]) -> str:
    def per_lang(table: dict[str, str], indent: int) -> str:
        return "\n".join(f"{' ' * indent}{code}: {_q(table[code].format(city=host.city))}"
                         for code in languages)

    return f"""\
# Synthetic mission for benchmarks (benchmarks/synthetic.py).
id: {host.id}
kind: embassy
host_country: {host.country}
languages: [{", ".join(languages)}]
name:
{per_lang(MISSION_NAME, 2)}
site_url: https://{host.id}.chancery.example/
address:
  street: {_q(host.street)}
  postal_code: {_q(host.postal_code)}
  city: {_q(host.city)}
  country: {host.country}
hotline: {_q(host.hotline)}
phones:
  - number: {_q(host.phone)}
    label:
{per_lang(SWITCHBOARD, 6)}
emails:
  - address: office@{host.id}.chancery.example
    label:
{per_lang(OFFICE, 6)}
jurisdiction:
{per_lang(JURISDICTION, 2)}
social:
  - network: facebook
    url: https://www.facebook.com/example.{host.id}
"""


def page_text(title: str, weight: int, body: str) -> str:
    return f"---\ntitle: {_q(title)}\nweight: {weight}\n---\n\n{body}\n"


def source_hash(text: str) -> str:
    """What ``build.py translated`` records: a short hash of the source's title and text."""
    _, meta, body = text.split("---\n", 2)
    title = json.loads(re.search(r"^title: (.*)$", meta, re.M).group(1))
    lines = "\n".join(line.rstrip() for line in body.strip().splitlines() if line.strip())
    return hashlib.sha256(f"{title}\n{lines}".encode()).hexdigest()[:12]


def mark_translated(text: str, source: str | None) -> str:
    """Add ``source_hash`` to a translation's front matter (as a translator's tool would)."""
    if source is None:
        return text
    return text.replace("\n---\n", f'\nsource_hash: "{source_hash(source)}"\n---\n', 1)


def post_text(writer: Writer, number: int, host: Host, categories: list[str]) -> str:
    """One post of about :data:`WORDS_PER_POST` words with a heading, list, table, picture."""
    rng = writer.rng
    cats = rng.sample(categories, 2 if number % 3 == 0 else 1)
    alt = writer.alt()
    image = f"/media/news/post-{number:04d}.png"
    head = [
        "---",
        f"title: {_q(writer.title(number + 1))}",
        f"date: {post_date(number, host.utc_offset).isoformat()}",
        f"categories: [{', '.join(cats)}]",
        f"tags: [{_q(writer.heading())}]",
        f"summary: {_q(writer.sentence())}",
        "image:",
        f"  src: {image}",
        f"  alt: {_q(alt)}",
        f"author: {_q(writer.words.author)}",
        "---",
        "",
    ]
    rows = writer.table(3)
    h = writer.words.table_head
    body = [
        writer.paragraph(3), "", f"![{alt}]({image})", "",
        f"## {writer.heading()}", "", writer.paragraph(5), "",
        *[f"- {item}" for item in writer.bullets(4)], "",
        writer.paragraph(4), "",
        f"| {h[0]} | {h[1]} | {h[2]} |", "| --- | ---: | --- |",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows], "",
        f"## {writer.heading()}", "", writer.paragraph(3), "",
    ]
    while _words("\n".join(body)) < WORDS_PER_POST:
        body += [writer.paragraph(3), ""]
    return "\n".join(head + body)


def _words(text: str) -> int:
    spaced = len(text.split())
    dense = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff") // 2  # Japanese: ~2 chars/word
    return spaced + dense


def hq_categories(hq_dir: Path) -> list[str]:
    """News category ids from ``hq.yml`` (``- id: ...`` lines of the ``news:`` section)."""
    text = (hq_dir / "hq.yml").read_text(encoding="utf-8")
    news = text.split("\nnews:", 1)[1]
    section = re.split(r"\n\S", news, maxsplit=1)[0]
    return re.findall(r"^\s*- id:\s*(\S+)", section, re.M)


def generate(root: Path, missions: int, languages: int, posts: int, seed: int = 837) -> Spec:
    """Write a network of ``missions`` × ``languages`` × ``posts`` into ``root`` (emptied)."""
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(HQ_SOURCE, root / "_hq")
    categories = hq_categories(root / "_hq")
    written: dict[str, tuple[str, ...]] = {}
    for index, host in enumerate(hosts(missions)):
        langs = mission_languages(host, languages)
        written[host.id] = langs
        folder = root / host.id
        folder.mkdir(parents=True)
        (folder / "mission.yml").write_text(mission_yml(host, langs), encoding="utf-8")
        media = folder / "media" / "news"
        media.mkdir(parents=True)
        for number in range(posts):
            (media / f"post-{number:04d}.png").write_bytes(png(48, 32, number + index * 1000))
        sources: dict[str, str] = {}  # the Vietnamese texts, which translations record
        for lang in langs:
            writer = Writer(lang, random.Random(f"{seed}/{host.id}/{lang}"))
            texts = {path: page_text(titles[lang], weight * 10, writer.paragraph(6))
                     for weight, (path, titles) in enumerate(STANDARD_PAGES.items(), start=1)}
            for number in range(posts):
                year = post_date(number, host.utc_offset).year
                texts[f"news/{year}/post-{number:04d}.md"] = post_text(
                    writer, number, host, categories)
            for path, text in texts.items():
                # Posts' front matter has no source_hash (the news schema rejects it).
                source = None if path.startswith("news/2") else sources.get(path)
                _write(folder / "pages" / lang / path,
                       text if lang == langs[0] else mark_translated(text, source))
            if lang == langs[0]:
                sources = texts
    spec = Spec(root, tuple(written), written, posts)
    return spec


def edit_post(spec: Spec, mission: str, lang: str, number: int = 0, text: str = "") -> Path:
    """Append a sentence to one post's body (its front matter is unchanged); return its file."""
    path = spec.post_file(mission, lang, number)
    extra = text or Writer(lang, random.Random(number)).sentence()
    path.write_text(path.read_text(encoding="utf-8") + f"\n{extra}\n", encoding="utf-8")
    return path


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
