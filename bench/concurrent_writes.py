"""Concurrent writes on the default set-up (`make run`: the development server, SQLite).

    .venv/bin/python bench/concurrent_writes.py
    .venv/bin/python bench/concurrent_writes.py --rounds 6 --publishes 24 --searchers 8

Builds a throwaway site under a temporary BBWIKI_VAR_DIR (migrate, load_demo, update_index),
submits `--rounds + --publishes` changes to new procedures for approval, and starts
`manage.py runserver` (threaded, as `make run` does) on a free port. Then, over HTTP:

1. approvals posted together: `--rounds` rounds, each of the two committee members' approvals
   of one change posted at the same instant;
2. a burst of searches while changes are published: `--searchers` clients search without
   pause (near misses and words of the site) while the changes are approved one after the
   other, each approval pair posted together.

It prints, per part, the requests answered with anything but the expected status (a 503 is
"database not answering"), then reads the database: approvals posted but not recorded, and
changes whose workflow did not end approved, are lost writes (an approved change then takes
effect after the demo's notice period). Then it stops the server and drops the site.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CSRF_SECRET = "b" * 32
QUERIES = ["quilwort", "membrship", "surveilance", "joining", "quorom", "internet governance"]

# Run in the site's own process: the changes to approve, and the committee's sessions.
PREPARE = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.urls import reverse
from history.summaries import record_change_summary
from moderation.constants import MEMBERS_GROUP, STEERING_COMMITTEE_GROUP
from procedures.models import ProcedureIndexPage, ProcedurePage

User = get_user_model()
def person(name, group):
    user, _ = User.objects.get_or_create(username=name, defaults={"email": name + "@example.org"})
    user.groups.add(Group.objects.get(name=group))
    return user
def session(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key

member = person("bench-member", MEMBERS_GROUP)
approvers = [person(f"bench-sc{n}", STEERING_COMMITTEE_GROUP) for n in (1, 2)]
wiki = ProcedureIndexPage.objects.first()
changes = []
for n in range(COUNT):
    page = ProcedurePage(title=f"Bench rule {n}", slug=f"bench-rule-{n}", summary="Old text.")
    wiki.add_child(instance=page)
    page.save_revision().publish()
    page.summary = f"Quillwort rule {n}."
    revision = page.save_revision(user=member)
    record_change_summary(page, "Bench change.", user=member)
    state = page.get_workflow().start(page, member)
    task_state = state.current_task_state
    changes.append({"page": page.pk, "revision": revision.pk,
                    "review": reverse("moderation_review", args=[task_state.pk])})
print(json.dumps({"sessions": [session(user) for user in approvers], "changes": changes}))
"""

CHECK = """
import json
from moderation.models import QuorumDecision
from wagtail.models import WorkflowState
changes = CHANGES
recorded = QuorumDecision.objects.filter(
    decision="approve", revision_id__in=[c["revision"] for c in changes]
).count()
approved = WorkflowState.objects.filter(
    object_id__in=[str(c["page"]) for c in changes], status=WorkflowState.STATUS_APPROVED
).count()
print(json.dumps({"recorded": recorded, "approved": approved}))
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(var_dir, port):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BBWIKI_", "DATABASE"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bbwiki.settings.dev",
        BBWIKI_VAR_DIR=str(var_dir),
        BBWIKI_BASE_URL=f"http://127.0.0.1:{port}",
        # The bench searches far more often than one visitor may.
        BBWIKI_SEARCH_RATE="0",
    )
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )


def run_in_site(env, code):
    """What `code`, run by `manage.py shell`, printed last, read as JSON."""
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", "shell", "-v0", "-c", code],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def request(port, method, path, session=None, data=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    cookies = f"csrftoken={CSRF_SECRET}" + (f"; sessionid={session}" if session else "")
    headers = {"Cookie": cookies, "Host": "127.0.0.1"}
    body = None
    if data is not None:
        body = urlencode({**data, "csrfmiddlewaretoken": CSRF_SECRET})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException) as error:
        return repr(error)
    finally:
        connection.close()


def approve_together(port, sessions, change):
    """Both approvals of `change`, posted at the same instant; their statuses."""
    start = threading.Barrier(len(sessions))
    data = {"action": "approve", "comment": "", "revision_id": change["revision"]}

    def post(session):
        start.wait()
        return request(port, "POST", change["review"], session, data)

    with ThreadPoolExecutor(len(sessions)) as pool:
        return list(pool.map(post, sessions))


def search_until(port, stop, n):
    statuses = []
    while not stop.is_set():
        query = QUERIES[(n + len(statuses)) % len(QUERIES)]
        statuses.append(request(port, "GET", f"/search/?{urlencode({'query': query})}"))
    return statuses


def report(title, statuses, expected):
    counts = Counter(statuses)
    failed = sum(n for status, n in counts.items() if status != expected)
    detail = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items(), key=str))
    print(f"  {title}: {len(statuses)} requests, {failed} not {expected} ({detail})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="approval pairs posted together")
    parser.add_argument("--publishes", type=int, default=24, help="changes published in the burst")
    parser.add_argument("--searchers", type=int, default=8, help="clients searching meanwhile")
    args = parser.parse_args()

    var_dir = Path(tempfile.mkdtemp(prefix="bbwiki-concurrent-writes-"))
    port = free_port()
    env = environment(var_dir, port)
    server = None
    try:
        print(f"Building the demo site in {var_dir} ...")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "-v0")
        manage(env, "update_index", "-v0")
        prepared = run_in_site(env, PREPARE.replace("COUNT", str(args.rounds + args.publishes)))
        sessions, changes = prepared["sessions"], prepared["changes"]
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while request(port, "GET", "/healthz") != 200:
            if time.monotonic() > deadline:
                raise SystemExit("runserver did not answer /healthz within 60 s")
            time.sleep(0.5)

        print(f"1. {args.rounds} rounds of two approvals posted together")
        approvals = []
        for change in changes[: args.rounds]:
            approvals += approve_together(port, sessions, change)
        report("approvals", approvals, 302)

        print(f"2. {args.searchers} clients searching while {args.publishes} changes publish")
        stop = threading.Event()
        with ThreadPoolExecutor(args.searchers) as pool:
            searches = [pool.submit(search_until, port, stop, n) for n in range(args.searchers)]
            published = []
            for change in changes[args.rounds :]:
                published += approve_together(port, sessions, change)
            stop.set()
            searched = [status for future in searches for status in future.result()]
        report("approvals (two per publish)", published, 302)
        report("searches", searched, 200)

        found = run_in_site(env, CHECK.replace("CHANGES", json.dumps(changes)))
        posted = 2 * len(changes)
        print(
            f"Lost writes: {posted - found['recorded']} of {posted} approvals not recorded, "
            f"{len(changes) - found['approved']} of {len(changes)} changes not approved"
        )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
