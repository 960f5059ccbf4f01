from django.urls import path

from styr.reports import views

app_name = "reports"

urlpatterns = [
    path("planer/<slug:slug>/lagesrapport/<str:format_name>/", views.report, name="report"),
    path("planer/<slug:slug>/rapporter/", views.published, name="published"),
    path(
        "planer/<slug:slug>/rapporter/<int:pk>/<str:format_name>/",
        views.published_file,
        name="published_file",
    ),
    path("planer/<slug:slug>/publicera/", views.publish, name="publish"),
]
