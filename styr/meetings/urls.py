from django.urls import path

from styr.lib import converters  # noqa: F401  (registers <id:…>)
from styr.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<slug:municipality>/chefsmoten/", views.meetings, name="meetings"),
    path("<slug:municipality>/chefsmoten/narvaro/", views.attendance, name="attendance"),
    path("<slug:municipality>/chefsmoten/chefer/<slug:person>/", views.manager, name="manager"),
    path("<slug:municipality>/chefsmoten/<id:pk>/", views.meeting, name="meeting"),
    path(
        "<slug:municipality>/chefsmoten/<id:pk>/narvaro/",
        views.record_attendance,
        name="record_attendance",
    ),
    path("<slug:municipality>/chefsmoten/<id:pk>/import/", views.import_list, name="import"),
    path("<slug:municipality>/chefsmoten/<id:pk>/chefspris/", views.award, name="award"),
]
