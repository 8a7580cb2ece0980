"""What a reader sees on the practice pages."""

import re

from practices.models import Domain, Practice


def test_practice_page_shows_ratings_in_words(client, make_practice):
    practice = make_practice(reach=1, recurrence=4)
    html = client.get(f"/en/practices/{practice.slug}/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Reach: 1 of 4 (one service or a small group of people)" in text
    assert "Recurrence: 4 of 4 (a permanent part of how the municipality works)" in text


def test_missing_translation_shows_the_original_with_its_language(client, make_practice):
    practice = make_practice(title_nl="Alleen in het Nederlands", what_nl="Vormingen")
    html = client.get(f"/fr/practices/{practice.slug}/").content.decode()

    assert '<h1 lang="nl">Alleen in het Nederlands</h1>' in html
    assert '<div lang="nl"><p>Vormingen</p></div>' in html
    assert "néerlandais" in html  # the notice names the original language


def test_translated_practice_has_no_notice_nor_lang_override(client, make_practice):
    practice = make_practice(title_fr="Seulement traduit", summary_fr="Résumé")
    html = client.get(f"/fr/practices/{practice.slug}/").content.decode()
    assert "<h1>Seulement traduit</h1>" in html
    assert 'lang="nl"' not in html.split("<main", 1)[1]
    assert 'class="notice"' not in html


def test_notice_shows_when_any_text_is_only_in_the_original(client, make_practice):
    practice = make_practice(title_fr="Titre", summary_fr="Résumé", why_nl="Omdat het moet")
    html = client.get(f"/fr/practices/{practice.slug}/").content.decode()
    assert "<h1>Titre</h1>" in html
    assert 'class="notice"' in html
    assert '<div lang="nl"><p>Omdat het moet</p></div>' in html


def test_only_web_links_become_links(client, make_practice):
    practice = make_practice(links="https://www.hasselt.be\njavascript:alert(1)")
    html = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert '<a href="https://www.hasselt.be">' in html
    assert "javascript:" not in html


def test_user_text_is_escaped(client, make_practice):
    practice = make_practice(title_nl="<script>alert(1)</script>", what_nl="<b>vet</b>")
    html = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>vet</b>" not in html


def test_similar_practices_come_from_the_same_domain(client, make_practice):
    practice = make_practice()
    neighbour = make_practice(title_nl="Buur")
    html = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert neighbour.get_absolute_url() in html


def test_list_is_paginated_and_keeps_parameters(client, make_practice, settings):
    settings.PRACTICES_PER_PAGE = 2
    for _ in range(5):
        make_practice()
    html = client.get("/nl/practices/?page=2").content.decode()
    assert "Pagina 2 van 3" in html
    assert 'href="?page=3"' in html and 'href="?page=1"' in html


def test_demo_detail_shows_partners_and_domain_recommendations(client, catalogue):
    html = client.get("/en/practices/hasselt-customer-friendly-services/").content.decode()
    assert "Unia" in html
    assert "/en/recommendations/diversity-in-municipal-hr-policy/" in html
    assert "/en/municipalities/hasselt/" in html


def test_practices_editors_link_come_first_among_similar(client, make_practice, municipality):
    other_domain = Domain.objects.create(slug="services", name_nl="Dienstverlening")
    practice = make_practice()
    same_domain = [make_practice() for _ in range(3)]
    linked = make_practice(domain=other_domain)
    make_practice(domain=other_domain)  # neither linked nor in the domain
    practice.similar.add(linked)

    similar = Practice.objects.published().similar_to(practice, count=4)

    assert similar[0] == linked
    assert set(similar[1:]) == set(same_domain)
