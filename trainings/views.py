from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from portal import relay
from portal.caching import cached_page, catalogue_version
from portal.exports import FIRST_COLUMNS, csv_response, described, names, streamed
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
    template = "trainings/training_list.html"
    return list_page(request, listing, template, "trainings:feed", "trainings:csv")


CSV_COLUMNS = [
    *FIRST_COLUMNS, _("Format"), _("Themes"), _("Audience"), _("Effort"), _("People trained"),
    _("Published on"), _("Address"),
]  # fmt: skip


def training_csv(request):
    """The programmes of the list's address, every one of them, as a spreadsheet."""
    lang = get_language()
    listed = training_listing(request, lang).filter.qs
    programmes = streamed(listed, "formats", "themes", "audience")

    def row(programme):
        return [
            *described(programme),
            names(programme.formats),
            names(programme.themes),
            names(programme.audience),
            programme.effort(),
            programme.people_trained or "",
            programme.published_at.date().isoformat() if programme.published_at else "",
            request.build_absolute_uri(programme.get_absolute_url()),
        ]

    header = [str(label) for label in CSV_COLUMNS]
    return csv_response(f"trainings-{lang}.csv", header, (row(each) for each in programmes))


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
            Prefetch("practices", Practice.objects.published().cards()),
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
