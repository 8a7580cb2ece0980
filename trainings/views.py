from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from portal import relay
from portal.caching import cached_page, catalogue_version
from portal.listing import Listing, list_page
from practices.models import Practice

from .filters import TrainingFilter
from .models import TrainingModule, TrainingProgramme


def training_listing(request, lang):
    """The published programmes under the filters of the request's query string."""
    published = TrainingProgramme.objects.published()
    return Listing(TrainingFilter, published, request.GET, lang, catalogue_version(request))


@cached_page
def training_list(request):
    listing = training_listing(request, get_language())
    return list_page(request, listing, "trainings/training_list.html", "trainings:feed")


@cached_page
def training_detail(request, slug):
    queryset = (
        TrainingProgramme.objects.published()
        .for_cards()
        .prefetch_related(
            "formats",
            "audience",
            "providers",
            "themes",
            Prefetch("modules", TrainingModule.objects.select_related("theme")),
            Prefetch("practices", Practice.objects.published().for_cards()),
        )
    )
    training = get_object_or_404(queryset, slug=slug)
    return render(request, "trainings/training_detail.html", {"training": training})


@require_http_methods(["GET", "POST"])
def write(request, slug):
    programme = get_object_or_404(TrainingProgramme.objects.published(), slug=slug)
    return relay.write(request, programme, reverse("trainings:write-sent", args=[slug]))


def write_sent(request, slug):
    return relay.sent(request, get_object_or_404(TrainingProgramme.objects.published(), slug=slug))
