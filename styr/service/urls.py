from django.urls import path

from styr.service import views

app_name = "service"

urlpatterns = [
    path("<slug:municipality>/kontaktcenter/", views.levels, name="levels"),
]
