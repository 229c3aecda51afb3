"""How well search answers the newcomers' questions of tests/search/relevance.py, on the Whoosh
and the database backend side by side.

    .venv/bin/python -m bench.relevance          # or: make bench-relevance

The demo content (`load_demo`) in a throwaway var dir of its own (var/bench-relevance/), each
backend's index built from it in turn, every question asked of the search page through Django's
test client, as the relevance test does. Prints the figures and the questions whose answer
did not come first.
"""

import argparse
import logging

from bench.search_backends import BASE_DIR, DATABASE, OURS, log, machine, setup_django

HOST = "localhost"
FIGURES = [
    ("ndcg5", "nDCG@5 (graded pages)"),
    ("mrr10", "MRR@10 (first answering page)"),
    ("parts", "first result links to the answering part"),
    ("nothing", "questions about nothing on the site that find nothing"),
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
        return relevance.evaluate(Client(HTTP_HOST=HOST))


def report(figures):
    from tests.search import relevance

    lines = [
        machine(),
        f"{len(relevance.QUESTIONS)} questions (tests/search/relevance.py)",
        "",
        "| measure | Whoosh | database |",
        "|---|---:|---:|",
    ]
    for field, label in FIGURES:
        ours, database = (getattr(figures[name], field) for name in (OURS, DATABASE))
        lines.append(f"| {label} | {ours:.3f} | {database:.3f} |")
    for name, label in ((OURS, "Whoosh"), (DATABASE, "database")):
        lines += ["", f"{label}: answer not first"]
        lines += [f"- {question}: {seen}" for question, seen in figures[name].misses]
        lines += ["", f"{label}: first result not linked to the answering part"]
        lines += [
            f"- {question}: {page} {linked}, not {expected}"
            for question, page, linked, expected in figures[name].wrong_parts
        ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", default=BASE_DIR / "var" / "bench-relevance")
    args = parser.parse_args(argv)
    setup_django(args.var_dir)
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
    print(report(figures))  # noqa: T201


if __name__ == "__main__":
    main()
