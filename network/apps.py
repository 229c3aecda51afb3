from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("The network")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signal_handlers
        from .models import Organisation, Person
        from .permissions import RecordPermissionPolicy

        # Before Wagtail makes its default policy for these models on first use.
        for model in (Organisation, Person):
            register_permission_policy(model, RecordPermissionPolicy(model))
        signal_handlers.connect()
