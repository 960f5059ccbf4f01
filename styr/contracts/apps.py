from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "styr.contracts"
    label = "contracts"
    verbose_name = _("Chefer och resultatkontrakt")

    def ready(self):
        # The reminders of missing result contracts go out with `styr reminders send`;
        # registered here because reminders sit below contracts and do not import them.
        from styr.contracts.reminders import contract_mails
        from styr.reminders.send import register

        register(contract_mails)
