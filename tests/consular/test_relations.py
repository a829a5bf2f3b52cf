"""The bilateral-relations page: facts from data, the mission's text, agreements and visits."""

from __future__ import annotations

from pathlib import Path

from chancery.content.model.types import PartialDate, parse_partial_date
from chancery.features.profile.model import Relations
from chancery.features.profile.views import relations_view
from tests.consular.conftest import html


def test_partial_dates_keep_their_precision() -> None:
    assert parse_partial_date("1993") == PartialDate(1993)
    assert parse_partial_date("1993-02") == PartialDate(1993, 2)
    assert parse_partial_date(2018) == PartialDate(2018)
    assert PartialDate(1993, 2) < PartialDate(2018)


def test_relations_view_in_each_language() -> None:
    relations = Relations.model_validate({
        "established": "1973-09-21",
        "partnership": {"level": "comprehensive-strategic-partnership", "since": "2023-11"},
        "visits": [
            {"date": "2017-02", "to": "vietnam", "kind": "state",
             "role": {"vi": "Nhà vua Nhật Bản", "ja": "天皇陛下"}},
            {"date": "2009", "to": "host", "kind": "official",
             "role": {"vi": "Tổng Bí thư", "ja": "書記長"}},
        ],
    })
    ja = relations_view(relations, "ja", "ベトナム", "JP")
    assert ja.established == "1973年9月21日"
    assert (ja.partnership.level, ja.partnership.since) == (
        "包括的戦略的パートナーシップ", "2023年11月")
    assert [(v.date, v.heading) for v in ja.visits] == [
        ("2009年", "日本への公式訪問"), ("2017年2月", "ベトナムへの国賓訪問")]
    vi = relations_view(relations, "vi", "Việt Nam", "JP")
    assert vi.visits[1].heading == "Thăm cấp Nhà nước tới Việt Nam"
    assert vi.visits[0].heading == "Thăm chính thức Nhật Bản"


def test_facts_come_before_the_mission_text_and_history_after(lyon_site: Path) -> None:
    text = html(lyon_site, "fr-lyon/fr/profile/relations/index.html")
    facts, own, visits = (text.index('<dl class="chancery-facts">'),
                          text.index("Texte de la mission (fr)."),
                          text.index('<h2 id="high-level-visits">'))
    assert facts < own < visits
    assert ('<dd><time datetime="1973-04-12">12 avril 1973</time></dd>') in text
    assert "<dd>Partenariat stratégique (depuis septembre 2013)</dd>" in text
    assert ('<tr><th scope="row">Accord A</th><td><time datetime="2019-06-30">30 juin 2019</time>'
            "</td><td>1 août 2020</td></tr>") in text


def test_visits_in_order_described_by_role(lyon_site: Path) -> None:
    text = html(lyon_site, "fr-lyon/fr/profile/relations/index.html")
    time = '<time class="chancery-timeline__date" '
    first = text.index(time + 'datetime="1993-02">février 1993</time>')
    second = text.index(time + 'datetime="2018">2018</time>')
    assert first < second
    assert ('<strong>Visite d&#39;État : Viet Nam</strong>: Président de la République française'
            ) in text
    assert "<strong>Visite officielle : France</strong>: Secrétaire général" in text
    assert '<a href="#high-level-visits" class="md-nav__link">' in text
