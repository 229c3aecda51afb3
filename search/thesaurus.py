"""The network's thesaurus at query time: what the words of a search also mean.

Each `ThesaurusEntry` is a group of words and phrases that mean the same ("IGF", "Internet
Governance Forum"). A search's clause that says one of them (compared by stems, leaving out
question and filler words, so "becoming members" says "become a member") also finds the
others, as alternatives ranked below what was typed (`ParsedQuery.related`). A phrase of the
thesaurus typed without quotes ("internet governance forum") becomes one clause: its words
must all be on the page, and count as one word towards how many must match. A word misspelt
that only the thesaurus has ("midle east": no page says "middle") is read as the thesaurus's
word before its phrases are looked for (`respelt`), as the pages' own words are corrected.

The entries are read once a minute at most per process (`CACHE_SECONDS`), and at once in the
process that changes them.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from .corrections import close_words, is_common_word
from .fillers import STOP
from .models import ThesaurusEntry
from .query import Term, stem, words

CACHE_KEY = "search:thesaurus"
CACHE_SECONDS = 60
# What one clause gains at most, and the whole search: every alternative costs a lookup.
MAX_RELATED_PER_CLAUSE = 4
MAX_RELATED = 12


def key(text):
    """The stems of `text`'s meaningful words, as a phrase of the thesaurus is matched."""
    return tuple(stem(word) for word in words(text) if word not in STOP)


def singular(text):
    """The key of `text` as one word without its plural "s" where the stemmer keeps it:
    "NGOs" (stem "ngos": its only vowel is just before the "s"), "RFCs" (no vowel), so that
    the plural of an acronym finds what the acronym does. None for anything else."""
    typed = words(text)
    if len(typed) != 1 or len(typed[0]) < 3 or not stem(typed[0]).endswith("s"):
        return None
    return key(typed[0][:-1])


class Thesaurus:
    """{key: [Term, …]}: for each term's key, the other terms of its entries."""

    def __init__(self, groups):
        self.related = {}
        for group in groups:
            terms = [(key(text), Term(tuple(words(text)))) for text in group]
            for term_key, _ in terms:
                if not term_key:
                    continue
                others = self.related.setdefault(term_key, [])
                others.extend(t for k, t in terms if k != term_key and t not in others)
        self.longest = max((len(k) for k in self.related), default=0)

    def respelt(self, parsed, vocabulary):
        """{typed word: the thesaurus's word it is spelt like}, for the words of `parsed` that
        neither the pages (`vocabulary`) nor the language know and that are close to a word
        only the thesaurus has: "midle" -> "middle" (of "Middle East", on no page), while
        "governence" is left to the pages' own words (`corrections`)."""
        unknown = {
            word
            for term in parsed.terms
            for word in term.words
            if not vocabulary.knows(word) and not is_common_word(word, vocabulary.language)
        }
        if not unknown:  # most searches: nothing to look up
            return {}
        own = {
            word: 1
            for others in self.related.values()
            for term in others
            for word in term.words
            if not vocabulary.knows(word)
        }
        found = {}
        for word in sorted(unknown - own.keys()):
            close = close_words(word, own, n=1)
            if close:
                found[word] = close[0]
        return found

    def apply(self, parsed):
        """`parsed` with thesaurus phrases typed as words joined into one clause each, and
        `parsed.related` filled in. Returns `parsed`."""
        if not self.related or parsed.is_empty:
            return parsed
        parsed.clauses = self._joined(parsed.clauses)
        budget = MAX_RELATED
        for index, clause in enumerate(parsed.clauses):
            found = []
            for term in clause:
                typed = " ".join(term.words)
                others = self.related.get(key(typed)) or self.related.get(singular(typed), ())
                for other in others:
                    if other not in found and other not in clause:
                        found.append(other)
            found = found[: min(MAX_RELATED_PER_CLAUSE, budget)]
            if found:
                parsed.related[index] = found
                budget -= len(found)
        return parsed

    def _joined(self, clauses):
        """`clauses` with each run of single words that is a phrase of the thesaurus made one
        clause of those words, the longest phrase first."""
        joined = []
        index = 0
        while index < len(clauses):
            for length in range(min(self.longest, len(clauses) - index), 1, -1):
                run = clauses[index : index + length]
                if all(len(c) == 1 and len(c[0].words) == 1 for c in run):
                    phrase = tuple(c[0].words[0] for c in run)
                    if key(" ".join(phrase)) in self.related:
                        joined.append([Term(phrase, together=False)])
                        index += length
                        break
            else:
                joined.append(clauses[index])
                index += 1
        return joined


def current():
    """The thesaurus as the committee keeps it now (cached)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = Thesaurus(entry.term_list() for entry in ThesaurusEntry.objects.all())
        cache.set(CACHE_KEY, found, timeout=CACHE_SECONDS)
    return found


def forget(**kwargs):
    cache.delete(CACHE_KEY)


def connect():
    post_save.connect(forget, sender=ThesaurusEntry, dispatch_uid="search.thesaurus.saved")
    post_delete.connect(forget, sender=ThesaurusEntry, dispatch_uid="search.thesaurus.deleted")
