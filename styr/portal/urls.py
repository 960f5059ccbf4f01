from django.urls import path

from styr.lib import converters  # noqa: F401  (registers <id:…>)
from styr.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.start, name="start"),
    path("planer/<slug:slug>/", views.plan, name="plan"),
    path("planer/<slug:slug>/atgarder/<id:pk>/", views.action, name="action"),
    path("<slug:municipality>/organisation/", views.organisation, name="organisation"),
    path("<slug:municipality>/personer/<slug:slug>/", views.person, name="person"),
]
