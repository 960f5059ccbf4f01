from django.urls import path

from styr.engagement import views

app_name = "engagement"

urlpatterns = [
    path("<slug:municipality>/medarbetarengagemang/", views.survey, name="survey"),
]
