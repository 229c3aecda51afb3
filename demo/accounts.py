"""The demo logins: invented example people, one per role, created in development only."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP

DEMO_PASSWORD = "bestbits-demo"  # noqa: S105 - demo accounts exist only in development
DEMO_ACCOUNTS = [
    # (username, first name, last name, superuser, groups); every one an invented example.
    ("admin", "Example", "Administrator", True, ()),
    ("member", "Example", "Member", False, (MEMBERS_GROUP,)),
    ("member-b", "Example", "Member B", False, (MEMBERS_GROUP,)),
    ("committee-a", "Example", "Committee Member A", False, (STEERING_COMMITTEE_GROUP,)),
    ("committee-b", "Example", "Committee Member B", False, (STEERING_COMMITTEE_GROUP,)),
    ("committee-c", "Example", "Committee Member C", False, (STEERING_COMMITTEE_GROUP,)),
]


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
