from django.urls import path

from styr.goals import kpi_views as views

app_name = "kolada"

urlpatterns = [
    path("kolada/nyckeltal/", views.kpi_search, name="kpi_search"),
    # Kolada's ids are letters and digits (N00945): other text (a NUL) is no page.
    path("kolada/nyckeltal/<slug:kpi_id>/koppla/", views.link, name="link"),
]
