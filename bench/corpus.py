"""A corpus of procedure and meeting-record pages written from a real English vocabulary.

Words are drawn with their real English frequencies (wordfreq's Zipf values, so "the" is
common and "quorum" rare), mixed with the governance or meeting vocabulary of the page's
kind, and with a few keywords that each page keeps coming back to, as real documents do.
Page `n` depends only on the seed and `n`, so the first 1,000 pages of a 10,000-page corpus
are the 1,000-page corpus.

Pages are inserted in bulk (treebeard paths computed here, no signals, no revisions), which
takes seconds where `add_child` would take minutes; the caller indexes them afterwards.
"""

import itertools
import random
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction

from procedures.models import ProcedurePage

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.txt")
# The most frequent words are function words: never keywords, titles or headings.
FUNCTION_WORDS = 150
# Share of words drawn from the page's domain vocabulary and from its own keywords.
DOMAIN_SHARE = 0.12
KEYWORD_SHARE = 0.04
# Every DRAFT_EVERY-th page is a draft and every PRIVATE_EVERY-th is behind a login.
DRAFT_EVERY = 10
PRIVATE_EVERY = 500
PROCEDURE_TOPICS = [t for t in ProcedurePage.Topic.values if t != ProcedurePage.Topic.MEETINGS]


@dataclass(frozen=True)
class _Distribution:
    terms: list
    cumulative: list

    @classmethod
    def of(cls, rows):
        terms = [term for term, _zipf in rows]
        cumulative = list(itertools.accumulate(10**zipf for _term, zipf in rows))
        return cls(terms, cumulative)

    def draw(self, rng, k=1):
        return rng.choices(self.terms, cum_weights=self.cumulative, k=k)


class Vocabulary:
    """The terms of vocabulary.txt with their Zipf frequencies, by domain."""

    def __init__(self, path=VOCABULARY_FILE):
        rows, domains = [], {}
        for line in path.read_text().splitlines():
            if not line or line.startswith("#"):
                continue
            term, zipf, *tags = line.split("\t")
            rows.append((term, float(zipf)))
            for domain in tags[0].split(",") if tags else ():
                domains.setdefault(domain, []).append((term, float(zipf)))
        self.frequencies = dict(rows)
        self.general = _Distribution.of(rows)
        # Content words: single words past the function words, for titles and keywords.
        self.content = _Distribution.of([r for r in rows[FUNCTION_WORDS:] if " " not in r[0]])
        self.domains = {name: _Distribution.of(terms) for name, terms in domains.items()}

    def __contains__(self, term):
        return term in self.frequencies


class CorpusGenerator:
    """Deterministic pages: `page(n)` is the same for a given seed whatever else is generated."""

    def __init__(self, vocabulary=None, seed=2013):
        self.vocabulary = vocabulary or Vocabulary()
        self.seed = seed

    def page(self, number):
        """Field values of page `number` (from 0): title, slug, summary, topic, status, body."""
        rng = random.Random(f"{self.seed}:{number}")
        is_meeting = rng.random() < 0.4
        writer = _PageWriter(self.vocabulary, rng, "meeting" if is_meeting else "procedure")
        title = writer.title()
        clauses = [writer.clause() for _ in range(rng.randint(3, 7))]
        _unique_anchors(clauses)
        return {
            "title": title,
            "slug": f"{slugify(title)[:50]}-{number}",
            "summary": writer.sentence(12, 30)[:400],
            "topic": ProcedurePage.Topic.MEETINGS if is_meeting else rng.choice(PROCEDURE_TOPICS),
            "status": rng.choice(ProcedurePage.Status.values),
            "body": clauses,
            "live": number % DRAFT_EVERY != DRAFT_EVERY - 1,
            "private": number % PRIVATE_EVERY == PRIVATE_EVERY // 2,
        }

    def edit(self, fields, round_number):
        """`fields` with the summary rewritten, as an editor's change would."""
        rng = random.Random(f"{self.seed}:edit:{round_number}")
        writer = _PageWriter(self.vocabulary, rng, "procedure")
        return {**fields, "summary": writer.sentence(12, 30)[:400]}


class _PageWriter:
    def __init__(self, vocabulary, rng, domain):
        self.vocabulary = vocabulary
        self.rng = rng
        self.domain = vocabulary.domains[domain]
        self.keywords = vocabulary.content.draw(rng, k=4)

    def _words(self, count):
        rng = self.rng
        words = []
        for term in self.vocabulary.general.draw(rng, k=count):
            roll = rng.random()
            if roll < KEYWORD_SHARE:
                term = rng.choice(self.keywords)
            elif roll < KEYWORD_SHARE + DOMAIN_SHARE:
                term = self.domain.draw(rng)[0]
            words.append(term)
        return words

    def sentence(self, shortest=6, longest=24):
        text = " ".join(self._words(self.rng.randint(shortest, longest)))
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences):
        return "<p>" + " ".join(self.sentence() for _ in range(sentences)) + "</p>"

    def heading(self, shortest=2, longest=4):
        count = self.rng.randint(shortest, longest)
        words = [self.rng.choice(self.keywords), *self.domain.draw(self.rng, k=count - 1)]
        self.rng.shuffle(words)
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def title(self):
        return self.heading(2, 6)

    def clause(self):
        rng = self.rng
        text = "".join(self.paragraph(rng.randint(2, 4)) for _ in range(rng.randint(1, 2)))
        subclauses = [
            {"heading": self.heading(), "anchor": "", "text": self.paragraph(rng.randint(1, 2))}
            for _ in range(rng.randint(0, 2))
        ]
        return {"heading": self.heading(), "anchor": "", "text": text, "subclauses": subclauses}


def _unique_anchors(clauses):
    """Fill anchors from headings, unique within the page, as the page editor does."""
    seen = set()

    def anchor(heading):
        base = slugify(heading)[:40] or "clause"
        candidate, n = base, 1
        while candidate in seen:
            n += 1
            candidate = f"{base}-{n}"
        seen.add(candidate)
        return candidate

    for clause in clauses:
        clause["anchor"] = anchor(clause["heading"])
        for subclause in clause["subclauses"]:
            subclause["anchor"] = anchor(subclause["heading"])


def _stream_data(clauses):
    return [{"type": "clause", "value": clause} for clause in clauses]


@transaction.atomic
def insert_pages(parent, pages):
    """Insert published ProcedurePages (dicts from `CorpusGenerator.page`) under `parent`.

    Bulk inserts, no signals: nothing is indexed. Returns the new pages' primary keys.
    """
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(ProcedurePage)
    now = timezone.now()
    rows = []
    for offset, fields in enumerate(pages, start=1):
        rows.append(
            Page(
                title=fields["title"],
                draft_title=fields["title"],
                slug=fields["slug"],
                path=Page._get_path(parent.path, parent.depth + 1, step + offset),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{fields['slug']}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                live=fields["live"],
                has_unpublished_changes=not fields["live"],
                first_published_at=now if fields["live"] else None,
                last_published_at=now if fields["live"] else None,
            )
        )
    Page.objects.bulk_create(rows, batch_size=500)
    for base, fields in zip(rows, pages, strict=True):
        page = ProcedurePage(
            page_ptr_id=base.pk,
            summary=fields["summary"],
            topic=fields["topic"],
            status=fields["status"],
            body=_stream_data(fields["body"]),
        )
        # raw=True saves only ProcedurePage's own table, as loaddata does for a child model.
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(rows))
    PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page_id=base.pk, restriction_type=PageViewRestriction.LOGIN)
        for base, fields in zip(rows, pages, strict=True)
        if fields["private"]
    )
    return [base.pk for base in rows]


def update_page(pk, fields):
    """Write `fields`' summary to page `pk` without signals; the caller indexes it."""
    ProcedurePage.objects.filter(pk=pk).update(summary=fields["summary"])
