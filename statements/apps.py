from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Joint statements")

    def ready(self):
        from . import receivers

        receivers.connect()
