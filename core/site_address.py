"""The site's own address: one setting, WAGTAILADMIN_BASE_URL, read from BBWIKI_BASE_URL.

Every link made for someone outside a request (notification emails, feeds, the sitemap, the
demo logins `load_demo` prints) starts with it. Wagtail builds a page's full URL from the
default Site's hostname and port rather than from the setting, so after every `migrate` the
default Site is given the setting's host and port: both always name the same address.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(url):
    """`url` (a path such as "/changes/") on the site's own address; absolute URLs unchanged."""
    if urlsplit(url).scheme:
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def host_and_port():
    """The hostname and port of the site's address, as Wagtail's Site model stores them."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


def update_default_site(using="default", **kwargs):
    """Give the default Site the site's host and port (connected to post_migrate).

    A Site that already has that host and port is another site an administrator set up:
    it is left alone, and so is the default one.
    """
    from wagtail.models import Site

    hostname, port = host_and_port()
    sites = Site.objects.using(using)
    site = sites.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return
    if sites.filter(hostname=hostname, port=port).exists():
        return
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
