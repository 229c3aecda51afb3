"""Writing the changes a process recorded into the live indexes, after each request and at exit.

Saves and deletes only record changes in an index's journal (see `journal.py`); searches
write them in before they run. `connect()`, called by the app's `ready()`, also has them
written in once each request has been answered and when the process exits, so that the
next search does not pay for them.
"""

import atexit
import logging

from django.core.signals import request_finished

from .exceptions import IndexLockTimeout

logger = logging.getLogger(__name__)

# How long, after a request that recorded changes, to wait for another writer before
# leaving the changes to the next search.
CATCH_UP_TIMEOUT = 2
DISPATCH_UID = "whoosh_catch_up_recorded"

# Indexes this process has recorded changes for, by path.
_recorded = {}


def remember(store):
    """Have the changes recorded in `store` written in at the end of this request or process."""
    _recorded[store.path] = store


def catch_up_recorded(**_kwargs):
    """Write the changes this process recorded into the live indexes.

    Never raises: a failure here only leaves the work to the next search, which does the
    same for itself.
    """
    while True:
        try:
            path, store = _recorded.popitem()
        except KeyError:  # none left (another thread may have taken the last one)
            return
        try:
            store.catch_up(timeout=CATCH_UP_TIMEOUT)
        except IndexLockTimeout:
            pass  # another writer is busy; it or the next search writes them
        except Exception:
            logger.exception("Could not write recorded changes into search index %s", path)


def connect():
    """Run `catch_up_recorded` after every request (Django's `request_finished`) and at exit.

    Idempotent: connecting again leaves one receiver and one exit handler.
    """
    request_finished.connect(catch_up_recorded, dispatch_uid=DISPATCH_UID)
    atexit.unregister(catch_up_recorded)
    atexit.register(catch_up_recorded)
