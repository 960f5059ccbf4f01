from django.urls import path

from styr.plans import views

app_name = "plans"

urlpatterns = [
    path("mina-atgarder/", views.my_actions, name="my_actions"),
    path(
        "planer/<slug:slug>/atgarder/<int:pk>/status/",
        views.report_status,
        name="report_status",
    ),
]
