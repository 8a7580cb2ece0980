from django.urls import path

from portal.caching import cached_page

from .feeds import PracticeFeed
from .views import alerts, catalogue, share

app_name = "practices"
urlpatterns = [
    path("practices/", catalogue.practice_list, name="list"),
    path("practices/feed/", cached_page(PracticeFeed()), name="feed"),
    path("practices/csv/", catalogue.practice_csv, name="csv"),
    path("practices/alerts/new/", alerts.new, name="alert-new"),
    path("practices/alerts/asked/", alerts.asked, name="alert-asked"),
    path("alerts/<str:token>/", alerts.manage, name="alert"),
    path("alerts/<str:token>/confirm/", alerts.confirm, name="alert-confirm"),
    path("alerts/<str:token>/stop/", alerts.stop, name="alert-stop"),
    path("practices/<slug:slug>/", catalogue.practice_detail, name="detail"),
    path("practices/<slug:slug>/write/", catalogue.write, name="write"),
    path("practices/<slug:slug>/files/<int:pk>/", catalogue.document, name="document"),
    path(
        "practices/<slug:slug>/files/<int:pk>/small/",
        catalogue.document,
        {"small": True},
        name="document-small",
    ),
    path("practices/<slug:slug>/write/sent/", catalogue.write_sent, name="write-sent"),
    path("domains/<slug:slug>/", catalogue.domain_detail, name="domain"),
    path("municipalities/<slug:slug>/", catalogue.municipality_detail, name="municipality"),
    path("recommendations/<slug:slug>/", catalogue.recommendation_detail, name="recommendation"),
    path("share/", share.share, name="share"),
    path("share/files/", share.share_files, name="share-files"),
    path("share/check/", share.check, name="share-check"),
    path("share/start-again/", share.start_again, name="share-start-again"),
    path("share/sent/<str:reference>/", share.sent, name="share-sent"),
    path("share/status/<str:token>/", share.status, name="share-status"),
    path("share/<slug:slug>/", share.share, name="share-step"),
]
