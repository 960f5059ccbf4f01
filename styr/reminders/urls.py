from django.urls import path

from styr.reminders import views

app_name = "reminders"

urlpatterns = [
    path("planer/<slug:slug>/bevakning/", views.subscriptions, name="subscriptions"),
    path("e-post/avregistrera/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
