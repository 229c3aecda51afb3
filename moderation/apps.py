from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from wagtail.models import AbstractPage
        from wagtail.permissions import register_permission_policy

        from . import notifications
        from .page_access import PageAccessPolicy

        notifications.connect()
        # Pages restricted to groups are for those groups in the admin too.
        register_permission_policy(AbstractPage, PageAccessPolicy())
