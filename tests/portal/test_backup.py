"""A backup and restore of the whole catalogue, as docs/deployment.md describes it
(`manage.py dumpdata --format xml` then `loaddata`; JSON would round times to the
millisecond), loses nothing: every row and every field, every
translation, the moderation record and the submitters' details."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from practices import moderation
from practices.models import Submission

BACKED_UP = ["practices", "trainings", "auth.user", "auth.group"]


def snapshot():
    """Every row of every model of the backed-up apps, with all its fields."""
    models = [m for m in apps.get_models() if m._meta.app_label in ("practices", "trainings")]
    rows = {m._meta.label: sorted(map(repr, m.objects.values())) for m in models}
    rows["auth.group"] = sorted(
        (group.name, sorted(group.permissions.values_list("codename", flat=True)))
        for group in apps.get_model("auth.group").objects.all()
    )
    return rows


@pytest.mark.django_db(transaction=True)  # flush empties the tables for real
def test_dumpdata_and_loaddata_give_back_the_whole_catalogue(make_submission, editor, tmp_path):
    moderation.request_changes(make_submission().practice, by=editor, note="Une date ?")
    before = snapshot()
    assert len(before["practices.Practice"]) == 8 and before["trainings.TrainingProgramme"]

    backup = str(tmp_path / "catalogue.xml")
    options = ["--natural-foreign", "--format", "xml", "--output", backup]
    call_command("dumpdata", *BACKED_UP, *options, stdout=StringIO())
    call_command("flush", "--no-input", stdout=StringIO())
    assert snapshot()["practices.Practice"] == []
    call_command("loaddata", backup, stdout=StringIO())

    assert snapshot() == before
    restored = Submission.objects.get()
    assert restored.email == "marie@example.org" and restored.practice.title_fr
