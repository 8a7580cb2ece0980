from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse

from practices.models import Domain, Practice, Status
from trainings.models import TrainingProgramme

from .caching import cached_page


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


def health(request):
    """200 when the portal can reach its database (a real round trip), else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})
