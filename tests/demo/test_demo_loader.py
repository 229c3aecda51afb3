"""`manage.py load_demo` on a site that already has content, and the demo accounts it creates.

Each test loads the demo itself, into its own database (test_load_demo.py shares one load).
"""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from .test_load_demo import snapshot


def test_leaves_an_existing_site_alone(home):
    before = snapshot()
    call_command("load_demo", verbosity=0)
    pages_before, _, _ = before
    pages_after, _, _ = snapshot()
    # The existing home page and its place in the tree are untouched; only sections are added.
    assert [p for p in pages_after if p[0] in {q[0] for q in pages_before}] == pages_before


def test_creates_demo_accounts_once_and_prints_them(db, capsys):
    call_command("load_demo")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("bestbits-demo")
    admin.set_password("changed-by-its-owner")
    admin.save()

    call_command("load_demo")

    admin.refresh_from_db()
    assert admin.check_password("changed-by-its-owner")
    assert "username: admin" in capsys.readouterr().out


def test_no_demo_accounts_without_the_setting(db, settings):
    settings.BBWIKI_DEMO_ACCOUNTS = False
    call_command("load_demo", verbosity=0)
    assert not get_user_model().objects.exists()
