"""/api/trainings/: the training list's filters in, published programmes out, in the
shape of every JSON listing (portal.api)."""

from django.views.decorators.http import require_GET

from portal.api import listing_response, named, where
from portal.caching import cached_page

from .views import training_listing


def as_json(request, training):
    return {
        "slug": training.slug,
        "title": training.localized("title").text,
        "summary": training.localized("summary").text,
        **where(training),
        "formats": [named(item) for item in training.formats.all()],
        "audience": [named(item) for item in training.audience.all()],
        "themes": [named(item) for item in training.themes.all()],
        "sessions": training.session_count,
        "hours_per_session": float(training.session_hours) if training.session_hours else None,
        "total_hours": float(training.total_hours) if training.total_hours else None,
        "effort": training.effort(),
        "people_trained": training.people_trained,
        "url": request.build_absolute_uri(training.get_absolute_url()),
        "languages": training.languages.split(),
    }


@require_GET
@cached_page
def training_list(request):
    return listing_response(request, training_listing, as_json, prefetch=["audience", "themes"])
