"""What the trainings add to the editors' desk (portal.desk): the grid of the
translations of published training programmes waiting."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portal import desk

from .models import TrainingProgramme


def items(languages=None):
    programmes = reverse("admin:trainings_trainingprogramme_changelist")
    return desk.translations(
        _("Translations of published training programmes"),
        TrainingProgramme.objects.published(),
        f"{programmes}?is_published__exact=1",
        languages,
    )
