from django.contrib import admin
from django.urls import include, path

from styr import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("", include("styr.accounts.urls")),
    path("", include("styr.reports.urls")),
    path("", include("styr.rounds.urls")),
    path("", include("styr.contracts.urls")),
    path("", include("styr.imports.urls")),
    path("", include("styr.goals.kpi_urls")),  # the "kolada:" pages: linking a KPI to a goal
    path("", include("styr.service.urls")),
    path("", include("styr.engagement.urls")),
    path("", include("styr.meetings.urls")),
    path("", include("styr.goals.urls")),
    path("", include("styr.plans.urls")),
    path("", include("styr.reminders.urls")),
    path("", include("styr.portal.urls")),
]
