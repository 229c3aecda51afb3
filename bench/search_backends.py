"""Our Whoosh backend against Wagtail's database backend and raw Whoosh, on one corpus.

    .venv/bin/python -m bench.search_backends                 # 1,000 then 10,000 pages
    .venv/bin/python -m bench.search_backends --sizes 1000    # a quick run
    .venv/bin/python -m bench.search_backends --sizes 10000 --rebuild-only

Everything runs in this one process, in a throwaway var dir (SQLite database and indexes),
wiped at the start. For each size the corpus is grown to that many procedure pages, then:
each backend's full rebuild (`update_index --backend`); one changed page indexed (median of
20 edits); top-20 `.live().public()` searches over 60 fixed queries, autocomplete over 20
prefixes, and `count()` over the 60 queries (p50/p95). The fast backends get a warm-up pass
and the median of 3 runs per query; a database-backend query is stopped at 5 s and counted
as 5 s. The raw Whoosh figure is Whoosh's own parser and `search(limit=20)` on our index
with the same fields and boosts, kept open: the floor our layer adds to.
"""

import argparse
import math
import os
import platform
import shutil
import statistics
import sys
import time
from importlib.metadata import version
from io import StringIO
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
OURS, DATABASE, RAW = "default", "db", "raw"
LAYER = "layer"  # our backend on a queryset built before the timing starts
CAUGHT_UP = "caught up"
DB_TIMEOUT = 5.0
REPEATS = 3
CHANGED_PAGE_ROUNDS = 20
TOP = 20

COMMON = [
    "network", "members", "meeting", "committee", "report", "rights", "process", "public",
    "support", "decision", "group", "policy", "session", "information", "statement",
]  # fmt: skip
RARE = [
    "quorum", "plenary", "signatories", "facilitators", "multilateral", "modalities",
    "preamble", "constituencies", "nominations", "endorsement", "legitimacy", "amend",
    "counterparts", "awaiting", "accomplishments",
]  # fmt: skip
TWO_WORDS = [
    "annual report", "travel support", "voting members", "draft agenda", "regional balance",
    "internet freedom", "privacy policy", "election results", "term limits",
    "public statement", "expected outputs", "working methods", "human rights",
    "consensus decision", "task force",
]  # fmt: skip
PHRASES = [
    "steering committee", "civil society", "human rights", "internet governance", "task force",
    "joint statement", "code of conduct", "terms of reference", "conflict of interest",
    "rough consensus", "mailing list", "breakout group", "background papers",
    "remote participation", "closing session",
]  # fmt: skip
PREFIXES = [
    "co", "pro", "gov", "mem", "meet", "stee", "comm", "rig", "int", "sta", "dec", "pol",
    "par", "rep", "net", "sess", "qu", "sec", "ele", "fac",
]  # fmt: skip


def argument_parser(description, var_dir):
    """The options of the search benchmarks: corpus sizes, throwaway var dir, corpus seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        type=lambda text: sorted(int(size) for size in text.split(",")),
        help="corpus sizes in pages, comma-separated (default 1000,10000)",
    )
    parser.add_argument(
        "--var-dir",
        default=var_dir,
        type=Path,
        help="throwaway directory for the database and indexes (wiped first; "
        f"default {var_dir.relative_to(BASE_DIR)})",
    )
    parser.add_argument("--seed", default=2013, type=int, help="corpus seed")
    return parser


def parse_args(argv):
    description = __doc__.split("\n\n")[0]
    parser = argument_parser(description, BASE_DIR / "var" / "bench")
    parser.add_argument(
        "--rebuild-only",
        action="store_true",
        help="time full rebuilds only, each backend twice (ours, database, database, ours)",
    )
    return parser.parse_args(argv)


def setup_django(var_dir, settings="bench.settings"):
    shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True)
    os.environ["BBWIKI_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    django.setup()


_STARTED = time.perf_counter()


def log(message):
    print(f"[{time.perf_counter() - _STARTED:6.0f}s] {message}", file=sys.stderr, flush=True)


def percentile(values, share):
    """Nearest-rank percentile: the smallest value at least `share` of `values` do not exceed."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def seconds(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


class Bench:
    """The corpus, the backends and the measurements, for one growing corpus."""

    def __init__(self, seed):
        from django.db import connection
        from wagtail.models import Page

        from bench.corpus import CorpusGenerator
        from home.models import HomePage
        from procedures.models import ProcedureIndexPage

        self.connection = connection
        self.generator = CorpusGenerator(seed=seed)
        self._check_vocabulary()
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Best Bits", slug="best-bits"))
        self.wiki = home.add_child(instance=ProcedureIndexPage(title="Procedures", slug="wiki"))
        self.size = 0
        self.page_pks = []
        self.live_pks = []

    def _check_vocabulary(self):
        vocabulary = self.generator.vocabulary
        words = {w for text in [*COMMON, *RARE, *TWO_WORDS] for w in text.split()}
        missing = sorted(term for term in words | set(PHRASES) if term not in vocabulary)
        if missing:
            raise SystemExit(f"Queries not in bench/vocabulary.txt: {', '.join(missing)}")

    # Corpus

    def grow(self, size):
        from bench.corpus import insert_pages

        chunk = 1000
        for start in range(self.size, size, chunk):
            pages = [self.generator.page(n) for n in range(start, min(start + chunk, size))]
            pks = insert_pages(self.wiki, pages)
            self.page_pks += pks
            self.live_pks += [pk for pk, page in zip(pks, pages, strict=True) if page["live"]]
        self.size = size

    # Measurements

    def rebuild(self, backend_name):
        from django.core.management import call_command

        return seconds(
            lambda: call_command(
                "update_index", backend_name=backend_name, verbosity=0, stdout=StringIO()
            )
        )

    def changed_page(self):
        """Median seconds per backend to index one edited page, over CHANGED_PAGE_ROUNDS edits.

        For our backend, `add` records the change in the index's journal; the time to write
        it into the index (which the next search or the end of the request does) is also
        measured, as CAUGHT_UP.
        """
        from modelsearch.backends import get_search_backend

        from bench.corpus import update_page
        from procedures.models import ProcedurePage

        backends = {name: get_search_backend(name) for name in (OURS, DATABASE)}
        store = backends[OURS].get_index_for_model(ProcedurePage).store
        timings = {name: [] for name in (*backends, CAUGHT_UP)}
        step = max(len(self.live_pks) // CHANGED_PAGE_ROUNDS, 1)
        for round_number in range(CHANGED_PAGE_ROUNDS):
            pk = self.live_pks[(round_number * step) % len(self.live_pks)]
            update_page(pk, self.generator.edit(self.generator.page(0), round_number))
            for name, backend in backends.items():
                page = ProcedurePage.objects.get(pk=pk)
                timings[name].append(seconds(lambda b=backend, p=page: b.add(p)))
            timings[CAUGHT_UP].append(seconds(store.catch_up))
        return {name: statistics.median(values) for name, values in timings.items()}

    def _limited(self, action):
        """Seconds `action` took, stopping its database queries at DB_TIMEOUT seconds.

        A stopped query raises OperationalError, which `action` may also have turned into
        something else (a 503 page): either way the action counts as stopped.
        """
        from django.db.utils import OperationalError

        self.connection.ensure_connection()
        sqlite = self.connection.connection
        deadline = time.perf_counter() + DB_TIMEOUT
        stopped = []

        def progress():
            if time.perf_counter() > deadline:
                stopped.append(True)
                return 1
            return 0

        sqlite.set_progress_handler(progress, 10_000)
        start = time.perf_counter()
        try:
            action()
        except OperationalError as exc:
            if "interrupted" not in str(exc):
                raise
        finally:
            sqlite.set_progress_handler(None, 0)
        if stopped:
            return DB_TIMEOUT, True
        return time.perf_counter() - start, False

    def timings(self, actions, backend_name):
        """Per-action seconds and the number of actions stopped at DB_TIMEOUT."""
        if backend_name == DATABASE:
            results = [self._limited(action) for action in actions]
            return [t for t, _ in results], sum(stopped for _, stopped in results)
        for action in actions:
            action()  # warm-up: open searchers, fill caches
        return [statistics.median(seconds(action) for _ in range(REPEATS)) for action in actions], 0


def interleaved(actions):
    """`Bench.timings` for several fast set-ups ({name: actions}), taking turns query by query.

    The machine's speed drifts over a run; alternating the set-ups on each query keeps
    that drift out of their ratios.
    """
    for batch in actions.values():
        for action in batch:
            action()  # warm-up
    times = {name: [] for name in actions}
    for turn in zip(*actions.values(), strict=True):
        runs = {name: [] for name in actions}
        for _ in range(REPEATS):
            for name, action in zip(actions, turn, strict=True):
                runs[name].append(seconds(action))
        for name, values in runs.items():
            times[name].append(statistics.median(values))
    return {name: (values, 0) for name, values in times.items()}


def queries():
    from modelsearch.query import Phrase

    return [
        *COMMON,
        *RARE,
        *TWO_WORDS,
        *(Phrase(text) for text in PHRASES),
    ]


class RawWhoosh:
    """Whoosh alone on our live index: its own query parser, `search(limit=20)`, pks of hits."""

    def __init__(self):
        from modelsearch.backends import get_search_backend
        from wagtail.search import index
        from whoosh.qparser import MultifieldParser, OrGroup

        from procedures.models import ProcedurePage
        from search.backends.whoosh.documents import weighted_fields

        store = get_search_backend(OURS).get_index_for_model(ProcedurePage).store
        ix = store.open(store.current_generation())
        self.searcher = ix.searcher()
        fields = {
            name: boost
            for name, boost in weighted_fields(ProcedurePage, index.SearchField).items()
            if name in ix.schema
        }
        self.parser = MultifieldParser(list(fields), ix.schema, fieldboosts=fields, group=OrGroup)
        self.pks = self.searcher.reader().column_reader("pk")

    def search(self, query):
        text = f'"{query.query_string}"' if hasattr(query, "query_string") else query
        results = self.searcher.search(self.parser.parse(text), limit=TOP)
        return [self.pks[docnum] for docnum, _score in results.items()]

    def close(self):
        self.searcher.close()


def measure(bench, size):
    from procedures.models import ProcedurePage

    def pages():
        return ProcedurePage.objects.live().public()

    log(f"{size:,} pages: building the corpus")
    built = seconds(lambda: bench.grow(size))
    log(f"  built in {built:.1f}s; rebuilding indexes")
    figures = {"size": size}
    figures["rebuild"] = {name: bench.rebuild(name) for name in (OURS, DATABASE)}
    log("  one changed page")
    figures["changed"] = bench.changed_page()

    searches = queries()
    raw = RawWhoosh()
    figures["hits"] = {}
    figures["autocomplete"], figures["count"] = {}, {}

    def top(q, name, queryset=None):
        queryset = pages() if queryset is None else queryset
        return list(queryset.search(q, backend=name)[:TOP])

    log("  searches: raw Whoosh and ours, taking turns")
    built = [(q, pages()) for q in searches]
    figures["search"] = interleaved(
        {
            RAW: [lambda q=q: raw.search(q) for q in searches],
            OURS: [lambda q=q: top(q, OURS) for q in searches],
            LAYER: [lambda q=q, qs=qs: top(q, OURS, qs) for q, qs in built],
        }
    )
    figures["hits"][RAW] = statistics.mean(len(raw.search(q)) for q in searches)
    raw.close()
    log("  searches: database")
    figures["search"][DATABASE] = bench.timings(
        [lambda q=q: top(q, DATABASE) for q in searches], DATABASE
    )
    for name in (OURS, DATABASE):
        log(f"  autocomplete and count: {name}")

        def complete(prefix, name=name):
            return list(pages().autocomplete(prefix, backend=name)[:TOP])

        def count(q, name=name):
            return pages().search(q, backend=name).count()

        figures["autocomplete"][name] = bench.timings(
            [lambda p=p: complete(p) for p in PREFIXES], name
        )
        figures["count"][name] = bench.timings([lambda q=q: count(q) for q in searches], name)
        if name == OURS:
            figures["hits"][name] = statistics.mean(len(top(q, name)) for q in searches)
    return figures


def ms(value):
    return f"{value * 1000:,.1f}"


def machine():
    """One line naming the machine, the versions measured and the date, for a report."""
    return (
        f"Machine: {os.cpu_count()} cores, {cpu_model()}; Python {platform.python_version()}, "
        f"Wagtail {version('wagtail')}, Whoosh-Reloaded {version('whoosh-reloaded')}, "
        f"SQLite {sqlite_version()}; {time.strftime('%Y-%m-%d')}"
    )


def report(all_figures):
    """The figures, ratios and targets as plain-text tables."""
    lines = [
        machine(),
        "",
        "| pages | measure | ours | database | raw Whoosh | ours/database | ours/raw |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for figures in all_figures:
        size = f"{figures['size']:,}"
        rebuild = figures["rebuild"]
        lines.append(
            f"| {size} | full rebuild (s) | {rebuild[OURS]:.1f} | {rebuild[DATABASE]:.1f} | | "
            f"{rebuild[OURS] / rebuild[DATABASE]:.2f} | |"
        )
        changed = figures["changed"]
        lines.append(
            f"| {size} | one changed page indexed, median (ms) | {ms(changed[OURS])} | "
            f"{ms(changed[DATABASE])} | | {changed[OURS] / changed[DATABASE]:.2f} | |"
        )
        lines.append(
            f"| {size} | the change written into the index, median (ms) | "
            f"{ms(changed[CAUGHT_UP])} | | | | |"
        )
        for measure, label in [
            ("search", "top-20 search"),
            ("autocomplete", "top-20 autocomplete"),
            ("count", "count()"),
        ]:
            ours, _ = figures[measure][OURS]
            database, stopped = figures[measure][DATABASE]
            raw = figures[measure].get(RAW, (None, 0))[0]
            note = f" ({stopped} stopped at 5 s)" if stopped else ""
            for name, share in [("p50", 0.5), ("p95", 0.95)]:
                a, b = percentile(ours, share), percentile(database, share)
                c = percentile(raw, share) if raw else None
                lines.append(
                    f"| {size} | {label} {name} (ms) | {ms(a)} | {ms(b)}{note} | "
                    f"{ms(c) if c else ''} | {a / b:.3f} | {f'{a / c:.2f}' if c else ''} |"
                )
        layer, raw = figures["search"][LAYER][0], figures["search"][RAW][0]
        for name, share in [("p50", 0.5), ("p95", 0.95)]:
            a, c = percentile(layer, share), percentile(raw, share)
            lines.append(
                f"| {size} | top-20 search {name}, queryset built beforehand (ms) | {ms(a)} | | "
                f"{ms(c)} | | {a / c:.2f} |"
            )
        lines.append(
            f"| {size} | mean results per search (of 20) | {figures['hits'][OURS]:.1f} | | "
            f"{figures['hits'][RAW]:.1f} | | |"
        )
    lines += ["", *targets(all_figures)]
    return "\n".join(lines)


def targets(all_figures):
    """One line per target of the issue: met or missed, with the figure."""
    lines = ["Targets:"]

    def check(ok, text):
        lines.append(f"- [{'met' if ok else 'MISSED'}] {text}")

    for figures in all_figures:
        size = figures["size"]
        ours, _ = figures["search"][OURS]
        database, _ = figures["search"][DATABASE]
        raw, _ = figures["search"][RAW]
        p95, db95 = percentile(ours, 0.95), percentile(database, 0.95)
        check(p95 <= 0.25 * db95, f"{size:,}: search p95 {p95 / db95:.3f}x database's (<= 0.25)")
        if size in (1000, 10000):
            limit = 0.030 if size == 1000 else 0.100
            check(p95 < limit, f"{size:,}: search p95 {ms(p95)} ms (< {ms(limit)} ms)")
        raw50 = percentile(raw, 0.5)
        layer50 = percentile(figures["search"][LAYER][0], 0.5)
        check(
            layer50 <= 1.5 * raw50,
            f"{size:,}: search p50 {layer50 / raw50:.2f}x raw Whoosh (<= 1.5), "
            "the caller's queryset built beforehand",
        )
        lines.append(
            f"- [info] {size:,}: search p50 {percentile(ours, 0.5) / raw50:.2f}x raw Whoosh "
            "with Wagtail's `.live().public()` built in the timing"
        )
        if size == 10000:
            auto95 = percentile(figures["autocomplete"][OURS][0], 0.95)
            check(auto95 < 0.100, f"{size:,}: autocomplete p95 {ms(auto95)} ms (< 100 ms)")
            changed = figures["changed"]
            check(changed[OURS] < 0.025, f"{size:,}: changed page {ms(changed[OURS])} ms (< 25)")
            ratio = changed[OURS] / changed[DATABASE]
            check(ratio <= 1.0, f"{size:,}: changed page {ratio:.2f}x database's (<= 1.0)")
            written = (changed[OURS] + changed[CAUGHT_UP]) / changed[DATABASE]
            lines.append(
                f"- [info] {size:,}: recorded and written in, "
                f"{ms(changed[OURS] + changed[CAUGHT_UP])} ms, {written:.2f}x database's"
            )
            check_rebuild(figures, check)
    return lines


def check_rebuild(figures, check):
    """Issue 23's target for a full rebuild."""
    ratio = figures["rebuild"][OURS] / figures["rebuild"][DATABASE]
    check(ratio <= 1.5, f"{figures['size']:,}: full rebuild {ratio:.2f}x database's (<= 1.5)")


def measure_rebuild(bench, size):
    """Full rebuilds only, each backend twice in the order ours, database, database, ours, so
    that a machine getting busier or quieter weighs on both alike; the mean of each."""
    log(f"{size:,} pages: building the corpus")
    bench.grow(size)
    timings = {OURS: [], DATABASE: []}
    for name in (OURS, DATABASE, DATABASE, OURS):
        log(f"  full rebuild: {name}")
        timings[name].append(bench.rebuild(name))
    return {"size": size, "rebuild": {name: statistics.mean(t) for name, t in timings.items()}}


def report_rebuild(all_figures):
    lines = [
        machine(),
        "",
        "| pages | full rebuild (s), mean of 2 | ours | database | ours/database |",
    ]
    lines.append("|---:|---|---:|---:|---:|")
    checks = ["Targets:"]
    for figures in all_figures:
        ours, database = figures["rebuild"][OURS], figures["rebuild"][DATABASE]
        lines.append(
            f"| {figures['size']:,} | | {ours:.1f} | {database:.1f} | {ours / database:.2f} |"
        )
        check_rebuild(
            figures, lambda ok, text: checks.append(f"- [{'met' if ok else 'MISSED'}] {text}")
        )
    return "\n".join([*lines, "", *checks])


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def sqlite_version():
    import sqlite3

    return sqlite3.sqlite_version


def main(argv=None):
    args = parse_args(argv)
    setup_django(args.var_dir)
    from django.core.management import call_command

    started = time.perf_counter()
    log("Migrating a fresh database")
    call_command("migrate", verbosity=0)
    bench = Bench(args.seed)
    if args.rebuild_only:
        print(report_rebuild([measure_rebuild(bench, size) for size in args.sizes]))
        return
    all_figures = [measure(bench, size) for size in args.sizes]
    print(report(all_figures))
    log(f"Done in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
