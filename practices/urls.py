from django.urls import path

from . import views

app_name = "practices"
urlpatterns = [
    path("practices/", views.practice_list, name="list"),
    path("practices/<slug:slug>/", views.practice_detail, name="detail"),
    path("domains/<slug:slug>/", views.domain_detail, name="domain"),
    path("municipalities/<slug:slug>/", views.municipality_detail, name="municipality"),
    path("recommendations/<slug:slug>/", views.recommendation_detail, name="recommendation"),
]
