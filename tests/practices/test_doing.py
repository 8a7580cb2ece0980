"""Doing it yourself: what a practice took, what it needed, what its team would do
differently and what another size of municipality should know, plus whether it still
runs. Shared through the form, shown on the page and in the JSON listing, searched."""

from practices import moderation
from practices.models import Practice, State, Submission
from tests.conftest import practice_listing
from tests.helpers import FRENCH_ANSWERS, send_share

DOING = {
    "state": "ended",
    "started_in": "2016",
    "ended_in": "2019",
    "resources": "Un budget de 4 000 euros et une coordinatrice à mi-temps.",
    "conditions": "Le soutien du collège et des formateurs qui connaissent le terrain.",
    "hindsight": "Nous enverrions un questionnaire aux agents avant la formation.",
    "other_sizes": "Une petite commune peut partager les formateurs avec ses voisines.",
}


def test_shared_published_shown_and_searched(client, catalogue, editor):
    response = send_share(client, {**FRENCH_ANSWERS, **DOING})
    assert response.status_code == 302
    practice = Submission.objects.get().practice
    assert (practice.state, practice.ended_in) == (State.ENDED, 2019)
    assert practice.hindsight_fr == DOING["hindsight"] and not practice.hindsight_nl
    moderation.publish(practice, by=editor)

    page = client.get(f"/fr/practices/{practice.slug}/").content.decode()
    block = page.split('<section class="doing"')[1].split("</section>\n      \n")[0]
    assert '<h2 id="doing-heading">À vous de jouer</h2>' in block
    assert "<h3>Ce que nous ferions autrement</h3>" in block
    for field in ("resources", "conditions", "hindsight", "other_sizes"):
        assert DOING[field] in block, field
    assert "Terminé en 2019" in page
    dutch = client.get(f"/nl/practices/{practice.slug}/").content.decode()
    assert f'<div lang="fr"><p>{DOING["hindsight"]}</p></div>' in dutch  # the original

    listed = client.get("/api/practices/?lang=fr&q=questionnaire").json()["results"]
    assert [item["slug"] for item in listed] == [practice.slug]
    assert listed[0]["doing_it_yourself"]["conditions"] == DOING["conditions"]
    assert (listed[0]["state"], listed[0]["ended_in"]) == ("ended", 2019)
    found = practice_listing({"q": "questionnaire"}, "fr").filter.practices()
    assert list(found) == [practice]


def test_a_practice_without_it_shows_no_empty_block(client, make_practice):
    practice = make_practice()
    page = client.get(f"/en/practices/{practice.slug}/").content.decode()
    assert 'class="doing"' not in page and "Running" in page


def test_a_year_ended_needs_an_ended_initiative_after_its_start(client, catalogue):
    running = send_share(client, {**FRENCH_ANSWERS, **DOING, "state": "running"}, "en")
    assert running.status_code == 400
    page = running.content.decode()
    assert "Leave the year empty, or choose" in page and DOING["hindsight"] in page
    early = send_share(client, {**FRENCH_ANSWERS, **DOING, "ended_in": "2015"}, "en")
    assert early.status_code == 400
    assert "not before the year it started" in early.content.decode()
    assert not Practice.objects.filter(title_fr=FRENCH_ANSWERS["title"]).exists()


def test_editors_get_a_message_not_an_error_for_a_year_on_a_running_practice(
    editor_client, make_practice
):
    practice = make_practice()
    url = f"/admin/practices/practice/{practice.pk}/change/"
    form = editor_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(state="running", ended_in="2020")
    for name in ("themes", "target_groups", "partners", "similar"):
        data.pop(name)
    response = editor_client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 200
    assert "Alleen een voorbeeld dat afgelopen is" in response.content.decode()
    assert Practice.objects.get(pk=practice.pk).ended_in is None
