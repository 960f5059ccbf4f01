from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "styr.accounts"
    label = "accounts"
    verbose_name = _("Konton och behörigheter")

    def ready(self):
        # The rules of `policy` register themselves with django-rules on import.
        from styr.accounts import policy  # noqa: F401
