"""Building blocks for `manage.py load_demo`: create what is missing, never touch what exists."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage
from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP

logger = logging.getLogger("bbwiki.demo")

DEMO_PASSWORD = "bestbits-demo"  # noqa: S105 - demo accounts exist only in development
DEMO_ACCOUNTS = [
    # (username, first name, last name, superuser, groups); every one an invented example.
    ("admin", "Example", "Administrator", True, ()),
    ("member", "Example", "Member", False, (MEMBERS_GROUP,)),
    ("committee-a", "Example", "Committee Member A", False, (STEERING_COMMITTEE_GROUP,)),
    ("committee-b", "Example", "Committee Member B", False, (STEERING_COMMITTEE_GROUP,)),
    ("committee-c", "Example", "Committee Member C", False, (STEERING_COMMITTEE_GROUP,)),
]


def ensure_child(parent, model, slug, **fields):
    """Return (page, created): the child of `parent` with `slug`, created and published if missing.

    An existing page is returned as it is, so that edits made since the last run are kept.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    logger.info("Created %s %r", model._meta.verbose_name, page.title)
    return page, True


def ensure_home():
    """The site's home page, replacing Wagtail's untouched welcome page on a fresh install."""
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    home = HomePage(
        title="Best Bits",
        slug="best-bits",
        intro=(
            "<p>Best Bits is a global network of civil-society groups working on Internet "
            "governance and human rights. This site holds the network's working procedures, "
            "its agreed objectives, and the record of its meetings and what they decided.</p>"
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    # Wagtail's placeholder page is removed only if nobody has built on it.
    if welcome is not None and welcome.specific_class is Page and welcome.is_leaf():
        welcome.delete()
    return home, True


def ensure_demo_accounts(stdout=None):
    """Create the demo logins (development settings only); existing accounts are left alone."""
    if not getattr(settings, "BBWIKI_DEMO_ACCOUNTS", False):
        return []
    user_model = get_user_model()
    accounts = []
    for username, first_name, last_name, is_superuser, groups in DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
        accounts.append((user, created))
    return accounts
