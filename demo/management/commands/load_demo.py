from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import meetings as meetings_demo
from demo import network as network_demo
from demo import notice as notice_demo
from demo import opendata as opendata_demo
from demo import papers as papers_demo
from demo import procedures as procedures_demo
from demo import search as search_demo
from demo import statements as statements_demo
from demo import translations as translations_demo
from demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from demo.pages import Cast, ensure_home, link_start_here
from pastversions.wordings import sync_all as sync_past_versions


class Command(BaseCommand):
    help = (
        "Build the demo site (the Best Bits 2013 meeting in Bali). Creates only what is missing: "
        "running it again changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            accounts = ensure_demo_accounts()
            cast = Cast.from_accounts(accounts)
            home, created = ensure_home()
            wiki = procedures_demo.load(home)
            task_forces = network_demo.load(home)
            outcomes = meetings_demo.load(home, cast)
            papers_demo.load(cast)
            network_demo.load_task_forces(task_forces, outcomes["setting-up-of-task-forces"])
            procedures_demo.link_adoption(home, outcomes["agreed-statement-of-objectives"], cast)
            meetings_demo.point_to_the_record(outcomes, cast)
            procedures_demo.load_history(wiki, cast)
            network_demo.load_history(home, cast)
            statements_demo.load(home, cast)
            if created:
                link_start_here(home, cast)
            # Before the notice period is given to the approval task: approved, they go live.
            translations_demo.load(home, cast)
            notice_demo.load(wiki, cast)
            search_demo.load(home)
            opendata_demo.load()
            # Versions are indexed as they are published; this also fills a site loaded before.
            sync_past_versions()
        self.stdout.write(
            self.style.SUCCESS("Demo content ready" + (" (created)." if created else "."))
        )
        if accounts:
            self.stdout.write(
                f"Demo logins for {settings.WAGTAILADMIN_BASE_URL}/admin/ (development only):"
            )
            for user, created in accounts:
                role = (
                    "administrator"
                    if user.is_superuser
                    else ", ".join(user.groups.values_list("name", flat=True))
                )
                note = "" if created else " (unless changed since)"
                self.stdout.write(
                    f"  username: {user.username:<12} password: {DEMO_PASSWORD}{note}  [{role}]"
                )
