from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Joint statements"

    def ready(self):
        from . import receivers

        receivers.connect()
