from django.urls import path

from styr.kolada import views

app_name = "kolada"

urlpatterns = [
    path("kolada/nyckeltal/", views.kpi_search, name="kpi_search"),
    path("kolada/nyckeltal/<str:kpi_id>/koppla/", views.link, name="link"),
]
