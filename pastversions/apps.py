from django.apps import AppConfig


class PastVersionsConfig(AppConfig):
    name = "pastversions"
    verbose_name = "Past versions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import wordings

        wordings.connect()
