from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "styr.caching"
    label = "caching"
    verbose_name = _("Cachning")

    def ready(self) -> None:
        from styr.caching import watch

        watch.connect()
