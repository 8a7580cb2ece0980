from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from practices import api

from . import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/practices/", api.practice_list, name="api-practices"),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("practices.urls")),
)
