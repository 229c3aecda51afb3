"""Reading a background paper's text: a 100-page PDF, as the background job reads it.

    .venv/bin/python -m bench.papers               # 100 pages of 45 lines
    .venv/bin/python -m bench.papers --pages 500

The PDF is made in memory by the demo's writer (`demo.papers.pdf`, Helvetica text), so it
needs no database; what is timed is `papers.extraction.read`, the reading itself, then
`papers.extraction.read_limited` on the same file written to a temporary folder, which is what
the background job calls: the same reading in a child process capped in time and memory (the
site's limits, `PAPERS_READ_SECONDS` and `PAPERS_READ_MEGABYTES`), start-up included.
"""

import argparse
import io
import os
import tempfile
import time
from pathlib import Path

from bench.search_backends import machine

LINE = "The steering committee decides within twenty-one days and publishes its reasons."
TARGET_SECONDS = 10


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--lines", type=int, default=45)
    args = parser.parse_args(argv)
    import django

    # The site's development settings (nothing is written: the PDF is read from a temporary
    # folder); without this the command needed DJANGO_SETTINGS_MODULE set by hand.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bbwiki.settings.dev")
    django.setup()
    from django.conf import settings

    from demo.papers import pdf
    from papers import extraction

    data = pdf([[f"Page {n}", *[LINE] * args.lines] for n in range(1, args.pages + 1)])
    started = time.perf_counter()
    pages = extraction.read(io.BytesIO(data), "pdf")
    took = time.perf_counter() - started
    seconds, megabytes = settings.PAPERS_READ_SECONDS, settings.PAPERS_READ_MEGABYTES
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.pdf"
        path.write_bytes(data)
        started = time.perf_counter()
        limited = extraction.read_limited(path, "pdf", seconds, megabytes)
        took_limited = time.perf_counter() - started
    if limited != pages:
        raise SystemExit("The child process read the PDF otherwise than the reader itself")
    print(machine())
    print(f"{args.pages} pages ({len(data):,} bytes): {len(pages)} pages read in {took:.2f} s")
    print(
        f"In the job's child process (at most {seconds} s and {megabytes} MB): {took_limited:.2f} s"
    )
    print(f"Target: a 100-page PDF in under {TARGET_SECONDS} s.")


if __name__ == "__main__":
    main()
