from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "styr.goals"
    label = "goals"
    verbose_name = _("Mål och indikatorer")

    def ready(self) -> None:
        from styr.goals.stored import refresh_after_kolada, refresh_after_kolada_id
        from styr.kolada.load import AFTER_LOAD
        from styr.org.kolada_id import AFTER_KOLADA_ID

        # A Kolada load stores the indicators' assessments and comparisons again in its
        # own transaction; Kolada cannot import goals, so goals tells it what to call.
        if refresh_after_kolada not in AFTER_LOAD:
            AFTER_LOAD.append(refresh_after_kolada)
        # So does a new Kolada id of a municipality (the admin's or `change_kolada_id`).
        if refresh_after_kolada_id not in AFTER_KOLADA_ID:
            AFTER_KOLADA_ID.append(refresh_after_kolada_id)
