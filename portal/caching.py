"""Whole public pages of the catalogues (home, lists, detail pages, the JSON listings),
cached for readers without a session.

A page is kept under its full address (host, language prefix, query string) together
with the catalogue's version it was made for (portal.version), so a change readers see
makes every cached page stale at once, while a new submission or an edit of a draft
practice leaves them be; CATALOGUE_CACHE_TIMEOUT bounds how long a change that saves no
content (a deleted practice, a renamed theme) can go unseen. A reader who has a session
(an editor, say) always gets a page made for them, and so does any request but a GET or
HEAD. Only canonical addresses are kept (`is_kept`): an address with made-up parameters
or values is answered, never stored, so nobody can fill the cache.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import version


def catalogue_version(request, counter=None):
    """The catalogue's version, asked once a request."""
    if not hasattr(request, "catalogue_version"):
        request.catalogue_version = version.current_version(counter)
    return request.catalogue_version


def page_key(request):
    """One entry an address: a page made for a newer version replaces the older one."""
    return f"page:{hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()}"


def is_cacheable(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def is_kept(request, response):
    """Whether to keep a page: a whole, successful answer without cookies, for a
    canonical address. A list says whether its address is (`response.cacheable`, see
    portal.listing); any other page is kept only for its address without a query."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and getattr(response, "cacheable", not request.GET)
    )


def cached_page(view):
    """Serve the view's successful answers from the cache (see the module's docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        found = cache.get_many([key, version.KEY])  # one round trip to a shared cache
        current = catalogue_version(request, found.get(version.KEY))
        if (page := found.get(key)) and page[0] == current:
            return HttpResponse(page[2], content_type=page[1])
        response = view(request, *args, **kwargs)
        if is_kept(request, response):
            page = (current, response["Content-Type"], response.content)
            cache.set(key, page, settings.CATALOGUE_CACHE_TIMEOUT)
        return response

    return cached_view
