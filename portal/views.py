import threading
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse

from practices.models import Domain, Practice, Status
from trainings.models import TrainingProgramme

from .caching import cached_page

HEALTH_WAIT = 1.5  # seconds


@cached_page
def home(request):
    domains = Domain.objects.annotate(
        practice_count=Count("practices", filter=Q(practices__status=Status.PUBLISHED))
    )
    latest = Practice.objects.published().for_cards().newest_first()[:6]
    trainings = TrainingProgramme.objects.published().for_cards().prefetch_related("formats")[:3]
    context = {"domains": domains, "latest": latest, "trainings": trainings}
    return render(request, "portal/home.html", context)


def robots(request):
    """Crawl everything public; the sitemap lists it. Not the submitters' private pages.
    (Admin is left out on purpose: naming it here would publish its address.)"""
    lines = [
        "User-agent: *",
        "Disallow: /*/share/status/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """The portal's icon, for browsers that ask /favicon.ico (on the admin's pages, which
    do not name it)."""
    return redirect(static("img/favicon.svg"))  # not permanent: the hashed name changes


def database_answers():
    """A real round trip to the database, on a connection of this thread's own."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False
    finally:
        connection.close()


def cache_answers():
    """Whether the cache keeps what it is given (a failing one gives up by itself within
    half a second: portal.cache)."""
    probe = f"health:{uuid.uuid4()}"
    cache.set(probe, True, 10)
    kept = cache.get(probe, False)
    cache.delete(probe)
    return kept


def health(request):
    """Each dependency by name; 200 when the database answers, else 503 (the portal
    works without its cache, more slowly). Answers within about two seconds whatever
    hangs: the database is asked in a thread of its own and given HEALTH_WAIT seconds."""
    answers = []
    asking = threading.Thread(target=lambda: answers.append(database_answers()), daemon=True)
    asking.start()
    asking.join(HEALTH_WAIT)
    database = bool(answers and answers[0])
    body = {"status": "ok" if database else "unavailable", "database": database}
    return JsonResponse({**body, "cache": cache_answers()}, status=200 if database else 503)
