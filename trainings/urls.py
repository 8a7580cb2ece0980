from django.urls import path

from portal.caching import cached_page

from . import views
from .feeds import TrainingFeed

app_name = "trainings"
urlpatterns = [
    path("trainings/", views.training_list, name="list"),
    path("trainings/feed/", cached_page(TrainingFeed()), name="feed"),
    path("trainings/csv/", views.training_csv, name="csv"),
    path("trainings/<slug:slug>/", views.training_detail, name="detail"),
    path("trainings/<slug:slug>/write/", views.write, name="write"),
    path("trainings/<slug:slug>/write/sent/", views.write_sent, name="write-sent"),
]
