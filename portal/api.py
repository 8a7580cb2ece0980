"""The JSON listings' shape: a catalogue's list query parameters in (plus `lang`), one
page of its published objects out, with the count, the neighbouring pages and the facets.
Each catalogue says how one object reads (its `as_json`); see docs/search.md."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from .translation import LANGUAGE_CODES


def error(message, **details):
    return JsonResponse({"error": message, **details}, status=400)


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"?{query.urlencode()}")


def named(item):
    return {"slug": item.slug, "name": item.name} if item else None


def where(content):
    """The municipality of a practice or programme, and its country."""
    municipality = content.municipality
    return {
        "municipality": named(municipality),
        "country": municipality.country if municipality else None,
    }


def facets_as_json(groups):
    return {
        group.name: [
            {"value": option.value, "label": option.label, "count": option.count}
            for option in group.options
        ]
        for group in groups
    }


def listing_response(request, listing, as_json, prefetch=()):
    """One page of `listing(request, lang)` (a portal.listing.Listing) as JSON, each by
    `as_json(request, obj)` with the relations in `prefetch` fetched beforehand; a 400
    that says what is wrong for an unknown language, filter value or page."""
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in LANGUAGE_CODES:
        return error(_("Unknown language."), allowed=LANGUAGE_CODES)
    with translation.override(lang):
        listing = listing(request, lang)
        if listing.filter.form.errors:
            return error(_("Invalid parameters."), fields=listing.filter.form.errors)
        if ignored := listing.filter.ignored():
            unknown = [{"facet": name, "value": value} for name, _label, value in ignored]
            return error(_("Unknown filter values."), unknown=unknown)
        try:
            page = listing.pages(whole=True).page(request.GET.get("page") or 1)
        except InvalidPage:
            return error(_("This page does not exist."))
        objects = list(page.object_list)
        prefetch_related_objects(objects, *prefetch)
        response = JsonResponse(
            {
                "count": listing.total,
                "next": page_url(request, page.next_page_number()) if page.has_next() else None,
                "previous": (
                    page_url(request, page.previous_page_number()) if page.has_previous() else None
                ),
                "results": [as_json(request, obj) for obj in objects],
                "facets": facets_as_json(listing.facets()),
            },
            json_dumps_params={"ensure_ascii": False},
        )
        response.cacheable = listing.is_canonical(extra=["lang"])
        return response
