from django.utils.translation import gettext_lazy as _

from portal.feeds import ListingFeed

from .filters import PracticeFilter
from .models import ListedPractice


class PracticeFeed(ListingFeed):
    filterset_class = PracticeFilter
    list_url_name = "practices:list"
    title_text = _("New practices · Inclusive municipality")

    def published(self):
        return ListedPractice.objects.all()

    def item_categories(self, item):
        return [item.domain.name]
