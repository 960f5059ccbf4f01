from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "styr.accounts"
    label = "accounts"
    verbose_name = _("Konton och behörigheter")

    def ready(self):
        # The rules of `policy` register themselves with django-rules on import.
        from styr.accounts import policy  # noqa: F401
        from styr.accounts.audit import register_models

        register_models()
        # After the admin's autodiscover: replaces auditlog's own LogEntry admin.
        from styr.accounts import audit_admin  # noqa: F401
