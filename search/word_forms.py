"""Words of one family at query time: "apply" also finds "application" and "applicant".

The index stems words (Porter2, `query.stem`), so a word already finds its inflections and
most of its derivations: "elect", "elected" and "election" share the stem "elect",
"participate" and "participant" the stem "particip". Some families have stems that differ
by a sound change the stemmer does not undo: "apply" (appli) and "application" (applic),
"decide" (decid) and "decision" (decis), "admit" (admit) and "admission" (admiss),
"publish" (publish) and "publication" (public), "describe" (describ) and "description"
(descript). `ALTERNATIONS` lists those changes, as English morphology describes them
(stem-final consonant or vowel alternations before the Latinate suffixes -ion, -ant, -ive,
-ory): a stem ending in one side of a pair is related to the same stem ending in the other.
An adjective and its opposite by a negative prefix ("active", "inactive") are one family too
(`opposites`), and so are a place and the adjective of its people ("Canadian", "Canada";
"African", "Africa": `places`), for the countries pycountry names and the continents.

A related stem counts only when the site's pages use it (`spelling.Vocabulary`): what is
added is always a word of the pages, in the forms they use (most used first), and nothing
is invented. Each
typed word's family is added to its clause as what the thesaurus relates to it
(`ParsedQuery.related`), so that it ranks below the word typed (`query.RELATED_BOOST`), within
the thesaurus's limits on how many alternatives a search may have.

Of the English resources on PyPI looked at, none gives derivations from data its package
ships: nltk's and wn's WordNet readers download their data at run time, lemminflect gives
inflections (which the stems already cover), wordnet-lookup only says whether a word is
English. Hence this short rule over the site's own vocabulary.
"""

from functools import cache

import pycountry

from .corrections import is_common_word
from .fillers import ENGLISH, STOP
from .query import Term
from .thesaurus import MAX_RELATED, MAX_RELATED_PER_CLAUSE

# (one stem ending, the other), for stems of at least MIN_ROOT letters before the ending.
ALTERNATIONS = (
    ("i", "ic"),  # apply, application; qualify, qualification; notify, notification
    ("d", "s"),  # decide, decision; suspend, suspension; respond, response; extend, extension
    ("t", "ss"),  # admit, admission; permit, permission; commit, commission
    ("ish", "ic"),  # publish, publication
    ("b", "pt"),  # describe, description; subscribe, subscription
    ("eiv", "ept"),  # receive, reception
    ("olv", "olut"),  # resolve, resolution; dissolve, dissolution
    ("ain", "an"),  # explain, explanation
    ("os", "osit"),  # compose, composition; propose, proposition
    ("um", "umpt"),  # assume, assumption; consume, consumption
    ("eed", "ess"),  # proceed, process; succeed, success
)
MIN_ROOT = 3
# A negative prefix makes an adjective's opposite ("active", "inactive"; "formal",
# "informal"): a page about one answers questions about the other. Only before a base of at
# least MIN_BASE letters that ends as English adjectives do (NEGATED_ENDINGS) and is itself
# an English word, so that "formation" is not the opposite of "information" nor "vent" of
# "invent".
NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "non")
NEGATED_ENDINGS = ("ive", "al", "able", "ible", "ent", "ant", "ous", "ful")
MIN_BASE = 5


# How English makes the adjective of a place's people ("Canadian", "Kenyan", "German",
# "Japanese", "Pakistani"): (ending of the adjective, what the place's name ends with
# instead), tried in turn on the adjective as typed.
PLACE_ENDINGS = (
    ("ian", ("", "a", "ia", "y")),  # Egypt, Canada, Brazil, Italy
    ("ean", ("", "a", "e")),  # Chile, Korea, Europe
    ("an", ("", "a", "e", "o", "any")),  # America, Kenya, Europe, Mexico, Germany
    ("ese", ("", "a")),  # Japan, China
    ("ish", ("", "y")),  # Turkey
    ("i", ("",)),  # Pakistan
)
# The continents and world regions a member's country lies in (pycountry names countries only).
CONTINENTS = frozenset({"africa", "america", "asia", "europe", "oceania", "caribbean"})


@cache
def place_names():
    """The one-word names of countries (pycountry's, lower case) and of the continents."""
    return CONTINENTS | {
        name.lower()
        for country in pycountry.countries
        for name in (country.name, getattr(country, "common_name", country.name))
        if name.isalpha()
    }


def places(word):
    """The place names `word` is the adjective of: "canada" for "canadian"."""
    found = []
    for ending, replacements in PLACE_ENDINGS:
        root = word.removesuffix(ending)
        if root != word and len(root) >= MIN_ROOT:
            found.extend(root + r for r in replacements if root + r in place_names())
    return list(dict.fromkeys(found))


def related_stems(stem):
    """The stems `ALTERNATIONS` relate to `stem`."""
    found = []
    for one, other in ALTERNATIONS:
        for ending, replacement in ((one, other), (other, one)):
            root = stem[: -len(ending)]
            if stem.endswith(ending) and len(root) >= MIN_ROOT:
                found.append(root + replacement)
    return found


def opposites(word, is_english):
    """The words a negative prefix relates to `word`: "inactive" for "active", and back."""
    found = []
    for prefix in NEGATIVE_PREFIXES:
        if _adjective(word, is_english):
            found.append(prefix + word)
        base = word.removeprefix(prefix)
        if base != word and _adjective(base, is_english):
            found.append(base)
    return list(dict.fromkeys(found))


def _adjective(word, is_english):
    return len(word) >= MIN_BASE and word.endswith(NEGATED_ENDINGS) and is_english(word)


def family(word, vocabulary):
    """The pages' words of `word`'s family that its stem does not already find: each
    related stem's forms, most used first. Every form, not one: a backend that does not
    stem (SQLite's full-text search) finds only the forms it is given."""
    if word in STOP or word.isdigit():
        return []
    stems = related_stems(vocabulary.stem(word)) + [
        vocabulary.stem(other)
        for other in opposites(word, lambda w: is_common_word(w, vocabulary.language))
    ]
    forms = [form for other in stems for form in vocabulary.words_of(other)]
    return [form for form in forms + place_forms(word, vocabulary) if form != word]


def place_forms(word, vocabulary):
    """The pages' words for the places `word` is the adjective of ("canada" for
    "canadian")."""
    return [form for place in places(word) for form in vocabulary.words_of(vocabulary.stem(place))]


def apply(parsed, vocabulary):
    """`parsed` with the families of its clauses' one-word terms in `parsed.related`, after
    what the thesaurus relates (which comes first) and within its limits. Returns `parsed`.
    The alternations are English ones: a search in another language gains nothing."""
    if vocabulary.language != ENGLISH:
        return parsed
    budget = MAX_RELATED - sum(len(terms) for terms in parsed.related.values())
    for index, clause in enumerate(parsed.clauses):
        related = parsed.related.get(index, [])
        for term in clause:
            if len(term.words) != 1:
                continue
            found = family(term.words[0], vocabulary)
            # The place an adjective names is the same thing, not a related one.
            named = set(place_forms(term.words[0], vocabulary)) if found else set()
            for word in found:
                other = Term((word,))
                if budget <= 0 or len(related) >= MAX_RELATED_PER_CLAUSE:
                    break
                if other not in related and other not in clause:
                    related.append(other)
                    budget -= 1
                    if word in named:
                        parsed.same_as_typed.add(word)
        if related:
            parsed.related[index] = related
    return parsed
