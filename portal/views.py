from django.db.models import Count, Q
from django.shortcuts import render

from practices.models import Domain, Practice, Status


def home(request):
    domains = Domain.objects.annotate(
        practice_count=Count("practices", filter=Q(practices__status=Status.PUBLISHED))
    )
    latest = Practice.objects.published().for_cards().newest_first()[:6]
    return render(request, "portal/home.html", {"domains": domains, "latest": latest})
