import threading
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse

from practices.models import Domain, Practice, Status
from trainings.models import TrainingProgramme

from . import mail
from .caching import cached_page
from .models import Page

HEALTH_WAIT = 1.5  # seconds


@cached_page
def home(request):
    domains = Domain.objects.annotate(
        practice_count=Count("practices", filter=Q(practices__status=Status.PUBLISHED))
    )
    latest = Practice.objects.published().cards().newest_first()[:6]
    trainings = TrainingProgramme.objects.published().for_cards().prefetch_related("formats")[:3]
    context = {"domains": domains, "latest": latest, "trainings": trainings}
    return render(request, "portal/home.html", context)


def page(request, kind):
    """One of the portal's own pages (about, contact, privacy, accessibility), in the
    reader's language."""
    return render(request, "portal/page.html", {"page": get_object_or_404(Page, kind=kind)})


def robots(request):
    """Crawl everything public; the sitemap lists it. Not the submitters' private pages.
    (Admin is left out on purpose: naming it here would publish its address.)"""
    lines = [
        "User-agent: *",
        "Disallow: /*/share/status/",
        "Disallow: /*/alerts/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """The portal's icon, for browsers that ask /favicon.ico (on the admin's pages, which
    do not name it)."""
    return redirect(static("img/favicon.svg"))  # not permanent: the hashed name changes


def ask_database():
    """A real round trip to the database, on a connection of this thread's own, and the
    age of the oldest due task (portal.mail), None if it cannot be read."""
    answers = {"database": False, "oldest_task": None}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            answers["database"] = cursor.fetchone() == (1,)
        answers["oldest_task"] = mail.oldest_waiting_task()
    except DatabaseError:
        pass
    finally:
        connection.close()
    return answers


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
    works without its cache, more slowly, and e-mails wait in the database). Answers
    within about two seconds whatever hangs: the database is asked in a thread of its own
    and given HEALTH_WAIT seconds. `oldest_task` is how many seconds the task that waited
    longest for the worker has waited: a growing number means no worker is running."""
    answers = [{"database": False, "oldest_task": None}]
    asking = threading.Thread(target=lambda: answers.append(ask_database()), daemon=True)
    asking.start()
    asking.join(HEALTH_WAIT)
    database = answers[-1]
    body = {"status": "ok" if database["database"] else "unavailable", **database}
    return JsonResponse(
        {**body, "cache": cache_answers()}, status=200 if database["database"] else 503
    )
