from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PastVersionsConfig(AppConfig):
    name = "pastversions"
    verbose_name = _("Past versions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import wordings

        wordings.connect()
