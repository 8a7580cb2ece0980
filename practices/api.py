"""/api/practices/: the practice list's query parameters in, published practices out
(the shape is portal.api's)."""

from django.views.decorators.http import require_GET

from portal.api import listing_response, named, where
from portal.caching import cached_page

from .views.catalogue import practice_listing


def as_json(request, practice):
    return {
        "slug": practice.slug,
        "title": practice.localized("title").text,
        "summary": practice.localized("summary").text,
        **where(practice),
        "domain": named(practice.domain),
        "themes": [named(theme) for theme in practice.themes.all()],
        "reach": practice.reach,
        "recurrence": practice.recurrence,
        "state": practice.state,
        "ended_in": practice.ended_in,
        "doing_it_yourself": {field: practice.localized(field).text for field in practice.DOING},
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "languages": practice.languages.split(),
    }


@require_GET
@cached_page
def practice_list(request):
    return listing_response(request, practice_listing, as_json, prefetch=["themes"])
