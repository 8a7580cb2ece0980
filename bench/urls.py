"""The portal's URLs plus /<lang>/bench/floor/: the floor of every page's server time."""

from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import render
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def floor(request):
    """The portal's layout (base.html) around a heading: every page's work but no query."""
    return render(request, "bench/floor.html", {"title": "Floor"})


urlpatterns = [*portal_urlpatterns, *i18n_patterns(path("bench/floor/", floor))]
