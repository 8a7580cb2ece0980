"""The editors' desk on admin's front page: what waits on whom, counted, each a link to
the list it counts."""

import re
from datetime import timedelta

from django.utils import timezone

from portal import tracking
from portal.models import Email
from practices import moderation
from practices.models import Practice, Recommendation, StatusChange
from trainings.models import TrainingProgramme


def desk(editor_client):
    """{link: (label, count, detail)} of the desk's rows."""
    html = editor_client.get("/admin/").content.decode()
    assert "Inclusieve gemeente: redactietafel" in html and "Wat er wacht" in html
    rows = re.findall(
        r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>\s*<td>(\d+)</td>\s*<td>([^<]*)</td>',
        html,
    )
    cells = re.findall(r'<td><a href="([^"]+)" aria-label="([^"]+): (\d+)">(\d+)</a></td>', html)
    for _link, _label, named, shown in cells:
        assert named == shown  # the count read aloud is the one shown
    return {
        link.replace("&amp;", "&"): (label, int(count), detail)
        for link, label, count, detail in rows + [(*cell[:3], "") for cell in cells]
    }


def test_the_desk_counts_what_waits_and_links_to_it(
    editor_client, editor, make_submission, django_assert_max_num_queries
):
    first, _second, third = (make_submission(title=f"Initiative {n}") for n in range(3))
    StatusChange.objects.filter(practice=first.practice).update(
        at=timezone.now() - timedelta(days=12)
    )
    moderation.request_changes(third.practice, by=editor, note="Une date, svp.")
    Email.objects.create(recipients=["a@example.org"], subject="x", body="", status="failed")
    Email.objects.create(recipients=["b@example.org"], subject="y", body="", status="sent")
    stale = Practice.objects.published().filter(language="nl").first()
    stale.title_nl += " (herzien)"
    stale.save()  # its four translations out of date
    by_machine = Practice.objects.published().exclude(language="sv").last()
    by_machine.save(machine=["sv"])
    programme = TrainingProgramme.objects.published().exclude(language="fr").first()
    for field in tracking.fields(programme):
        setattr(programme, f"{field}_fr", "")
    programme.save()  # its French missing
    advice = Recommendation.objects.filter(language="nl").first()
    advice.summary_nl += " Begin klein."
    advice.save()  # its translations out of date
    practices = "/admin/practices/practice/"
    rows = desk(editor_client)
    assert list(rows)[0] == f"{practices}?status__exact=submitted"  # what waits longest first
    assert rows[f"{practices}?status__exact=submitted"][1:] == (2, "de oudste wacht al 12 dagen")
    assert rows[f"{practices}?status__exact=changes_requested"][1] == 1
    assert rows[f"{practices}?check=due"][1] == Practice.objects.due_for_check().count()
    assert rows["/admin/portal/email/?status__exact=failed"][1] == 1
    grids = {
        f"{practices}?status__exact=published&": Practice.objects.published(),
        "/admin/practices/recommendation/?": Recommendation.objects.all(),
        "/admin/trainings/trainingprogramme/?is_published__exact=1&": (
            TrainingProgramme.objects.published()
        ),
    }
    for url, published in grids.items():
        for code in ("nl", "fr", "de", "en", "sv"):
            for state in ("missing", "out-of-date", "machine"):
                expected = sum(p.translation_states()[code] == state for p in published)
                assert rows[f"{url}translation={state}:{code}"][1] == expected
    assert rows[f"{practices}?status__exact=published&translation=out-of-date:de"][1] >= 1
    assert rows[f"{practices}?status__exact=published&translation=machine:sv"][1] >= 1
    programmes = "/admin/trainings/trainingprogramme/?is_published__exact=1"
    assert rows[f"{programmes}&translation=missing:fr"][1] >= 1
    assert rows["/admin/practices/recommendation/?translation=out-of-date:fr"][1] >= 1
    for link in rows:  # each leads to the list it counts
        assert editor_client.get(link).status_code == 200, link
    # a query a row (3), two a grid (3 x 2) and the e-mails (1), whatever their size
    with django_assert_max_num_queries(3 + 3 * 2 + 1 + 5):
        editor_client.get("/admin/")
