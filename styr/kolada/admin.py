from django.contrib import admin

from styr.accounts.admin_site import PolicyModelAdmin
from styr.kolada.models import KoladaGroup, KoladaMunicipality, KoladaValue, Kpi


@admin.register(Kpi)
class KpiAdmin(PolicyModelAdmin):
    list_display = ["id", "title", "operating_area", "is_divided_by_gender", "municipality_type"]
    list_filter = ["municipality_type", "is_divided_by_gender", "perspective"]
    search_fields = ["id", "title"]


@admin.register(KoladaMunicipality)
class KoladaMunicipalityAdmin(PolicyModelAdmin):
    list_display = ["id", "title", "type"]
    list_filter = ["type"]
    search_fields = ["id", "title"]


@admin.register(KoladaGroup)
class KoladaGroupAdmin(PolicyModelAdmin):
    list_display = ["id", "title"]
    search_fields = ["id", "title"]
    filter_horizontal = ["members"]


@admin.register(KoladaValue)
class KoladaValueAdmin(PolicyModelAdmin):
    list_display = ["kpi", "municipality", "period", "gender", "value", "status"]
    list_filter = ["gender"]
    search_fields = ["kpi__id", "kpi__title", "municipality__id", "municipality__title"]
    raw_id_fields = ["kpi", "municipality"]
    list_select_related = ["kpi", "municipality"]
    show_full_result_count = False  # the table can hold millions of values
