"""Load test: gunicorn with production settings, the demo content, a mix of page views and searches.

    .venv/bin/python bench/load.py                      # both set-ups, 60 s each
    .venv/bin/python bench/load.py --setup sqlite-whoosh --duration 20

For each set-up (SQLite + Whoosh, PostgreSQL + Wagtail's database search backend) it builds a
throwaway site (migrate, load_demo, update_index, collectstatic), starts gunicorn on a free
port of 127.0.0.1, waits for /healthz, then keeps `--concurrency` clients busy for
`--duration` seconds, each client requesting the URLs below in turn. It prints requests per
second, p50/p95/p99 per URL and errors (any status other than 200, or no answer within 10 s),
then stops gunicorn and drops what it built. The clients are Python threads on the same
machine, so the figures compare set-ups and URLs; they are not a capacity promise.
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
PG_DATABASE = "bbwiki_load_bench"

URLS = {
    "home": "/",
    "procedure": "/procedures/joining-the-network/",
    "meeting": "/meetings/best-bits-2013-bali/",
    "search": "/search/?query=surveillance",
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_environment(setup, var_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BBWIKI_", "DATABASE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bbwiki.settings.production",
        SECRET_KEY="load-test-only-" + "k" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        BBWIKI_BASE_URL="http://127.0.0.1",
        BBWIKI_VAR_DIR=str(var_dir),
        BBWIKI_SECURE_SSL_REDIRECT="0",
        BBWIKI_DB_CONN_MAX_AGE="60",
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
            status, _ = fetch(port, "/healthz")
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
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    return response.status, conn


def client(port, stop_at, results, errors, offset):
    names = list(URLS)
    conn = None
    i = offset
    while time.monotonic() < stop_at:
        name = names[i % len(names)]
        i += 1
        started = time.perf_counter()
        try:
            status, conn = fetch(port, URLS[name], conn)
        except (OSError, http.client.HTTPException) as error:
            errors.append((name, repr(error)))
            conn = None
            continue
        elapsed = time.perf_counter() - started
        if status != 200:
            errors.append((name, status))
        else:
            results[name].append(elapsed)


def percentile(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if values else 0.0


def run_load(port, duration, concurrency):
    # Warm every worker's caches (templates, searchers) before measuring.
    for _ in range(3):
        for path in URLS.values():
            fetch(port, path)
    results = {name: [] for name in URLS}
    errors = []
    stop_at = time.monotonic() + duration
    threads = [
        threading.Thread(target=client, args=(port, stop_at, results, errors, n))
        for n in range(concurrency)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors, time.monotonic() - started


def report(setup, results, errors, elapsed, workers, concurrency):
    total = sum(len(v) for v in results.values()) + len(errors)
    print(f"\n{setup}: {workers} gunicorn workers, {concurrency} clients, {elapsed:.0f} s")
    print(f"  {total / elapsed:.1f} requests/s, {total} requests, {len(errors)} errors")
    print("  | URL | requests | p50 ms | p95 ms | p99 ms |")
    print("  |-----|---------:|-------:|-------:|-------:|")
    for name, values in results.items():
        p50, p95, p99 = (percentile(values, q) * 1000 for q in (50, 95, 99))
        print(f"  | {name} | {len(values)} | {p50:.0f} | {p95:.0f} | {p99:.0f} |")
    procedure_p95 = percentile(results["procedure"], 95)
    if procedure_p95:
        ratio = percentile(results["search"], 95) / procedure_p95
        print(f"  search p95 / procedure p95 = {ratio:.2f} (target <= 3)")
    for name, error in errors[:10]:
        print(f"  error: {name}: {error}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--setup", choices=["sqlite-whoosh", "postgres-database", "all"], default="all"
    )
    parser.add_argument("--duration", type=int, default=60, help="seconds of load per set-up")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    args = parser.parse_args()
    setups = ["sqlite-whoosh", "postgres-database"] if args.setup == "all" else [args.setup]
    for setup in setups:
        var_dir = Path(tempfile.mkdtemp(prefix=f"bbwiki-load-{setup}-"))
        env = site_environment(setup, var_dir)
        try:
            build_site(setup, env)
            port = free_port()
            server = start_gunicorn(env, port, args.workers)
            try:
                results, errors, elapsed = run_load(port, args.duration, args.concurrency)
            finally:
                stop(server)
            report(setup, results, errors, elapsed, args.workers, args.concurrency)
        finally:
            shutil.rmtree(var_dir, ignore_errors=True)
            if setup == "postgres-database":
                postgres(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


if __name__ == "__main__":
    main()
