"""Joint statements at scale: one statement with 100,000 confirmed signatures.

    .venv/bin/python -m bench.statements                          # 10,000 then 100,000
    .venv/bin/python -m bench.statements --sizes 10000            # a quick run

Works in a throwaway `var/bench-statements/` (wiped first) with `bench/settings.py`. The
signatures are bulk-inserted (every country, organisations one in five, one in ten on the first
version of the text, a public comment on one in four). Each request goes through Django's test
client: URL routing, middleware, the page's route, the queries and the template; everything
but the WSGI server. Every URL gets a warm-up request, then REQUESTS timed ones; p50 and p95
are over those. The home page, timed the same way in the same process, is the baseline the
ratios are taken to, so that they hold however fast the machine is that day.

- statement page, and the signatory list: first page, filtered by region, by country, by
  both, and a deep page (page 1,000 at 100,000 signatures); with their query counts;
- the CSV and JSON downloads: the time to stream the whole file, and the peak memory Python
  allocated meanwhile (tracemalloc), at each size: flat memory means the same peak at 10,000
  and at 100,000 signatures;
- signing: POST sign/ with a valid form, each from its own email and address, email sent to
  Django's dummy backend (sending excluded, rendering the email included);
- confirming: the confirmation POST, and writing the statement's 100,000 signatory names into
  the search index (which a confirmation triggers when automatic indexing is on).
"""

import argparse
import datetime
import random
import time
import tracemalloc
from pathlib import Path

from bench.search_backends import BASE_DIR, log, machine, ms, percentile, setup_django

HOST = "localhost"
REQUESTS = 40
SIGNINGS = 200
BATCH = 5000


def parse_args(argv=None):
    var_dir = BASE_DIR / "var" / "bench-statements"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        type=lambda text: sorted(int(size) for size in text.split(",")),
        help="signature counts, comma-separated (default 10000,100000)",
    )
    parser.add_argument("--var-dir", default=var_dir, type=Path)
    return parser.parse_args(argv)


class Corpus:
    """A site with one open statement whose text has two versions, signed in bulk."""

    def __init__(self):
        from wagtail.models import Page, Site

        from home.models import HomePage
        from statements.models import StatementIndexPage, StatementPage

        root = Page.get_first_root_node()
        self.home = root.add_child(instance=HomePage(title="Best Bits", slug="best-bits"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": HOST, "port": 80, "root_page": self.home}
        )
        index = self.home.add_child(instance=StatementIndexPage(title="Statements"))
        statement = index.add_child(
            instance=StatementPage(
                title="Statement at scale",
                slug="at-scale",
                status=StatementPage.Status.OPEN,
                body="<p>The first text.</p>",
            )
        )
        self.first = statement.save_revision()
        self.first.publish()
        statement = StatementPage.objects.get(pk=statement.pk)
        statement.body = "<p>The second text.</p>"
        self.second = statement.save_revision()
        self.second.publish()
        self.statement = StatementPage.objects.get(pk=statement.pk)
        self.size = 0
        self.random = random.Random(2013)  # noqa: S311

    def grow(self, size):
        from statements.countries import country_choices, region_of
        from statements.models import Signature, SignatureCount

        countries = [code for code, _ in country_choices()]
        now = datetime.datetime.now(datetime.UTC)
        for start in range(self.size, size, BATCH):
            rows = []
            for n in range(start, min(start + BATCH, size)):
                country = self.random.choice(countries)
                organisation = n % 5 == 0
                rows.append(
                    Signature(
                        statement=self.statement,
                        kind="organisation" if organisation else "individual",
                        organisation_name=f"Organisation {n}" if organisation else "",
                        organisation_key=f"organisation {n}" if organisation else "",
                        role="Director" if organisation else "",
                        name=f"Signatory {n}",
                        country=country,
                        region=region_of(country),
                        email=f"signatory{n}@example.org",
                        comment="We agree." if n % 4 == 0 else "",
                        revision=self.first if n % 10 == 0 else self.second,
                        signed_at=now,
                        confirmed_at=now + datetime.timedelta(seconds=n),
                    )
                )
            Signature.objects.bulk_create(rows)
        SignatureCount.rebuild(self.statement)
        self.size = size


def timed_requests(client, url, count=REQUESTS):
    """(p50, p95, queries of the last request) of GET `url`, after one warm-up request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    times = []
    for _ in range(count):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
    return percentile(times, 0.5), percentile(times, 0.95), len(queries)


def streamed(client, url):
    """(seconds to stream, peak bytes allocated meanwhile, lines) of a download."""
    start = time.perf_counter()
    lines = sum(chunk.count(b"\n") for chunk in client.get(url).streaming_content)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    for _chunk in client.get(url).streaming_content:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak, lines


def signing(client, statement, start):
    """p50, p95 of signing, and p50 of confirming, SIGNINGS times each."""
    from django.core import mail

    from statements import tokens
    from statements.models import Signature

    sign_times, confirm_times = [], []
    url = statement.url + "sign/"
    for n in range(start, start + SIGNINGS):
        data = {
            "kind": "individual",
            "name": f"New signatory {n}",
            "country": "KE",
            "email": f"new{n}@example.org",
        }
        begin = time.perf_counter()
        response = client.post(
            url, data, REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        )
        sign_times.append(time.perf_counter() - begin)
        if response.status_code != 302:
            raise RuntimeError(f"signing answered {response.status_code}")
    mail.outbox = []
    for signature in Signature.objects.filter(confirmed_at=None):
        confirm = statement.url + "confirm/?token=" + tokens.make(tokens.CONFIRM, signature)
        begin = time.perf_counter()
        client.post(confirm)
        confirm_times.append(time.perf_counter() - begin)
    return (
        percentile(sign_times, 0.5),
        percentile(sign_times, 0.95),
        percentile(confirm_times, 0.5),
    )


def index_time(statement):
    from modelsearch.backends import get_search_backend

    backend = get_search_backend("default")
    start = time.perf_counter()
    backend.add(statement)
    return time.perf_counter() - start


def measure(corpus, size):
    from django.test import Client, override_settings

    corpus.grow(size)
    log(f"{size:,} signatures inserted")
    statement = corpus.statement
    client = Client(HTTP_HOST=HOST)
    figures = []
    base50, base95, base_queries = timed_requests(client, "/")
    figures.append(("home page (baseline)", base50, base95, base_queries))
    deep = max(size // 100, 1)
    for label, path in [
        ("statement page", ""),
        ("list, first page", "signatories/"),
        ("list, one region", "signatories/?region=africa"),
        ("list, one country", "signatories/?country=KE"),
        ("list, region and country", "signatories/?region=europe&country=FR&page=2"),
        (f"list, page {deep:,}", f"signatories/?page={deep}"),
    ]:
        p50, p95, queries = timed_requests(client, statement.url + path)
        figures.append((label, p50, p95, queries))
        log(f"{label}: p95 {ms(p95)} ms, {queries} queries")
    downloads = {
        fmt: streamed(client, statement.url + f"signatories/{fmt}/") for fmt in ("csv", "json")
    }
    log("downloads streamed")
    with override_settings(
        STATEMENTS_SIGNING_RATE=(10**9, 3600),
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    ):
        sign50, sign95, confirm50 = signing(client, statement, size)
    corpus.size += SIGNINGS
    log("signing timed")
    return {
        "size": size,
        "pages": figures,
        "baseline": base95,
        "downloads": downloads,
        "signing": (sign50, sign95, confirm50),
        "index": index_time(statement.__class__.objects.get(pk=statement.pk)),
    }


def report(all_figures):
    lines = [machine(), ""]
    lines += [
        "| signatures | page | p50 (ms) | p95 (ms) | p95 / home page p95 | queries |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for figures in all_figures:
        for label, p50, p95, queries in figures["pages"]:
            lines.append(
                f"| {figures['size']:,} | {label} | {ms(p50)} | {ms(p95)} | "
                f"{p95 / figures['baseline']:.2f} | {queries} |"
            )
    lines += ["", "| signatures | download | streamed in (s) | peak memory (MB) | lines |"]
    lines += ["|---:|---|---:|---:|---:|"]
    for figures in all_figures:
        for fmt, (elapsed, peak, count) in figures["downloads"].items():
            lines.append(
                f"| {figures['size']:,} | {fmt.upper()} | {elapsed:.2f} | {peak / 2**20:.1f} | "
                f"{count:,} |"
            )
    lines += ["", "| signatures | signing p50 (ms) | signing p95 (ms) | confirming p50 (ms) "]
    lines[-1] += "| the statement indexed for search (ms) |"
    lines += ["|---:|---:|---:|---:|---:|"]
    for figures in all_figures:
        sign50, sign95, confirm50 = figures["signing"]
        lines.append(
            f"| {figures['size']:,} | {ms(sign50)} | {ms(sign95)} | {ms(confirm50)} | "
            f"{ms(figures['index'])} |"
        )
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    setup_django(args.var_dir)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    log("migrated")
    corpus = Corpus()
    print(report([measure(corpus, size) for size in args.sizes]))


if __name__ == "__main__":
    main()
