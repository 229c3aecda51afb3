from django.apps import AppConfig


class NoticeConfig(AppConfig):
    name = "notice"
    verbose_name = "Notice periods"
