from django.urls import path

from styr.lib import converters  # noqa: F401  (registers <id:…>)
from styr.plans import views

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
]
