from django.urls import path

from styr.lib import converters  # noqa: F401  (registers <id:…>)
from styr.rounds import views

app_name = "rounds"

urlpatterns = [
    path("planer/<slug:slug>/uppfoljning/", views.rounds, name="rounds"),
    path("planer/<slug:slug>/uppfoljning/<id:pk>/", views.round_page, name="round"),
    path("planer/<slug:slug>/uppfoljning/<id:pk>/stang/", views.close, name="close"),
]
