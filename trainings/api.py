"""/api/trainings/: the training list's filters in, published programmes out, in the
shape of the JSON listing of practices (practices.api)."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.api import LANGUAGE_CODES, error, facets_as_json, named, page_url

from .views import filtered


def as_json(request, training):
    municipality = training.municipality
    return {
        "slug": training.slug,
        "title": training.localized("title").text,
        "summary": training.localized("summary").text,
        "municipality": named(municipality),
        "country": municipality.country if municipality else None,
        "formats": [named(item) for item in training.formats.all()],
        "audience": [named(item) for item in training.audience.all()],
        "themes": [named(item) for item in training.themes.all()],
        "sessions": training.session_count,
        "hours_per_session": float(training.session_hours) if training.session_hours else None,
        "total_hours": float(training.total_hours) if training.total_hours else None,
        "effort": training.effort(),
        "people_trained": training.people_trained,
        "url": request.build_absolute_uri(training.get_absolute_url()),
        "languages": training.available_languages(),
    }


@require_GET
def training_list(request):
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in LANGUAGE_CODES:
        return error(_("Unknown language."), allowed=LANGUAGE_CODES)
    with translation.override(lang):
        filterset, trainings, facets = filtered(request.GET, lang)
        if ignored := filterset.ignored():
            unknown = [{"facet": name, "value": value} for name, _label, value in ignored]
            return error(_("Unknown filter values."), unknown=unknown)
        try:
            page = Paginator(trainings, settings.PRACTICES_PER_PAGE).page(
                request.GET.get("page") or 1
            )
        except InvalidPage:
            return error(_("This page does not exist."))
        results = page.object_list.prefetch_related("audience", "themes")
        return JsonResponse(
            {
                "count": page.paginator.count,
                "next": page_url(request, page.next_page_number()) if page.has_next() else None,
                "previous": (
                    page_url(request, page.previous_page_number()) if page.has_previous() else None
                ),
                "results": [as_json(request, training) for training in results],
                "facets": facets_as_json(facets),
            },
            json_dumps_params={"ensure_ascii": False},
        )
