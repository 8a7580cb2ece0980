"""The JSON listing: the practice list's query parameters in, published practices out."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .browse import Listing
from .caching import cached_page, catalogue_version

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def error(message, **details):
    return JsonResponse({"error": message, **details}, status=400)


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"?{query.urlencode()}")


def named(item):
    return {"slug": item.slug, "name": item.name} if item else None


def facets_as_json(groups):
    return {
        group.name: [
            {"value": option.value, "label": option.label, "count": option.count}
            for option in group.options
        ]
        for group in groups
    }


def as_json(request, practice):
    return {
        "slug": practice.slug,
        "title": practice.localized("title").text,
        "summary": practice.localized("summary").text,
        "municipality": named(practice.municipality),
        "country": practice.municipality.country if practice.municipality else None,
        "domain": named(practice.domain),
        "themes": [named(theme) for theme in practice.themes.all()],
        "reach": practice.reach,
        "recurrence": practice.recurrence,
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "languages": practice.languages.split(),
    }


@require_GET
@cached_page
def practice_list(request):
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in LANGUAGE_CODES:
        return error(_("Unknown language."), allowed=LANGUAGE_CODES)
    with translation.override(lang):
        listing = Listing(request.GET, lang, catalogue_version(request))
        if listing.filter.form.errors:
            return error(_("Invalid parameters."), fields=listing.filter.form.errors)
        if ignored := listing.filter.ignored():
            unknown = [{"facet": name, "value": value} for name, _label, value in ignored]
            return error(_("Unknown filter values."), unknown=unknown)
        try:
            page = listing.paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            return error(_("This page does not exist."))
        practices = page.object_list.prefetch_related("themes")
        return JsonResponse(
            {
                "count": listing.total,
                "next": page_url(request, page.next_page_number()) if page.has_next() else None,
                "previous": (
                    page_url(request, page.previous_page_number()) if page.has_previous() else None
                ),
                "results": [as_json(request, practice) for practice in practices],
                "facets": facets_as_json(listing.facets()),
            },
            json_dumps_params={"ensure_ascii": False},
        )
