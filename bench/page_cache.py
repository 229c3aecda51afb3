"""The page cache in one process: a hit, a miss and an uncached render against /healthz.

    make setup && .venv/bin/python -m bench.page_cache          # the demo site in var/
    BBWIKI_VAR_DIR=var-2 .venv/bin/python -m bench.page_cache   # another copy's

Requests go through Django's test client (URL routing, every middleware, the view; no WSGI
server), as an anonymous reader, to every public page of the demo site: each live page,
each history page and feed, /changes/ and its feed, /changes/upcoming/ and the sitemap. The
page cache is a file cache in a throwaway folder (as a server's default, but never the
site's own). Each round times, URL by URL and in turn, so that the machine's drift falls on
none of them:

- `/healthz`: what Django itself costs (a query and a look at the search index);
- uncached: the page rendered with the page cache off (what every view cost before it);
- miss: the page cache on, a new generation just started (rendered, then stored);
- hit: the stored page served.

It prints each URL's medians, then the median over URLs of each, and the ratios the issue
sets: hit / healthz (target <= 2) and miss / uncached (target: no more than today, 1.0x
within the noise).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def setup_django(cache_dir):
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bbwiki.settings.dev")
    import django
    from django.conf import settings

    django.setup()
    from django.test import override_settings

    pages = {
        **settings.CACHES[settings.PAGE_CACHE_ALIAS],
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(cache_dir),
    }
    override_settings(
        DEBUG=False, CACHES={**settings.CACHES, settings.PAGE_CACHE_ALIAS: pages}
    ).enable()


def public_urls():
    """Every public URL of the site: pages, their history and feeds, changes, the sitemap."""
    from django.urls import reverse
    from wagtail.models import Page

    urls = ["/sitemap.xml", reverse("changes"), reverse("changes_feed"), reverse("upcoming")]
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        urls.append(page.url)
        if getattr(page, "has_public_history", False):
            urls += [page.subpage_url("history"), page.subpage_url("history_feed")]
    return urls


def timed(client, url, expect_state=None):
    from pagecache.middleware import HEADER

    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    state = response.get(HEADER, "")
    if response.status_code != 200 or expect_state not in (None, state):
        raise SystemExit(f"{url}: status {response.status_code}, page cache {state!r}")
    return elapsed


def measure(urls, rounds):
    from django.test import Client, override_settings

    from pagecache import generation

    client = Client(HTTP_HOST="127.0.0.1")
    times = {url: {"healthz": [], "uncached": [], "miss": [], "hit": []} for url in urls}
    for url in urls:  # warm templates, the search index and the site's own caches
        client.get(url)
    for _ in range(rounds):
        for url in urls:
            row = times[url]
            row["healthz"].append(timed(client, "/healthz"))
            with override_settings(PAGE_CACHE_ENABLED=False):
                row["uncached"].append(timed(client, url, ""))
            generation.bump()
            row["miss"].append(timed(client, url, "miss"))
            row["hit"].append(timed(client, url, "hit"))
    return {url: {k: statistics.median(v) for k, v in row.items()} for url, row in times.items()}


def report(medians):
    columns = ("healthz", "uncached", "miss", "hit")
    print("| URL | " + " | ".join(f"{c} ms" for c in columns) + " | hit / healthz |")
    print("|---|" + "---:|" * (len(columns) + 1))
    for url, row in medians.items():
        cells = " | ".join(f"{row[c] * 1000:.2f}" for c in columns)
        print(f"| {url} | {cells} | {row['hit'] / row['healthz']:.2f} |")
    overall = {c: statistics.median(row[c] for row in medians.values()) for c in columns}
    cells = " | ".join(f"{overall[c] * 1000:.2f}" for c in columns)
    print(
        f"| median of {len(medians)} URLs | {cells} | {overall['hit'] / overall['healthz']:.2f} |"
    )
    hit_ratio = overall["hit"] / overall["healthz"]
    miss_ratio = overall["miss"] / overall["uncached"]
    print(f"\nhit / healthz = {hit_ratio:.2f} (target <= 2)")
    print(f"miss / uncached = {miss_ratio:.2f} (target: no more than today)")
    print(f"uncached / hit = {overall['uncached'] / overall['hit']:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="requests per URL and kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bbwiki-page-cache-") as cache_dir:
        setup_django(Path(cache_dir))
        urls = public_urls()
        report(measure(urls, args.rounds))


if __name__ == "__main__":
    main()
