from django.utils.translation import gettext_lazy as _

from portal.feeds import ListingFeed

from .filters import TrainingFilter
from .models import TrainingProgramme


class TrainingFeed(ListingFeed):
    filterset_class = TrainingFilter
    list_url_name = "trainings:list"
    title_text = _("New training programmes · Inclusive municipality")

    def published(self):
        return TrainingProgramme.objects.published()
