from django.urls import path

from styr.contracts import views
from styr.lib import converters  # noqa: F401  (registers <id:…>)

app_name = "contracts"

urlpatterns = [
    path("resultatkontrakt/", views.mine, name="mine"),
    path("resultatkontrakt/<id:person>/<id:year>/", views.contract_page, name="contract"),
    path("resultatkontrakt/<id:person>/<id:year>/skriv/", views.write, name="write"),
    path("resultatkontrakt/<id:person>/<id:year>/godkann/", views.accept, name="accept"),
    path(
        "resultatkontrakt/<id:person>/<id:year>/uppfoljning/",
        views.follow_up,
        name="follow_up",
    ),
    path("<slug:municipality>/resultatkontrakt/", views.coverage, name="coverage"),
    path("<slug:municipality>/resultatkontrakt/andel/", views.public, name="public"),
]
