"""Load test: gunicorn with production settings, the demo content, anonymous readers.

    .venv/bin/python bench/load.py                      # both set-ups, cache off then on, 60 s
    .venv/bin/python bench/load.py --setup sqlite-whoosh --duration 20
    .venv/bin/python bench/load.py --setup sqlite-whoosh --page-cache on --change-every 5
    .venv/bin/python bench/load.py --search             # the mix with a search, as before

For each set-up (SQLite + Whoosh, PostgreSQL + Wagtail's database search backend) it builds a
throwaway site (migrate, load_demo, update_index, collectstatic), then for each page cache
setting (`--page-cache`: off, then on, on the same site) starts gunicorn on a free port of
127.0.0.1, waits for /healthz, and keeps `--concurrency` clients busy for `--duration`
seconds, each client requesting the URLs below in turn (`--search` adds a search). It
prints requests per second, p50/p95/p99 per URL, the page cache's hits and their p95, and
errors (any status other than 200, or no answer within 10 s), then the ratio of requests per
second with the cache on to off, then stops gunicorn and drops what it built.

`--change-every N` starts a new generation of the page cache every N seconds during the run
(what any published change does: every cached page is rendered again once), to measure the
hit rate under changes far more frequent than the site's few a week.

The clients are Python threads on the same machine, so the figures compare set-ups and
settings; they are not a capacity promise.
"""

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
PG_SERVER = os.environ.get("BBWIKI_BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
PG_DATABASE = os.environ.get("BBWIKI_BENCH_PG_DATABASE", "bbwiki_load_bench")

# The anonymous readers' mix.
PAGES = {
    "home": "/",
    "procedure": "/procedures/joining-the-network/",
    "meeting": "/meetings/best-bits-2013-bali/",
    "objectives": "/objectives/",
    "history": "/procedures/joining-the-network/history/",
}
SEARCH = {"search": "/search/?query=surveillance"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_environment(setup, var_dir, page_cache=True):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BBWIKI_", "DATABASE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bbwiki.settings.production",
        SECRET_KEY="load-test-only-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        BBWIKI_BASE_URL="http://127.0.0.1",
        BBWIKI_VAR_DIR=str(var_dir),
        BBWIKI_SECURE_SSL_REDIRECT="0",
        BBWIKI_DB_CONN_MAX_AGE="60",
        BBWIKI_PAGE_CACHE="1" if page_cache else "0",
    )
    if setup == "sqlite-whoosh":
        env.update(
            DATABASE_URL=f"sqlite:///{var_dir / 'bbwiki.sqlite3'}", BBWIKI_SEARCH_BACKEND="whoosh"
        )
    else:
        env.update(DATABASE_URL=f"{PG_SERVER}/{PG_DATABASE}", BBWIKI_SEARCH_BACKEND="database")
    return env


def postgres(sql):
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def build_site(setup, env):
    if setup == "postgres-database":
        postgres(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        postgres(f"CREATE DATABASE {PG_DATABASE}")
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo"],
        ["update_index", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_gunicorn(env, port, workers):
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    server = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
        [GUNICORN, "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _, _ = fetch(port, "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    stop(server)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def stop(server):
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def fetch(port, path, conn=None):
    """(status, the page cache's state: "hit", "miss" or "", connection)."""
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    return response.status, response.getheader("X-Page-Cache", ""), conn


def client(port, urls, stop_at, results, hits, errors, offset):
    names = list(urls)
    conn = None
    i = offset
    while time.monotonic() < stop_at:
        name = names[i % len(names)]
        i += 1
        started = time.perf_counter()
        try:
            status, state, conn = fetch(port, urls[name], conn)
        except (OSError, http.client.HTTPException) as error:
            errors.append((name, repr(error)))
            conn = None
            continue
        elapsed = time.perf_counter() - started
        if status != 200:
            errors.append((name, status))
        else:
            results[name].append(elapsed)
            if state == "hit":
                hits.append(elapsed)


def percentile(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if values else 0.0


def changes(env, every, stop_at):
    """Start a new generation of the site's page cache every `every` seconds until `stop_at`,
    as any published change does; returns how many were started."""
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from pagecache.generation import bump

    count = 0
    while time.monotonic() + every < stop_at:
        time.sleep(every)
        bump()
        count += 1
    return count


def run_load(port, urls, duration, concurrency, env, change_every):
    # Warm every worker's caches (templates, searchers) before measuring.
    for _ in range(3):
        for path in urls.values():
            fetch(port, path)
    results = {name: [] for name in urls}
    hits, errors, changed = [], [], []
    stop_at = time.monotonic() + duration
    threads = [
        threading.Thread(target=client, args=(port, urls, stop_at, results, hits, errors, n))
        for n in range(concurrency)
    ]
    if change_every:
        threads.append(
            threading.Thread(
                target=lambda: changed.append(changes(env, change_every, stop_at)), daemon=True
            )
        )
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, hits, errors, time.monotonic() - started, sum(changed)


def report(title, results, hits, errors, elapsed, changed, args):
    """Print the run's figures; returns its requests per second."""
    total = sum(len(v) for v in results.values()) + len(errors)
    rate = total / elapsed
    print(
        f"\n{title}: {args.workers} gunicorn workers, {args.concurrency} clients, {elapsed:.0f} s"
    )
    print(f"  {rate:.1f} requests/s, {total} requests, {len(errors)} errors")
    if hits:
        print(
            f"  page cache: {len(hits)} hits ({len(hits) / total:.1%} of requests), "
            f"hit p50 {percentile(hits, 50) * 1000:.1f} ms, "
            f"p95 {percentile(hits, 95) * 1000:.1f} ms"
            + (f", {changed} new generations during the run" if changed else "")
        )
    print("  | URL | requests | p50 ms | p95 ms | p99 ms |")
    print("  |-----|---------:|-------:|-------:|-------:|")
    for name, values in results.items():
        p50, p95, p99 = (percentile(values, q) * 1000 for q in (50, 95, 99))
        print(f"  | {name} | {len(values)} | {p50:.0f} | {p95:.0f} | {p99:.0f} |")
    procedure_p95 = percentile(results["procedure"], 95)
    if procedure_p95 and "search" in results:
        ratio = percentile(results["search"], 95) / procedure_p95
        print(f"  search p95 / procedure p95 = {ratio:.2f} (target <= 3)")
    for name, error in errors[:10]:
        print(f"  error: {name}: {error}")
    return rate


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--setup", choices=["sqlite-whoosh", "postgres-database", "all"], default="all"
    )
    parser.add_argument("--duration", type=int, default=60, help="seconds of load per run")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument("--page-cache", choices=["off", "on", "both"], default="both")
    parser.add_argument("--search", action="store_true", help="add a search to the mix")
    parser.add_argument(
        "--change-every", type=float, default=0, help="seconds between new cache generations"
    )
    args = parser.parse_args()
    setups = ["sqlite-whoosh", "postgres-database"] if args.setup == "all" else [args.setup]
    if args.change_every and len(setups) > 1:
        parser.error("--change-every bumps one site's cache from this process: name one --setup")
    settings = {"off": [False], "on": [True], "both": [False, True]}[args.page_cache]
    urls = {**PAGES, **(SEARCH if args.search else {})}
    for setup in setups:
        var_dir = Path(tempfile.mkdtemp(prefix=f"bbwiki-load-{setup}-"))
        try:
            build_site(setup, site_environment(setup, var_dir))
            rates = {}
            for page_cache in settings:
                env = site_environment(setup, var_dir, page_cache)
                port = free_port()
                server = start_gunicorn(env, port, args.workers)
                try:
                    *figures, changed = run_load(
                        port, urls, args.duration, args.concurrency, env, args.change_every
                    )
                finally:
                    stop(server)
                title = f"{setup}, page cache {'on' if page_cache else 'off'}"
                rates[page_cache] = report(title, *figures, changed, args)
            if len(rates) == 2:
                print(
                    f"\n{setup}: page cache on / off = {rates[True] / rates[False]:.1f}x "
                    "requests/s (target >= 5)"
                )
        finally:
            shutil.rmtree(var_dir, ignore_errors=True)
            if setup == "postgres-database":
                postgres(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


if __name__ == "__main__":
    main()
