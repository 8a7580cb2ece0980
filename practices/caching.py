"""Whole public pages of the catalogue (home, practice lists and pages, the JSON
listing), cached for readers without a session.

A page is kept under its full address (host, language prefix, query string) and the
catalogue's version (catalogue_version), so saving a practice that readers see (or that
was just archived) or a training programme makes every cached page stale at once, while
a new submission or an edit of a draft practice leaves them be; CATALOGUE_CACHE_TIMEOUT
bounds how long a change that saves no practice (a deleted practice, a renamed theme)
can go unseen. A reader who has a session (an editor, say) always gets a page made for
them, and so does any request but a GET or HEAD.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Subquery
from django.http import HttpResponse

from trainings.models import TrainingProgramme

from . import generation
from .models import PUBLIC_STATUSES, Practice


def last_changes():
    """When a practice that readers see (or just saw) and a training programme were last
    saved, in one query."""
    newest_training = TrainingProgramme.objects.order_by("-updated_at").values("updated_at")
    return Practice.objects.filter(status__in=PUBLIC_STATUSES).aggregate(
        practice=Max("updated_at"), training=Max(Subquery(newest_training[:1]))
    )


def catalogue_version(request):
    """The last changes of the content public pages show, and the catalogue's generation
    (practices.generation), asked once a request: the first serve app servers that share
    no cache, the second those that do, whatever their clocks."""
    if not hasattr(request, "catalogue_version"):
        request.catalogue_version = (*last_changes().values(), generation.current())
    return request.catalogue_version


def page_key(request):
    state = repr((request.build_absolute_uri(), catalogue_version(request)))
    return f"page:{hashlib.sha256(state.encode()).hexdigest()}"


def is_cacheable(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cached_page(view):
    """Serve the view's successful answers from the cache (see the module's docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        if found := cache.get(key):
            content, content_type = found
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            page = (response.content, response["Content-Type"])
            cache.set(key, page, settings.CATALOGUE_CACHE_TIMEOUT)
        return response

    return cached_view
