"""One page per consular service and the services index, rendered from data in each language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.consular.conftest import html


def content(site: Path, path: str) -> str:
    """The data block of a service page."""
    text = html(site, path)
    start = text.index('<div class="chancery-service"')
    return text[start:text.index("</article>", start)]


def section(block: str, anchor: str) -> str:
    """The HTML from the heading ``anchor`` to the next heading."""
    start = block.index(f'<h2 id="{anchor}">')
    end = block.find("<h2 ", start + 1)
    return block[start:end if end > 0 else len(block)]


def test_who_it_is_for_keeps_its_paragraphs(lyon_site: Path) -> None:
    part = section(content(lyon_site, "fr-lyon/fr/consular/notary/index.html"), "service-audience")
    assert "Pour qui</h2>" in part
    assert "<p>Les citoyens vietnamiens.</p>\n<p>Y compris les voyageurs.</p>" in part


def test_documents_are_a_list_in_the_page_language(lyon_site: Path) -> None:
    part = section(content(lyon_site, "fr-lyon/fr/consular/passport/index.html"),
                   "service-documents")
    assert "Pièces à fournir</h2>" in part
    assert part.count("<li>") == 4
    assert "<li>Le formulaire de demande de passeport (formulaire TK01), rempli.</li>" in part


def test_fees_keep_hq_labels_with_the_mission_amounts_in_the_locale(lyon_site: Path) -> None:
    fr = section(content(lyon_site, "fr-lyon/fr/consular/passport/index.html"), "service-fees")
    assert ('<tr><th scope="row">Nouveau passeport</th><td class="chancery-fees__amount">'
            '65,00\u00a0€</td><td><time datetime="2026-01-01">1 janvier 2026</time></td></tr>'
            ) in fr
    assert "130,50\u00a0€" in fr
    vi = section(content(lyon_site, "fr-lyon/consular/passport/index.html"), "service-fees")
    assert ('<th scope="row">Cấp mới hộ chiếu</th><td class="chancery-fees__amount">65,00\u00a0€'
            '</td><td><time datetime="2026-01-01">1 tháng 1, 2026</time>') in vi
    free = section(content(lyon_site, "fr-lyon/fr/consular/notary/index.html"), "service-fees")
    assert '<td class="chancery-fees__amount">Gratuit</td>' in free


def test_processing_time_with_its_note(lyon_site: Path) -> None:
    part = section(content(lyon_site, "fr-lyon/fr/consular/passport/index.html"),
                   "service-processing")
    assert "<strong>5 à 20 jours ouvrés</strong>. Plus long lorsque l&#39;identité" in part
    same_day = section(content(lyon_site, "fr-lyon/consular/notary/index.html"),
                       "service-processing")
    assert "<strong>Trong ngày</strong>. Khi nộp đủ hồ sơ." in same_day


def test_how_to_apply_with_online_and_appointment_links(lyon_site: Path) -> None:
    passport = section(content(lyon_site, "fr-lyon/fr/consular/passport/index.html"),
                       "service-apply")
    assert "<p>Déposez votre demande en personne à la section consulaire" in passport
    assert ('<a class="md-button" href="https://fr-lyon.test.example/rendez-vous/" '
            'rel="noopener">Prendre rendez-vous</a>') in passport
    notary = section(content(lyon_site, "fr-lyon/fr/consular/notary/index.html"), "service-apply")
    assert ('<a class="md-button md-button--primary" href="https://fr-lyon.test.example/'
            'demarches/" rel="noopener">Faire la demande en ligne</a>') in notary


def test_how_to_pay(lyon_site: Path) -> None:
    part = section(content(lyon_site, "fr-lyon/fr/consular/passport/index.html"), "service-payment")
    assert "<p>Les frais se paient à la section consulaire lors du dépôt de la demande.</p>" in part


def test_forms_link_a_file_that_is_published_and_give_its_fields_in_html(lyon_site: Path) -> None:
    page = "fr-lyon/fr/consular/passport/index.html"
    part = section(content(lyon_site, page), "service-forms")
    href = re.search(r'<a href="([^"]+)" download>Formulaire de demande de passeport ordinaire '
                     r'\(formulaire TK01\)</a> <span class="chancery-form__format">\(PDF\)</span>',
                     part).group(1)
    assert (lyon_site / urljoin(page, href)).read_bytes().startswith(b"%PDF")
    assert "<summary>Version HTML : ce que demande le formulaire</summary>" in part
    assert part.count("<li><strong>") == 7
    assert ("<li><strong>Numéro d&#39;identification personnel</strong><br>"
            '<span class="chancery-form__hint">Figure sur une carte d&#39;identité ou un passeport '
            "récent.</span></li>") in part


def test_legal_basis(lyon_site: Path) -> None:
    part = section(content(lyon_site, "fr-lyon/fr/consular/passport/index.html"),
                   "service-legal-basis")
    assert "Base juridique</h2>" in part
    assert "<li>Circulaire n° 264/2016/TT-BTC du ministère des Finances" in part


def test_the_visa_page_links_only_to_the_official_e_visa_portal(lyon_site: Path) -> None:
    for page in ("fr-lyon/consular/visa/index.html", "fr-lyon/fr/consular/visa/index.html"):
        block = content(lyon_site, page)
        links = re.findall(r'href="([^"]+)"', block)
        external = {urlsplit(link).hostname for link in links if urlsplit(link).scheme}
        assert external == {"evisa.gov.vn"}, page
        assert 'href="https://evisa.gov.vn/"' in block
        assert "Prendre rendez-vous" not in block and "Đặt lịch hẹn" not in block


def test_the_index_lists_the_offered_services_in_order(lyon_site: Path) -> None:
    text = html(lyon_site, "fr-lyon/fr/consular/index.html")
    block = text[text.index('<h2 id="consular-services">'):]
    links = re.findall(r'<a class="chancery-services__link" href="([^"]+)">([^<]+)</a>', block)
    assert links == [
        ("notary/", "Actes notariés"),
        ("visa/", "Visas pour les visiteurs étrangers"),
        ("passport/", "Passeports ordinaires"),
        ("legalisation/", "Légalisation et certification de documents"),
        ("citizen-protection/", "Protection des ressortissants"),
    ]
    for href, _ in links:
        assert (lyon_site / "fr-lyon/fr/consular" / href / "index.html").is_file()
    assert not (lyon_site / "fr-lyon/fr/consular/civil-status").exists()  # offered: false


def test_the_index_shows_hours_and_closures_in_the_page_language(lyon_site: Path) -> None:
    text = html(lyon_site, "fr-lyon/fr/consular/index.html")
    assert "<h2 id=\"opening-hours\">Horaires d'ouverture</h2>" in text
    assert ('<tr><th scope="row">Lundi</th><td>09:00–12:30, 14:00–17:00</td>'
            "<td>09:00–12:00</td></tr>") in text
    assert ('<li><time datetime="2026-12-24">jeudi 24 décembre 2026</time>: '
            "<span>Fermeture de fin d&#39;année</span></li>") in text
    assert ('<li><time datetime="2027-04-16">vendredi 16 avril 2027</time>: '
            "<span>Fête des rois Hùng</span> (Viet Nam)</li>") in text


def test_service_pages_are_in_the_navigation_switcher_and_table_of_contents(
    lyon_site: Path,
) -> None:
    text = html(lyon_site, "fr-lyon/fr/consular/passport/index.html")
    assert '<link rel="alternate" hreflang="vi" href="https://fr-lyon.test.example/consular/' \
           'passport/">' in text
    assert 'href="../notary/"' in text  # the navigation lists the other services
    assert '<a href="#service-fees" class="md-nav__link">' in text
    assert "<h1>Passeports ordinaires</h1>" in text
