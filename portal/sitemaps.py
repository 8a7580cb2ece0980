"""sitemap.xml: every public page in every language, each with its alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal.models import Page
from practices.models import Domain, Municipality, Practice, Recommendation
from trainings.models import TrainingProgramme


class InEveryLanguage(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000  # addresses a page, each listing its 5 languages and x-default


class Pages(InEveryLanguage):
    def items(self):
        return ["home", "practices:list", "trainings:list", "practices:share", *Page.Kind.values]

    def location(self, item):
        return reverse(item)


class BySlug(InEveryLanguage):
    """Objects by (slug, last change), fetched without their texts."""

    url_name = ""

    def location(self, item):
        return reverse(self.url_name, args=[item[0]])


class Published(BySlug):
    """Published content: practices or training programmes, with their last change."""

    def __init__(self, queryset, url_name):
        self.queryset, self.url_name = queryset, url_name

    def items(self):
        return self.queryset.order_by("pk").values_list("slug", "updated_at")

    def lastmod(self, item):
        return item[1]


class Vocabulary(BySlug):
    def __init__(self, model, url_name):
        self.model, self.url_name = model, url_name

    def items(self):
        return self.model.objects.order_by("pk").values_list("slug", "pk")


SITEMAPS = {
    "pages": Pages,
    "practices": Published(Practice.objects.published(), "practices:detail"),
    "trainings": Published(TrainingProgramme.objects.published(), "trainings:detail"),
    "domains": Vocabulary(Domain, "practices:domain"),
    "municipalities": Vocabulary(Municipality, "practices:municipality"),
    "recommendations": Vocabulary(Recommendation, "practices:recommendation"),
}
