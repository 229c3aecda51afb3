"""How well search answers the newcomers' questions of tests/search/relevance.py, on the Whoosh
and the database backend side by side.

    .venv/bin/python -m bench.relevance          # or: make bench-relevance
    .venv/bin/python -m bench.relevance --postgres postgres://postgres@127.0.0.1:5432/bbwiki_rel

The demo content (`load_demo`) in a throwaway var dir of its own (var/bench-relevance/), with
SQLite, or with `--postgres` in that PostgreSQL database, dropped and created afresh (the
database backend then searches with PostgreSQL's full-text search, as on the site); each
backend's index built from it in turn, every question asked of the search page through Django's
test client, as the relevance test does. Prints the figures and the questions whose answer
did not come first, and those whose first result does not link to the part that answers,
for each set of questions (the first, the later one kept apart, the one issue 18's ranking
of questions was tuned on, the fresh one written before spelling correction and word
families, and the held-out, unseen, latest and newest ones written from the content alone:
`tests/search/relevance.py` says which were tuned to since).
"""

import argparse
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.search_backends import BASE_DIR, DATABASE, OURS, log, machine, setup_django

HOST = "localhost"
FIGURES = [
    ("ndcg5", "nDCG@5 (graded pages)"),
    ("mrr10", "MRR@10 (first answering page)"),
    ("parts", "first result links to the answering part"),
    ("nothing", "questions about nothing on the site that find nothing"),
]


SETS = [
    ("QUESTIONS", "first set"),
    ("LATER_QUESTIONS", "later set"),
    ("DEV_QUESTIONS", "dev set"),
    ("FRESH_QUESTIONS", "fresh set"),
    ("HELD_OUT_QUESTIONS", "held-out set"),
    ("UNSEEN_QUESTIONS", "unseen set"),
    ("LATEST_QUESTIONS", "latest set"),
    ("NEWEST_QUESTIONS", "newest set"),
]


def measure(name):
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from bench.search_page import search_page_backend
    from tests.search import relevance

    with search_page_backend(name):
        cache.clear()
        call_command("update_index", backend_name=name, verbosity=0)
        client = Client(HTTP_HOST=HOST)
        return {
            questions: relevance.evaluate(client, getattr(relevance, questions))
            for questions, _ in SETS
        }


def report(figures, database):
    from tests.search import relevance

    lines = [f"{machine()}; database backend on {database}"]
    for questions, title in SETS:
        lines += [
            "",
            f"{title}: {len(getattr(relevance, questions))} questions (tests/search/relevance.py "
            f"{questions})",
            "",
            "| measure | Whoosh | database |",
            "|---|---:|---:|",
        ]
        for field, label in FIGURES:
            ours, theirs = (getattr(figures[name][questions], field) for name in (OURS, DATABASE))
            lines.append(f"| {label} | {ours:.3f} | {theirs:.3f} |")
    for questions, title in SETS:
        for name, label in ((OURS, "Whoosh"), (DATABASE, "database")):
            found = figures[name][questions]
            lines += ["", f"{title}, {label}: answer not first"]
            lines += [f"- {question}: {seen}" for question, seen in found.misses]
            lines += ["", f"{title}, {label}: first result not linked to the answering part"]
            lines += [
                f"- {question}: {page} {linked}, not {expected}"
                for question, page, linked, expected in found.wrong_parts
            ]
    return "\n".join(lines)


def fresh_postgres(url):
    """Drop and create the database `url` names (the benchmark's own, like its var dir)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", default=BASE_DIR / "var" / "bench-relevance", type=Path)
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL database of the benchmark's own (dropped and created afresh) "
        "instead of SQLite",
    )
    args = parser.parse_args(argv)
    if args.postgres:
        fresh_postgres(args.postgres)
        os.environ["BBWIKI_BENCH_POSTGRES"] = args.postgres
    setup_django(args.var_dir, "bench.relevance_settings")
    from django.core.management import call_command
    from wagtail.models import Site

    logging.getLogger("bbwiki").setLevel(logging.ERROR)
    log("Loading the demo content")
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=80)
    figures = {}
    for name in (OURS, DATABASE):
        log(f"Asking the questions of the {name} backend")
        figures[name] = measure(name)
    print(report(figures, "PostgreSQL" if args.postgres else "SQLite"))  # noqa: T201


if __name__ == "__main__":
    main()
