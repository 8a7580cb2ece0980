from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from portal import relay
from portal.caching import cached_page, catalogue_version
from portal.exports import FIRST_COLUMNS, csv_response, described, names, streamed
from portal.listing import Listing, list_page

from ..filters import PracticeFilter
from ..models import Domain, ListedPractice, Municipality, Practice, Recommendation


def paginate(request, queryset):
    """One page of the queryset: the first for a malformed number, the last for a big one."""
    return Paginator(queryset, settings.PRACTICES_PER_PAGE).get_page(request.GET.get("page"))


def practice_page(queryset, **lookup):
    """The practice with everything its page shows, and what the page shows beside it;
    404 when `queryset` does not hold it."""
    queryset = queryset.for_cards().prefetch_related(
        "themes", "target_groups", "partners", "documents"
    )
    practice = get_object_or_404(queryset, **lookup)
    return {
        "practice": practice,
        "similar": Practice.objects.published().cards().similar_to(practice),
        "recommendations": practice.domain.recommendations.all(),
        "trainings": practice.trainings.published().prefetch_related("formats"),
    }


def practice_listing(request, lang):
    """The published practices under the filters of the request's query string."""
    listed = ListedPractice.objects.all()
    return Listing(PracticeFilter, listed, request.GET, lang, catalogue_version(request))


@cached_page
def practice_list(request):
    listing = practice_listing(request, get_language())
    template = "practices/practice_list.html"
    return list_page(
        request, listing, template, "practices:feed", "practices:csv", "practices:alert-new"
    )


@cached_page
def practice_detail(request, slug):
    context = practice_page(Practice.objects.published(), slug=slug)
    return render(request, "practices/practice_detail.html", context)


CSV_COLUMNS = [
    *FIRST_COLUMNS, _("Policy domain"), _("Themes"), _("Target groups"), _("Reach"),
    _("Recurrence"), _("Year started"), _("State"), _("Published on"), _("Address"),
]  # fmt: skip


def practice_csv(request):
    """The practices of the list's address, every page of them, as a spreadsheet."""
    lang = get_language()
    matching = practice_listing(request, lang).filter.practices()
    practices = streamed(matching, "themes", "target_groups")

    def row(practice):
        return [
            *described(practice),
            practice.domain.name,
            names(practice.themes),
            names(practice.target_groups),
            practice.reach,
            practice.recurrence,
            practice.started_in or "",
            practice.get_state_display(),
            practice.published_at.date().isoformat(),
            request.build_absolute_uri(practice.get_absolute_url()),
        ]

    header = [str(label) for label in CSV_COLUMNS]
    rows = (row(practice) for practice in practices)
    return csv_response(f"practices-{lang}.csv", header, rows)


def document(request, slug, pk, small=False):
    """A practice's file (or an image's thumbnail): for everyone once the practice is
    published, before that for editors only (preview). Documents are downloaded, never
    shown in the browser."""
    practices = Practice.objects.all()
    if not request.user.has_perm("practices.change_practice"):
        practices = practices.published()
    practice = get_object_or_404(practices, slug=slug)
    document = get_object_or_404(practice.documents, pk=pk)
    stored = document.thumbnail if small else document.file
    if not stored:
        raise Http404
    return FileResponse(
        stored.open("rb"),
        content_type=document.content_type,
        as_attachment=not document.is_image(),
        filename=document.download_name(),
    )


@require_http_methods(["GET", "POST"])
def write(request, slug):
    practice = get_object_or_404(Practice.objects.published(), slug=slug)
    return relay.write(request, practice, reverse("practices:write-sent", args=[slug]))


def write_sent(request, slug):
    return relay.sent(request, get_object_or_404(Practice.objects.published(), slug=slug))


def domain_detail(request, slug):
    domain = get_object_or_404(Domain, slug=slug)
    context = {
        "domain": domain,
        "feed_url": f"{reverse('practices:feed')}?domain={domain.slug}",
        "recommendations": domain.recommendations.all(),
        "page": paginate(request, domain.practices.published().cards().newest_first()),
    }
    return render(request, "practices/domain_detail.html", context)


def municipality_detail(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    practices = municipality.practices.published().cards().newest_first()
    context = {
        "municipality": municipality,
        "page": paginate(request, practices),
        "feed_url": f"{reverse('practices:feed')}?municipality={municipality.slug}",
    }
    return render(request, "practices/municipality_detail.html", context)


def recommendation_detail(request, slug):
    recommendation = get_object_or_404(Recommendation.objects.select_related("domain"), slug=slug)
    practices = recommendation.domain.practices.published().cards().newest_first()[:6]
    context = {"recommendation": recommendation, "practices": practices}
    return render(request, "practices/recommendation_detail.html", context)
