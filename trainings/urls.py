from django.urls import path

from . import views

app_name = "trainings"
urlpatterns = [
    path("trainings/", views.training_list, name="list"),
    path("trainings/<slug:slug>/", views.training_detail, name="detail"),
]
