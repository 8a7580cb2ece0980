from django.urls import path

from . import views

app_name = "trainings"
urlpatterns = [
    path("trainings/", views.training_list, name="list"),
    path("trainings/<slug:slug>/", views.training_detail, name="detail"),
    path("trainings/<slug:slug>/write/", views.write, name="write"),
    path("trainings/<slug:slug>/write/sent/", views.write_sent, name="write-sent"),
]
