from django.urls import path

from styr.goals import views

app_name = "goals"

urlpatterns = [
    path("<slug:municipality>/mal/", views.goal_tree, name="tree"),
    path("<slug:municipality>/mal/<slug:slug>/", views.goal, name="goal"),
    path("<slug:municipality>/indikatorer/<slug:slug>/", views.indicator, name="indicator"),
]
