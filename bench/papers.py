"""Reading a background paper's text: a 100-page PDF, as the background job reads it.

    .venv/bin/python -m bench.papers               # 100 pages of 45 lines
    .venv/bin/python -m bench.papers --pages 500

The PDF is made in memory by the demo's writer (`demo.papers.pdf`, Helvetica text), so it
needs no database; what is timed is `papers.extraction.read`, the whole of the job's work but
fetching the file and writing the text back.
"""

import argparse
import io
import time

from bench.search_backends import machine

LINE = "The steering committee decides within twenty-one days and publishes its reasons."
TARGET_SECONDS = 10


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--lines", type=int, default=45)
    args = parser.parse_args(argv)
    import django

    django.setup()
    from demo.papers import pdf
    from papers import extraction

    data = pdf([[f"Page {n}", *[LINE] * args.lines] for n in range(1, args.pages + 1)])
    started = time.perf_counter()
    pages = extraction.read(io.BytesIO(data), "pdf")
    took = time.perf_counter() - started
    print(machine())
    print(f"{args.pages} pages ({len(data):,} bytes): {len(pages)} pages read in {took:.2f} s")
    print(f"Target: a 100-page PDF in under {TARGET_SECONDS} s.")


if __name__ == "__main__":
    main()
