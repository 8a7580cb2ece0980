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
from django.db import connection
from django.http import HttpResponse

from trainings.models import TrainingProgramme

from . import generation
from .models import PUBLIC_STATUSES, Practice

# Asked by every request for a cached page, so written out rather than built by the ORM
# each time (that took a third of such a request).
LAST_CHANGES = (
    "SELECT (SELECT MAX(updated_at) FROM {practices} WHERE status IN (%s, %s)),"
    " (SELECT MAX(updated_at) FROM {trainings})"
)


def last_changes():
    """When a practice that readers see (or just saw) and a training programme were last
    saved, in one query."""
    tables = {"practices": Practice._meta.db_table, "trainings": TrainingProgramme._meta.db_table}
    with connection.cursor() as cursor:
        cursor.execute(LAST_CHANGES.format(**tables), PUBLIC_STATUSES)
        return cursor.fetchone()


def current_version(counter=None):
    """The last changes of the content public pages show, and the catalogue's generation
    (practices.generation; `counter` when read already): the first serve app servers
    that share no cache, the second those that do, whatever their clocks."""
    return (*last_changes(), generation.current(counter))


def catalogue_version(request, counter=None):
    """The catalogue's version, asked once a request."""
    if not hasattr(request, "catalogue_version"):
        request.catalogue_version = current_version(counter)
    return request.catalogue_version


def page_key(request):
    """One entry an address: a page made for a newer version replaces the older one."""
    return f"page:{hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()}"


def is_cacheable(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cached_page(view):
    """Serve the view's successful answers from the cache (see the module's docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        found = cache.get_many([key, generation.KEY])  # one round trip to a shared cache
        version = catalogue_version(request, found.get(generation.KEY))
        if (page := found.get(key)) and page[0] == version:
            return HttpResponse(page[2], content_type=page[1])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            page = (version, response["Content-Type"], response.content)
            cache.set(key, page, settings.CATALOGUE_CACHE_TIMEOUT)
        return response

    return cached_view
