from django.apps import AppConfig


class WhooshBackendConfig(AppConfig):
    """Connects the backend's process hooks (`hooks.connect`) once, when Django starts."""

    name = "search.backends.whoosh"
    label = "whoosh_backend"
    verbose_name = "Whoosh search backend"

    def ready(self):
        from . import hooks

        hooks.connect()
