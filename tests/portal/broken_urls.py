"""The portal's URLs plus one that fails, to see the 500 page and its headers."""

from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def broken(request):
    raise RuntimeError("a deliberate failure")


urlpatterns = [*portal_urlpatterns, path("broken/", broken)]
