from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticeConfig(AppConfig):
    name = "notice"
    verbose_name = _("Notice periods")
