"""Indexing text fields: our one-pass `IndexedText` against Whoosh's analyzer chain (`TEXT`).

    .venv/bin/python -m bench.analysis               # 2,000 pages of the bench corpus
    .venv/bin/python -m bench.analysis --pages 500   # a quick run

The search documents of the bench corpus's first pages (search_backends.py's `Bench`, same
seed) are built once; then every text value is indexed by both kinds of field, taking turns
(Whoosh, ours, ours, Whoosh, as many rounds as asked), in one process. Prints each side's
median seconds and the ratio. The terms, positions and weights are the same
(tests/backend/whoosh/test_analysis.py); only the time differs. A fresh field per round, as a
rebuild's writer has, so ours starts each round with no words' terms worked out.
"""

import argparse
import statistics
import time
from pathlib import Path

from bench.search_backends import BASE_DIR, Bench, log, machine, setup_django


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="corpus pages (default 2000)")
    parser.add_argument("--rounds", type=int, default=3, help="ABBA rounds (default 3)")
    parser.add_argument("--seed", type=int, default=2013, help="corpus seed")
    parser.add_argument(
        "--var-dir", type=Path, default=BASE_DIR / "var" / "bench-analysis", help="wiped first"
    )
    return parser.parse_args(argv)


def index_all(documents, fields):
    """Seconds to index every text value of `documents` with `fields` ({name: field})."""
    start = time.perf_counter()
    for document in documents:
        for name, value in document.items():
            field = fields.get(name)
            if field is not None and value:
                for _ in field.index(value):
                    pass
    return time.perf_counter() - start


def main(argv=None):
    args = parse_args(argv)
    setup_django(args.var_dir)
    from django.core.management import call_command
    from whoosh import fields as whoosh_fields

    from procedures.models import ProcedurePage
    from search.backends.whoosh.documents import build_documents, text_field_types

    log("Migrating a fresh database")
    call_command("migrate", verbosity=0)
    bench = Bench(args.seed)
    log(f"{args.pages:,} pages: building the corpus and its documents")
    bench.grow(args.pages)
    pages = list(ProcedurePage.objects.live().specific())
    documents = list(build_documents(ProcedurePage, pages))

    def ours():
        return text_field_types(documents)

    def whooshs():
        return {
            name: whoosh_fields.TEXT(
                analyzer=field.analyzer, phrase=field.format.supports("positions")
            )
            for name, field in ours().items()
        }

    timings = {"Whoosh's chain": [], "one pass": []}
    for _ in range(args.rounds):
        for label, fields in (
            ("Whoosh's chain", whooshs),
            ("one pass", ours),
            ("one pass", ours),
            ("Whoosh's chain", whooshs),
        ):
            timings[label].append(index_all(documents, fields()))
    chain, one_pass = (statistics.median(timings[label]) for label in timings)
    print(f"{machine()}\n")
    print(f"{len(documents):,} documents, {len(ours())} text fields, {args.rounds} ABBA rounds\n")
    print("| indexing every text value | median (s) |\n|---|---:|")
    print(f"| Whoosh's chain (`TEXT`) | {chain:.2f} |")
    print(f"| one pass (`IndexedText`) | {one_pass:.2f} |")
    print(f"\none pass / Whoosh's chain: {one_pass / chain:.2f}")


if __name__ == "__main__":
    main()
