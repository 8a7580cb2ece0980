from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from practices import api
from trainings import api as training_api

from . import views
from .models import Page
from .sitemaps import SITEMAPS

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("health/", views.health, name="health"),
    path("robots.txt", views.robots, name="robots"),
    path("favicon.ico", views.favicon),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("api/practices/", api.practice_list, name="api-practices"),
    path("api/trainings/", training_api.training_list, name="api-trainings"),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    *(path(f"{kind}/", views.page, {"kind": kind}, name=kind) for kind in Page.Kind.values),
    path("", include("practices.urls")),
    path("", include("trainings.urls")),
)
