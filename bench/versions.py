"""Ten approved versions per corpus page, for `bench/search_page.py --versions 10`.

Each live page of the corpus gets VERSIONS publications on its public record (`RecordEntry`,
bulk-inserted: no signals), the last with its current text and each earlier one with one
clause worded otherwise (clause `k` of version `k`, in turn), as a run of amendments leaves
it. Their wordings are then built by the past versions app itself (`pastversions.wordings.
sync_page`, page by page, exactly as `manage.py sync_past_versions` does) and indexed by
rebuilding each backend's index, as `update_index` does on a site.

Today's searches (the current pages) are then timed again on the same URLs: the ratio to the
figures without versions is what indexing past versions costs them.
"""

import datetime
import random

from bench.corpus import _PageWriter, _stream_data
from bench.search_backends import log, ms, percentile, seconds

YEAR = datetime.timedelta(days=365)
# The target: today's search page p95 with the versions at most this times without.
TARGET_RATIO = 1.2


def _versions_of(generator, number, count):
    """The clauses of each of page `number`'s `count` versions, oldest first: the last as the
    corpus page reads now, version k (from 1) with clause (k - 1) mod n worded otherwise."""
    fields = generator.page(number)
    current = fields["body"]
    rng = random.Random(f"{generator.seed}:{number}:versions")
    writer = _PageWriter(generator.vocabulary, rng, "procedure")
    versions = []
    for k in range(1, count):
        clauses = [dict(clause) for clause in current]
        changed = (k - 1) % len(clauses)
        clauses[changed]["text"] = writer.paragraph(rng.randint(2, 4))
        versions.append(clauses)
    versions.append(current)
    return fields, versions


def add_versions(bench, count):
    """Give every live corpus page `count` published versions on its record and build their
    wordings; returns (seconds to write the record, seconds to build wordings, wordings)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from history.models import RecordEntry
    from pastversions import wordings
    from pastversions.models import Wording
    from procedures.models import ProcedurePage

    content_type = ContentType.objects.get_for_model(ProcedurePage)
    live = set(bench.live_pks)
    numbered = [(n, pk) for n, pk in enumerate(bench.page_pks) if pk in live]
    done = set(RecordEntry.objects.values_list("page_id", flat=True).distinct())
    numbered = [(n, pk) for n, pk in numbered if pk not in done]  # a larger size extends
    now = timezone.now()

    def write(chunk):
        pages = ProcedurePage.objects.in_bulk([pk for _, pk in chunk])
        entries = []
        for n, pk in chunk:
            page = pages[pk]
            base = page.serializable_data()
            fields, versions = _versions_of(bench.generator, n, count)
            for k, clauses in enumerate(versions, start=1):
                entries.append(
                    RecordEntry(
                        page_id=pk,
                        kind=RecordEntry.Kind.PUBLISHED,
                        at=now - (count - k) * YEAR / 2,
                        title=fields["title"],
                        url=page.url_path,
                        content_type=content_type,
                        revision_id=pk * 100 + k,
                        content={**base, "body": _stream_data(clauses)},
                        summary=f"Version {k}",
                    )
                )
        with transaction.atomic():
            RecordEntry.objects.bulk_create(entries, batch_size=500)

    def sync(chunk):
        for _, pk in chunk:
            wordings.sync_page(pk)

    chunks = [numbered[i : i + 500] for i in range(0, len(numbered), 500)]
    recorded = seconds(lambda: [write(chunk) for chunk in chunks])
    log(f"  {len(numbered):,} pages x {count} versions on the record in {recorded:.0f}s")
    synced = seconds(lambda: [sync(chunk) for chunk in chunks])
    total = Wording.objects.count()
    log(f"  {total:,} wordings built by sync_page in {synced:.0f}s")
    return recorded, synced, total


def measure(bench, page, figures, count, run, backends, search_page_backend):
    """Add `count` versions to every page, rebuild the indexes and time the same URLs on each
    backend again; the figures go to figures["versions"]."""
    result = {"count": count}
    result["recorded"], result["synced"], result["wordings"] = add_versions(bench, count)
    result["rebuild"] = {}
    for name in backends:
        log(f"  rebuilding the {name} index with the past versions")
        result["rebuild"][name] = bench.rebuild(name)
    for name in backends:
        log(f"  search page with {count} versions a page: {name}")
        with search_page_backend(name):
            result[name] = run(name)
    figures["versions"] = result


def report(all_figures, backends, labels):
    """The search page with and without the versions, side by side, as a markdown table."""
    lines = [
        "",
        "| pages | backend | measure | without versions | with versions | ratio |",
        "|---:|---|---|---:|---:|---:|",
    ]
    verdicts = []
    for figures in all_figures:
        versions = figures.get("versions")
        if versions is None:
            continue
        size = f"{figures['size']:,}"
        for name in backends:
            before, after = _times(figures[name]), _times(versions[name])
            for label, share in [("p50", 0.5), ("p95", 0.95)]:
                a, b = percentile(before, share), percentile(after, share)
                lines.append(
                    f"| {size} | {labels[name]} | current pages, search page {label} (ms) | "
                    f"{ms(a)} | {ms(b)} | {b / a:.2f} |"
                )
                if label == "p95":
                    verdict = "met" if b / a <= TARGET_RATIO else "MISSED"
                    verdicts.append(
                        f"- [{verdict}] {size}, {labels[name]}: p95 {b / a:.2f}x without "
                        f"versions (<= {TARGET_RATIO})"
                    )
            lines.append(
                f"| {size} | {labels[name]} | full index rebuild (s) | | "
                f"{versions['rebuild'][name]:.1f} | |"
            )
        lines.append(
            f"| {size} | | wordings indexed ({versions['count']} versions a live page; "
            f"record written, wordings built by sync_page in s) | | "
            f"{versions['wordings']:,} ({versions['recorded']:.0f}, {versions['synced']:.0f}) | |"
        )
    return "\n".join([*lines, "", "Targets:", *verdicts])


def _times(figures):
    """The per-URL seconds compared: the first request after a change (Whoosh: nothing it
    keeps reused) or the one timed request (database backend)."""
    times, _stopped, _visits, first = figures
    return first
