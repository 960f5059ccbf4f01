from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Styr – administration")
admin.site.site_title = _("Styr")
admin.site.index_title = _("Redigera planer och organisation")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("styr.reports.urls")),
    path("", include("styr.imports.urls")),
    path("", include("styr.kolada.urls")),
    path("", include("styr.service.urls")),
    path("", include("styr.engagement.urls")),
    path("", include("styr.goals.urls")),
    path("", include("styr.portal.urls")),
]
