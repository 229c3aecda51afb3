"""Publishing a new version: the time its wordings take to become searchable (pastversions).

    .venv/bin/python -m bench.past_versions                  # 20 clauses, 30 versions
    .venv/bin/python -m bench.past_versions --clauses 60     # a long procedure

Works in a throwaway `var/bench-past-versions/` (wiped first) with `bench/settings.py`, on
SQLite, once with our Whoosh backend and once with the site's database backend, each indexing
automatically as the site does. A procedure of CLAUSES clauses (each with one sub-clause) is
published VERSIONS times through `revision.publish()`, which writes the public record; what
is timed is `pastversions.wordings.sync_page`, the work the record's new entry triggers
(its signal handler is disconnected for the run and the function called by hand, so nothing
else of publishing is in the figure), inside the publishing transaction as on the site (a
quorum's approval publishes in one), so the commit it shares with publishing is not in it.
Two cases: a version that changes one clause (the usual amendment) and one that rewrites
every clause (the worst case). For Whoosh, a change is recorded in the index's journal and
written into the index after the request (README, "One app server or several"): the figure
is what the publishing request pays.
"""

import argparse
import datetime
import statistics
import time
from pathlib import Path

from bench.search_backends import BASE_DIR, log, machine, ms, percentile, setup_django

TARGET_MS = 50


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=20)
    parser.add_argument("--versions", type=int, default=30)
    parser.add_argument("--var-dir", default=BASE_DIR / "var" / "bench-past-versions", type=Path)
    return parser.parse_args(argv)


def body(clauses, version, changed):
    """The procedure's clauses in `version`: clause i reads differently from the version
    `changed(i, version)` says it last changed in."""
    return [
        {
            "type": "clause",
            "value": {
                "heading": f"Clause {i}",
                "anchor": f"clause-{i}",
                "text": f"<p>Clause {i} as amended in version {changed(i, version)}: the "
                "steering committee decides within a stated number of days and publishes "
                "its reasons on the network's list for members to read.</p>",
                "subclauses": [
                    {
                        "heading": f"Detail {i}",
                        "anchor": f"detail-{i}",
                        "text": f"<p>Detail of clause {i}, unchanged since the first version.</p>",
                    }
                ],
            },
        }
        for i in range(clauses)
    ]


def run(backend_name, backend, args, changed):
    from django.conf import settings
    from django.db import transaction
    from django.db.models.signals import post_save
    from wagtail.models import Page

    from history.models import RecordEntry
    from history.record import attributed
    from home.models import HomePage
    from pastversions import wordings
    from procedures.models import ProcedureIndexPage, ProcedurePage

    settings.WAGTAILSEARCH_BACKENDS = {"default": backend}
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=f"Home {backend_name}", slug=f"h-{backend_name}"))
    wiki = home.add_child(instance=ProcedureIndexPage(title="Procedures", slug="procedures"))
    page = wiki.add_child(
        instance=ProcedurePage(title="A long procedure", slug="long", summary="Bench.", live=False)
    )
    post_save.disconnect(sender=RecordEntry, dispatch_uid="pastversions.record")
    timings = []
    try:
        start_day = datetime.datetime(2014, 1, 1, tzinfo=datetime.UTC)
        for version in range(1, args.versions + 1):
            page = ProcedurePage.objects.get(pk=page.pk)
            page.body = body(args.clauses, version, changed)
            revision = page.save_revision()
            # As the quorum's approval publishes: in one transaction, whose commit is not timed.
            with (
                transaction.atomic(),
                attributed(at=start_day + datetime.timedelta(days=version)),
            ):
                revision.publish()
                started = time.perf_counter()
                wordings.sync_page(page.pk)
                timings.append(time.perf_counter() - started)
    finally:
        post_save.connect(
            wordings.record_written, sender=RecordEntry, dispatch_uid="pastversions.record"
        )
    # The first version indexes every section of a new page: shown on its own.
    first, rest = timings[0], timings[1:]
    return first, statistics.median(rest), percentile(rest, 0.95), max(rest)


def main(argv=None):
    args = parse_args(argv)
    setup_django(args.var_dir)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    backends = {
        "whoosh": {"BACKEND": "search.backends.whoosh", "PATH": str(args.var_dir / "index")},
        "database": {"BACKEND": "search.backends.database"},
    }
    cases = {
        "one clause changed": lambda i, version: version if i == version % args.clauses else 1,
        "every clause changed": lambda i, version: version,
    }
    print(machine())
    print(f"{args.clauses} clauses with a sub-clause each, {args.versions} versions\n")
    print("| backend | new version | first version (ms) | median (ms) | p95 (ms) | max (ms) |")
    print("|---|---|---:|---:|---:|---:|")
    for name, backend in backends.items():
        for case, changed in cases.items():
            log(f"{name}: {case}")
            first, median, p95, worst = run(f"{name}-{len(case)}", backend, args, changed)
            print(f"| {name} | {case} | {ms(first)} | {ms(median)} | {ms(p95)} | {ms(worst)} |")
    print(f"\nTarget: a new version's wordings indexed in under {TARGET_MS} ms.")


if __name__ == "__main__":
    main()
