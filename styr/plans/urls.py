from django.urls import path

from styr.lib import converters  # noqa: F401  (registers <id:…>)
from styr.plans import spreadsheet_views, views

app_name = "plans"

urlpatterns = [
    path("mina-atgarder/", views.my_actions, name="my_actions"),
    path(
        "planer/<slug:slug>/atgarder/<id:pk>/status/",
        views.report_status,
        name="report_status",
    ),
    path("planer/<slug:slug>/granskning/", views.review_queue, name="review_queue"),
    path("planer/<slug:slug>/granskning/<id:pk>/", views.review, name="review"),
    # The status spreadsheet: download the plan's actions, upload them filled in.
    path(
        "planer/<slug:slug>/status.xlsx",
        spreadsheet_views.status_export,
        {"fmt": "xlsx"},
        name="status_export_xlsx",
    ),
    path(
        "planer/<slug:slug>/status.csv",
        spreadsheet_views.status_export,
        {"fmt": "csv"},
        name="status_export_csv",
    ),
    path(
        "planer/<slug:slug>/status/import/",
        spreadsheet_views.status_import,
        name="status_import",
    ),
]
