"""The search page, `/search/?query=…`, timed end to end on our Whoosh and the database backend.

    .venv/bin/python -m bench.search_page                 # 1,000 then 10,000 pages
    .venv/bin/python -m bench.search_page --sizes 1000    # a quick run
    .venv/bin/python -m bench.search_page --versions 0    # without past versions
    .venv/bin/python -m bench.search_page --database-url postgres://postgres@127.0.0.1/bench

The corpus is search_backends.py's (same `Bench`, same seed), in a throwaway var dir of its
own, served as the site's default Site. Each request goes through Django's test client: URL
routing, middleware, the view, visibility, ranking, spelling, facets, snippets and the
template; everything but the WSGI server. The search page asks for the "default" backend,
which is pointed at the backend measured for each run. Whoosh gets a warm-up pass and the
median of 3 requests per URL, asked again (its matches kept under the site's generation) and
first after a change (a new generation before each request); a database-backend request, each
URL once, is stopped at 5 s and counted as 5 s.

With `--versions N` (10 by default) each size is then measured again after every live page
has been given N published versions, their wordings built and indexed (bench/versions.py):
today's searches, on the same URLs, with and without the past versions in the index. With
`--database-url` the run uses that PostgreSQL database (dropped and created afresh), so the
database backend measured is Wagtail's PostgreSQL one (bench/postgres.py).
"""

import logging
import re
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.search_backends import (
    BASE_DIR,
    COMMON,
    DATABASE,
    DB_TIMEOUT,
    OURS,
    PHRASES,
    RARE,
    REPEATS,
    TWO_WORDS,
    argument_parser,
    log,
    machine,
    ms,
    percentile,
    seconds,
    setup_django,
)

HOST = "localhost"
# As a visitor types them: words left out with a minus sign, alternatives joined by OR.
EXCLUDED_AND_OR = [
    "committee -election",
    "statement -joint",
    '"steering committee" -nominations',
    "agenda -draft",
    "quorum OR plenary",
    "report OR statement",
    '"civil society" OR constituencies',
    "travel OR funding -privacy",
]
# The costliest searches a visitor can ask for (issue 26): twelve near-miss words, and
# near-misses joined by OR. Each word is a corpus word with one letter doubled.
NEAR_MISSES = [
    "netwwork", "memmbers", "meetting", "commmittee", "reeport", "rigghts", "proccess",
    "puublic", "suppport", "deccision", "grooup", "pollicy",
]  # fmt: skip
WORST = [" ".join(NEAR_MISSES), " OR ".join(NEAR_MISSES)]
RESULT_COUNT = re.compile(r'class="search-count"[^>]*>\s*(?:(\d+)\+? results?|Nothing found)')


def typed_queries():
    """The 60 queries of search_backends.py as a visitor types them (phrases in double quotes),
    then the ones with -excluded words and OR."""
    return [*COMMON, *RARE, *TWO_WORDS, *(f'"{phrase}"' for phrase in PHRASES), *EXCLUDED_AND_OR]


def search_urls(year):
    """Every URL timed: the typed queries, then a few narrowed by a facet or on page 2.

    Every corpus page is a procedure published in `year`, so the facets keep all the hits.
    """
    from django.urls import reverse

    narrowed = [
        ("network", {"kind": "procedure"}),
        ('"civil society"', {"kind": "procedure"}),
        ("meeting", {"year": year}),
        ('"task force"', {"year": year}),
        ("policy", {"page": 2}),
        ('"human rights"', {"page": 2}),
        ("session", {"kind": "procedure", "page": 2}),
    ]
    path = reverse("search:search")
    return [
        f"{path}?{urlencode({'query': text, **params})}"
        for text, params in [*((text, {}) for text in typed_queries()), *narrowed]
    ]


@contextmanager
def search_page_backend(name):
    """Point the "default" search backend, the one the search page uses, at backend `name`."""
    from django.conf import settings
    from django.test import override_settings
    from modelsearch.backends import get_search_backend

    from pagecache import generation

    backends = settings.WAGTAILSEARCH_BACKENDS
    with override_settings(WAGTAILSEARCH_BACKENDS={**backends, "default": backends[name]}):
        if type(get_search_backend()) is not type(get_search_backend(name)):
            raise RuntimeError(f"The search page does not search with the {name!r} backend")
        # Matches kept by the other backend's searches are not this one's.
        generation.bump()
        yield


def after_change(page, url):
    """Seconds to answer `url` first after a change: a new site generation, so that the
    search's matches are not yet kept."""
    from pagecache import generation

    generation.bump()
    return seconds(lambda: page.get(url))


def serve(bench):
    """Make the corpus the default Site, answering HOST, so that its pages have URLs."""
    from wagtail.models import Site

    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": HOST, "port": 80, "root_page": bench.wiki.get_parent()},
    )


@dataclass
class Visit:
    """What one request answered."""

    status: int
    results: int | None  # the count the page shows; None if it shows none (an error page)
    queries: int


class SearchPage:
    """The search page, requested as a browser would through the whole site."""

    def __init__(self):
        from django.test import Client

        self.client = Client(HTTP_HOST=HOST)

    def get(self, url):
        return self.client.get(url)

    def visit(self, url):
        """One request, with its status, the result count shown and the SQL queries run."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = self.get(url)
        found = RESULT_COUNT.search(response.content.decode())
        results = int(found.group(1) or 0) if found else None
        return Visit(response.status_code, results, len(queries))


def published_year(bench):
    from wagtail.models import Page

    return Page.objects.get(pk=bench.live_pks[0]).first_published_at.year


def run(bench, page, urls, name):
    """(seconds per URL, how many were stopped, {url: Visit}, seconds per URL first after a
    change) for backend `name`. Whoosh is timed twice: asked again (its matches kept), and
    first after a change; a database-backend request is timed once, first after a change."""
    visits = {}

    def visit(url):
        visits[url] = page.visit(url)

    if name == DATABASE:
        # One request per URL, stopped at 5 s; counting its queries costs nothing against that.
        times, stopped = bench.timings([lambda url=url: visit(url) for url in urls], name)
        first = times
    else:
        for url in urls:  # queries counted and pages checked outside the timings
            visit(url)
        first = [statistics.median(after_change(page, url) for _ in range(REPEATS)) for url in urls]
        times, stopped = bench.timings([lambda url=url: page.get(url) for url in urls], name)
    check(name, urls, visits, stopped)
    return times, stopped, visits, first


def check(name, urls, visits, stopped):
    """Every request answered a results page, but those stopped at 5 s (a 503), and every
    common word found something."""
    errors = [
        f"{visit.status} {url}"
        for url, visit in visits.items()
        if visit.status != 200 and not (visit.status == 503 and name == DATABASE)
    ]
    errors += [
        f"no result count on {url}"
        for url, v in visits.items()
        if v.status == 200 and v.results is None
    ]
    if sum(visit.status == 503 for visit in visits.values()) != stopped:
        errors.append(f"{stopped} requests stopped at 5 s but not as many 503s")
    common = set(urls[: len(COMMON)])  # the URLs come in typed_queries() order
    errors += [
        f"nothing found for {url}"
        for url, visit in visits.items()
        if url in common and visit.status == 200 and not visit.results
    ]
    if not any(visit.results for visit in visits.values()):
        errors.append("no request found anything")
    if errors:
        raise SystemExit(f"The search page on {name!r} went wrong:\n" + "\n".join(errors))


def measure(bench, page, size, versions=0):
    from search import spelling

    log(f"{size:,} pages: building the corpus")
    bench.grow(size)
    for name in (OURS, DATABASE):
        log(f"  rebuilding the {name} index")
        bench.rebuild(name)
    urls = search_urls(published_year(bench))
    figures = {"size": size, "urls": len(urls)}
    # The corpus is bulk-inserted, without the signals that keep the spelling vocabulary:
    # build it from every page, as `manage.py rebuild_vocabulary` does.
    log("  rebuilding the spelling vocabulary")
    figures["vocabulary"] = seconds(spelling.rebuild)
    with search_page_backend(OURS):
        page.get(urls[0])
        # The first search after a publish reads that page's words again (the publish's
        # page save records it, as here).
        spelling.recheck(bench.live_pks[len(bench.live_pks) // 2])
        figures["cold"] = after_change(page, urls[0])
    for name in (OURS, DATABASE):
        log(f"  search page: {name}")
        with search_page_backend(name):
            figures[name] = run(bench, page, urls, name)
    with search_page_backend(OURS):
        path = urls[0].split("?")[0]
        worst = [f"{path}?{urlencode({'query': text})}" for text in WORST]
        figures["worst"] = [
            statistics.median(after_change(page, url) for _ in range(REPEATS)) for url in worst
        ]
    if versions:
        from bench import versions as past

        past.measure(
            bench,
            page,
            figures,
            versions,
            lambda name: run(bench, page, urls, name),
            (OURS, DATABASE),
            search_page_backend,
        )
    return figures


def summary(visits, field, urls):
    """The median and, in brackets, the largest value of a Visit field over `urls`."""
    values = [getattr(visits[url], field) for url in urls]
    return f"{statistics.median(values):,.0f} ({max(values):,})" if values else ""


def report(all_figures):
    """The figures as a markdown table."""
    from django.db import connection

    lines = [
        f"{machine()}; database {connection.vendor}",
        "",
        "| pages | measure | Whoosh | database | Whoosh/database |",
        "|---:|---|---:|---:|---:|",
    ]
    for figures in all_figures:
        size = f"{figures['size']:,}"
        ours, _, ours_visits, ours_first = figures[OURS]
        database, stopped, database_visits, _ = figures[DATABASE]
        note = f" ({stopped} stopped at {DB_TIMEOUT:.0f} s)" if stopped else ""
        for label, share in [("p50", 0.5), ("p95", 0.95)]:
            a, b = percentile(ours_first, share), percentile(database, share)
            lines.append(
                f"| {size} | search page {label} (ms), {figures['urls']} URLs, first after a "
                f"change | {ms(a)} | {ms(b)}{note} | {a / b:.3f} |"
            )
        for label, share in [("p50", 0.5), ("p95", 0.95)]:
            lines.append(
                f"| {size} | search page {label} (ms), asked again (matches kept) | "
                f"{ms(percentile(ours, share))} | | |"
            )
        # Compared on the same URLs: those the database backend answered within 5 s.
        answered = [url for url, visit in database_visits.items() if visit.status == 200]
        on = f", {len(answered)} URLs answered by both" if stopped else ""
        for field, label in [
            ("queries", f"SQL queries per request, median (max){on}"),
            ("results", f"results found, median (max; 1,000+ counted as 1,000){on}"),
        ]:
            lines.append(
                f"| {size} | {label} | {summary(ours_visits, field, answered)} | "
                f"{summary(database_visits, field, answered)} | |"
            )
        lines.append(
            f"| {size} | spelling vocabulary rebuilt from every page (ms, once) | "
            f"{ms(figures['vocabulary'])} | | |"
        )
        lines.append(
            f"| {size} | first search after one publish (ms) | {ms(figures['cold'])} | | |"
        )
        twelve, joined = figures["worst"]
        lines.append(f"| {size} | twelve near-miss words (ms, median of 3) | {ms(twelve)} | | |")
        lines.append(f"| {size} | the same joined by OR (ms, median of 3) | {ms(joined)} | | |")
    return "\n".join(lines)


def connection_vendor():
    from django.db import connection

    return "PostgreSQL" if connection.vendor == "postgresql" else "SQLite FTS5"


def main(argv=None):
    description = __doc__.split("\n\n")[0]
    parser = argument_parser(description, BASE_DIR / "var" / "bench-page")
    parser.add_argument(
        "--versions",
        default=10,
        type=int,
        help="published versions given to each page for the second measurement (0: none)",
    )
    parser.add_argument(
        "--database-url", help="a PostgreSQL database to use (dropped and created afresh)"
    )
    args = parser.parse_args(argv)
    if args.database_url:
        from bench.postgres import fresh_database

        fresh_database(args.database_url)
    setup_django(args.var_dir)
    from django.core.management import call_command

    # A request stopped at 5 s answers 503: counted in the table, not logged as an error.
    for name in ("django.request", "bbwiki"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    started = time.perf_counter()
    log("Migrating a fresh database")
    call_command("migrate", verbosity=0)
    if args.database_url:
        from bench.postgres import PostgresBench as Bench
    else:
        from bench.search_backends import Bench
    bench = Bench(args.seed)
    serve(bench)
    page = SearchPage()
    all_figures = [measure(bench, page, size, args.versions) for size in args.sizes]
    print(report(all_figures))
    if args.versions:
        from bench import versions as past

        labels = {OURS: "Whoosh", DATABASE: f"database ({connection_vendor()})"}
        print(past.report(all_figures, (OURS, DATABASE), labels))
    log(f"Done in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
