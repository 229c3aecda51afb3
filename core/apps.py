from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from .site_address import update_default_site

        # Sent once per app with models; this app has none, Wagtail's core app has the Site.
        post_migrate.connect(update_default_site, sender=apps.get_app_config("wagtailcore"))
