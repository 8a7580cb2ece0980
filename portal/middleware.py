from django.conf import settings
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.utils.translation import get_language_from_path

NUL = "\x00"


class LeaveOutNul:
    """PostgreSQL stores no NUL character (U+0000), and a query with one fails. An address
    with one is a page that cannot exist (404); in a query string's names and values it
    is left out, so no filter, search or lookup sends one to the database. (Forms refuse
    it themselves: Django's text fields do, with a message.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404
        if any(NUL in name or NUL in "".join(values) for name, values in request.GET.lists()):
            cleaned = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                cleaned.setlist(name.replace(NUL, ""), [v.replace(NUL, "") for v in values])
            # The page's own links and its cache key are made from the cleaned address.
            request.META["QUERY_STRING"] = cleaned.urlencode()
            request.GET = QueryDict(request.META["QUERY_STRING"])
        return self.get_response(request)


class RememberLanguage:
    """Keep the language of the page a reader last read in the language cookie, so that
    their next visit to `/` opens in it rather than in their browser's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response


def takes_files(count):
    """Mark a view that takes up to `count` files in a request (RefuseLargeBodies)."""

    def mark(view):
        view.files_taken = count
        return view

    return mark


class RefuseLargeBodies:
    """A request whose body is larger than its limit is answered 413 before the body is
    read: nothing of it is written to disk or memory, nothing is stored. The limit is
    REQUEST_MAX_BYTES, and room for the files a view takes (`takes_files`): for
    FILES_PER_REQUEST files sent to admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, _args, _kwargs):
        # Before any middleware that reads the body (CSRF does): keep it above them.
        length = request.META.get("CONTENT_LENGTH") or "0"
        if length.isdecimal() and int(length) > (limit := self.limit(request, view)):
            return render(request, "413.html", {"limit": limit}, status=413)
        return None

    @staticmethod
    def limit(request, view):
        files = getattr(view, "files_taken", 0)
        if request.path.startswith(f"/{settings.ADMIN_URL}"):
            files = settings.FILES_PER_REQUEST
        if request.content_type != "multipart/form-data":
            files = 0
        return settings.REQUEST_MAX_BYTES + files * settings.ATTACHMENT_MAX_BYTES


class BrowserPolicies:
    """The headers Django does not set itself: Permissions-Policy (the portal needs no
    camera, microphone, location…) and Cross-Origin-Resource-Policy (no other site may
    load its pages or files into theirs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
