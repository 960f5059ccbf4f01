from django.urls import path

from styr.imports import views

app_name = "imports"

urlpatterns = [
    path("import/", views.upload, name="upload"),
    path("import/spara/", views.save, name="save"),
    path("planer/<slug:slug>/offentliggor/", views.publish, name="publish_plan"),
]
