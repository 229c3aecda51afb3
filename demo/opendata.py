"""The demo's open data licence: CC BY 4.0, set once (an administrator may change it)."""

from wagtail.models import Site

from opendata.models import OpenDataSettings

LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def load():
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    data_settings = OpenDataSettings.for_site(site)
    if not data_settings.licence_name:
        data_settings.licence_name = LICENCE_NAME
        data_settings.licence_url = LICENCE_URL
        data_settings.save()
