from django.urls import path

from styr.lib import converters  # noqa: F401  (registers <id:…>)
from styr.reports import views

app_name = "reports"

urlpatterns = [
    path("planer/<slug:slug>/lagesrapport/<str:format_name>/", views.report, name="report"),
    path("planer/<slug:slug>/rapporter/", views.published, name="published"),
    path(
        # A format is a short word: other text (a NUL, which PostgreSQL refuses) is no page.
        "planer/<slug:slug>/rapporter/<id:pk>/<slug:format_name>/",
        views.published_file,
        name="published_file",
    ),
    path("planer/<slug:slug>/publicera/", views.publish, name="publish"),
    path("planer/<slug:slug>/rapporttexter/", views.texts, name="texts"),
]
