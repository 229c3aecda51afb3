"""Snippets and highlighting: the part of a page that answers, with the searched words marked.

Words match by their stems in the language being read (`query.search_language`): the pages a
search shows are in that language."""

from operator import itemgetter

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .answers import is_answer
from .query import WORD, search_language, stemmer
from .texts import words_of

# How a page's part is chosen (`best_part`), as BM25 weighs a passage: how soon a repeated word
# stops counting more (K1), and how much a part longer than the page's average counts less (B).
K1 = 1.2
B = 0.75
# A query word in a part's heading counts this much more than one in its text only.
HEADING_BOOST = 1.0
# A query word the page's title has counts this share of its weight in a part: the whole page
# is about it, so it says little about which part answers ("steering committee" on the page
# "The steering committee": the part about nominations answers "how do I nominate someone
# for the steering committee", not the summary that names the committee twice).
TITLE_SHARE = 0.25
# What a word of the kind of answer a question asks for adds to a part that has some of the
# words asked for, as a share of their mean weight (`answers.SHAPES`).
ANSWER_BOOST = 1.0
# What a word of the heading a part is within (a sub-clause's clause: "§3.2 Decision" within
# "§3 How to apply") counts, as a share of one of its own heading's.
WITHIN_SHARE = 0.5
# What a part without a place of its own on the page (a procedure's summary, a page's
# introduction: anchor "") scores, as a share of its words' worth, beside parts that have
# one: it says what the whole page covers ("Who can join, how to apply and how membership
# ends"), and the clause on the one thing asked is where the answer is.
WHOLE_PAGE_SHARE = 0.5
# How many words of a result's text its snippet shows (`highlight`'s `limit`).
SNIPPET_WORDS = 32


def _matcher(wanted):
    stem = stemmer(search_language())
    stems = {stem(word) for word in wanted}
    return lambda word: word.lower() in wanted or stem(word.lower()) in stems


def weigher(wanted, weights, title=""):
    """word -> the weight of the query word it matches (0 if none); TITLE_SHARE of it for a
    word of `title` (the page's, which is about it as a whole)."""
    stem = stemmer(search_language())
    named = {stem(word.lower()) for word in WORD.findall(title)}

    def weight_of(word):
        return weights.get(word, 1) * (TITLE_SHARE if stem(word) in named else 1)

    # Words of one stem ("organising" typed, "organisation" related) weigh as the weightiest:
    # not as whichever a set happens to give last, which differs from process to process.
    by_stem = {}
    for word in wanted:
        key = stem(word)
        by_stem[key] = max(by_stem.get(key, 0), weight_of(word))
    by_word = {word: weight_of(word) for word in wanted}

    seen = {}

    def weigh(word):
        # A page's parts repeat their words: each is looked up once.
        weight = seen.get(word)
        if weight is None:
            lower = word.lower()
            weight = seen[word] = by_word.get(lower) or by_stem.get(stem(lower), 0)
        return weight

    return weigh


def highlight(value, wanted, limit=None, phrases=None):
    """`value` escaped, with the words matching `wanted` (or their stems) in <mark>.

    A word that only a phrase brings (`phrases`, `ParsedQuery.phrase_words`: "organisation"
    of "member organisations", related to "members") is marked only beside the rest of its
    phrase. With `limit`, only the window of that many words holding the most matches is kept.
    """
    matches = _matcher(wanted)
    tokens = list(WORD.finditer(value))
    if not tokens:
        return mark_safe(escape(value[: limit * 8] if limit else value))  # noqa: S308
    flags = [matches(token.group()) for token in tokens]
    if phrases:
        flags = _phrases_whole(tokens, flags, wanted, phrases)
    start, end = 0, len(tokens)
    if limit and len(tokens) > limit:
        best, best_count, count = 0, -1, 0
        for i, flag in enumerate(flags):
            count += flag
            if i >= limit:
                count -= flags[i - limit]
            if i >= limit - 1 and count > best_count:
                best, best_count = i - limit + 1, count
        first = next((i for i in range(best, best + limit) if flags[i]), best)
        start = max(0, min(first - 6, len(tokens) - limit))
        end = start + limit
    chars_from = tokens[start].start() if start else 0
    chars_to = tokens[end - 1].end() if end < len(tokens) else len(value)
    out = ["… " if start else ""]
    position = chars_from
    for token, flag in zip(tokens[start:end], flags[start:end], strict=True):
        if flag:
            out.append(escape(value[position : token.start()]))
            out.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    out.append(escape(value[position:chars_to]))
    out.append(" …" if end < len(tokens) else "")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def _phrases_whole(tokens, flags, wanted, phrases):
    """`flags` (a token each: marked?) with the tokens marked only for a word of `phrases`
    unmarked where the other words of none of its phrases are within the phrase's length of
    it (a filler word between them allowed: "end a membership")."""
    stem = stemmer(search_language())
    free = _matcher(set(wanted) - phrases.keys())
    bound = {}
    for word, together in phrases.items():
        bound.setdefault(stem(word.lower()), []).extend(
            {stem(w.lower()) for w in phrase} for phrase in together
        )
    stems = [stem(token.group().lower()) for token in tokens]
    kept = list(flags)
    for i, flag in enumerate(flags):
        key = stems[i]
        if flag and key in bound and not free(tokens[i].group()):
            kept[i] = any(
                phrase <= set(stems[max(0, i - len(phrase)) : i + len(phrase) + 1])
                for phrase in bound[key]
            )
    return kept


def best_part(parts, wanted, weights=None, answer_words=frozenset(), title="", phrases=None):
    """(the part of a page that best answers the query words, whether any matched); the
    first part when none do.

    Parts are scored as BM25 scores passages: each query word found (or a word of its stem)
    counts its weight (`weights`: how rare the word is on the site; what the thesaurus
    relates, less), saturated as it repeats and less in a part longer than the page's
    average; a word of the part's heading (its label: "§2.1 Terms", "Session: …") counts
    HEADING_BOOST more, as a title does for a page, and one of the heading it is within (a
    sub-clause's clause), WITHIN_SHARE of that. A part that has some of the words and
    a word of the kind of answer asked for (`answer_words`, or digits: a number for "how
    many") gains ANSWER_BOOST of the query words' mean weight (as words, not as the title's).
    A word of the page's `title` counts TITLE_SHARE of its weight. A part without an anchor
    (a summary, an introduction: the page as a whole) scores WHOLE_PAGE_SHARE of its worth
    when other parts have one. Ties go to the earlier part.
    """
    weigh = weigher(wanted, weights or {}, title)
    stem = stemmer(search_language())
    language = search_language()
    words = [words_of(language, part.text) for part in parts]
    average = sum(text.length for text in words) / len(parts) or 1
    # The words' own weights, not their share as words of the title: when the title has every
    # word asked ("who was on the interim steering group"), the kind of answer decides.
    bonus = ANSWER_BOOST * sum((weights or {}).get(word, 1) for word in wanted) / (len(wanted) or 1)
    stems = {stem(word) for word in wanted}
    phrases = phrases or {}
    # A stem a word wanted on its own has ("members" typed, "member" of "member
    # organisations") counts on its own.
    free = {stem(word.lower()) for word in wanted if word not in phrases}
    bound = {}
    for word, together in phrases.items():
        if stem(word.lower()) not in free:
            bound[stem(word.lower())] = [
                frozenset(stem(w.lower()) for w in phrase) for phrase in together
            ]

    def allowed(key, text):
        return key not in bound or any(phrase.issubset(text.stems) for phrase in bound[key])

    def score(part, text):
        # A stem's occurrences are summed in the order its words first appear (as counting
        # word by word would), and a stem takes the weight of its word that appears last.
        here = []
        found = stems.intersection(text.stems)
        if found:
            distinct = text.distinct()
            for first, key in enumerate(text.stems):
                if key in found and allowed(key, text) and weigh(distinct[first]):
                    here.append((key, distinct[first], text.counts[first], first, text.last[first]))
        counts, weight_of = {}, {}
        for key, _word, count, _first, _last in sorted(here, key=itemgetter(3)):
            counts[key] = counts.get(key, 0) + count
        for key, word, _count, _first, _last in sorted(here, key=itemgetter(4)):
            weight_of[key] = weigh(word)
        heading = {}
        for words, share in ((part.within, WITHIN_SHARE), (part.label, 1)):
            for word in WORD.findall(words):
                weight = weigh(word) * share
                key = stem(word.lower())
                if weight and allowed(key, text):
                    heading[key] = weight
        norm = K1 * (1 - B + B * text.length / average)
        total = sum(
            weight_of[key] * count * (K1 + 1) / (count + norm) for key, count in counts.items()
        ) + HEADING_BOOST * sum(heading.values())
        if (
            answer_words
            and total
            and any(is_answer(word, answer_words) for word in text.distinct())
        ):
            total += bonus
        return (round(total, 6), len(counts.keys() | heading.keys()))

    scores = [score(part, text) for part, text in zip(parts, words, strict=True)]
    if any(part.anchor for part in parts):
        scores = [
            (round(total * WHOLE_PAGE_SHARE, 6), count) if not part.anchor else (total, count)
            for part, (total, count) in zip(parts, scores, strict=True)
        ]
    best = max(range(len(parts)), key=lambda i: (scores[i], -i))
    return parts[best], scores[best] > (0, 0)
