"""A separate process that writes to a Whoosh index, for the multi-process tests.

Usage: ``python -m tests.backend.whoosh.index_worker INDEX_DIR FIRST COUNT [--no-requests]``

Indexes COUNT authors with primary keys FIRST, FIRST+1, ..., each followed by the end of
a request (which writes the recorded change into the index), as concurrent editors' saves
would. The authors are never saved to a database: building an Author document needs no
query. The process has its own migrated database in memory, as a site's process has one (the
backend keeps what its disk may lose there). With COUNT 0 it writes until killed. With
``--no-requests`` no request ends, so only the process's exit writes the changes in.
"""

import itertools
import os
import sys


def main(index_dir, first, count, requests=True):
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.backend.settings"
    os.environ["BBWIKI_BACKEND_TESTS_INDEX_DIR"] = index_dir

    import django

    django.setup()

    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from django.core.signals import request_finished
    from modelsearch.backends import get_search_backend
    from modelsearch.test.testapp.models import Author

    backend = get_search_backend()
    numbers = itertools.count(first) if count == 0 else range(first, first + count)
    for number in numbers:
        backend.add(Author(pk=number, name=f"Concurrent writer number{number}"))
        if requests:
            request_finished.send(sender=None)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), "--no-requests" not in sys.argv[4:])
