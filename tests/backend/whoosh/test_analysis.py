"""The one-pass indexing of text fields gives exactly the terms Whoosh's analyzer chain gives."""

import pickle
from pathlib import Path

import pytest
from whoosh import fields as whoosh_fields
from whoosh.analysis import NgramWordAnalyzer, StandardAnalyzer, StopFilter

from search.backends.whoosh import languages
from search.backends.whoosh.analysis import IndexedText, plan
from search.backends.whoosh.documents import AUTOCOMPLETE_ANALYZER, SEARCH_ANALYZER

SEED = Path(__file__).resolve().parents[3].parent / "shared" / "seed" / "bestbits-2013.txt"

TEXTS = [
    "",
    "   ",
    "The the THE a",
    "How do I join? Members may serve two terms (of two years each) on the committee.",
    "WSIS+10 and the IGF 2014: e-mail, co-operation, U.N., 3.5 per cent, C and R",
    "Ünïcödé words: Ökonomie, São Paulo, İstanbul, ﬁnance, straße, naïve café",
    "Comité de dirección: las organizaciones miembros de América Latina y el Caribe",
    "Le comité de pilotage décide des candidatures dans les vingt et un jours",
    "O comitê diretor decide sobre as candidaturas dos membros",
    "اللجنة التوجيهية تقرر بشأن طلبات العضوية",
    "repeat repeat repeat, repeated repeating: the committee's committees",
    "*starred* words and a.b.c dotted ones.",
]


def analyzers():
    yield "english search", SEARCH_ANALYZER
    yield "autocomplete", AUTOCOMPLETE_ANALYZER
    for language in ("es", "fr", "pt", "ar"):
        yield language, languages.analyzer(language)


def texts():
    yield from TEXTS
    if SEED.exists():
        seed = SEED.read_text()
        yield from (seed[start : start + 2000] for start in range(0, len(seed), 2000))


@pytest.mark.parametrize("phrase", [True, False], ids=["positions", "frequency"])
@pytest.mark.parametrize("name,analyzer", list(analyzers()), ids=lambda v: str(v)[:20])
def test_one_pass_gives_whooshs_terms(name, analyzer, phrase):
    ours = IndexedText(analyzer=analyzer, phrase=phrase)
    whooshs = whoosh_fields.TEXT(analyzer=analyzer, phrase=phrase)
    assert plan(analyzer) is not None, f"{name}: the one-pass loop is not used"
    for text in texts():
        assert sorted(ours.index(text)) == sorted(whooshs.index(text)), text[:60]


def test_field_boost_and_other_chains():
    # A field boost scales the weights as Whoosh's format does.
    boosted = IndexedText(analyzer=SEARCH_ANALYZER, field_boost=2.5)
    plain = whoosh_fields.TEXT(analyzer=SEARCH_ANALYZER, field_boost=2.5)
    text = "members members of the committee"
    assert sorted(boosted.index(text)) == sorted(plain.index(text))
    # Chains the loop does not reproduce go through Whoosh's own path, with the same result.
    for analyzer in (
        NgramWordAnalyzer(2, 4),
        StandardAnalyzer() | StopFilter(renumber=False),
    ):
        assert plan(analyzer) is None
        ours = IndexedText(analyzer=analyzer)
        assert sorted(ours.index(text)) == sorted(whoosh_fields.TEXT(analyzer=analyzer).index(text))
    # A list of words, and positions asked for differently, too.
    assert list(IndexedText(analyzer=SEARCH_ANALYZER).index(["a", "b"])) == list(
        whoosh_fields.TEXT(analyzer=SEARCH_ANALYZER).index(["a", "b"])
    )


def test_a_field_pickles_without_its_plan_and_equals_whooshs():
    field = IndexedText(analyzer=SEARCH_ANALYZER)
    field.index("committee")
    # Whoosh pickles the schema into the index; this is our own object.
    copy = pickle.loads(pickle.dumps(field))  # noqa: S301
    assert "_analysis_state" not in copy.__dict__
    assert sorted(copy.index("the committees")) == sorted(field.index("the committees"))
    # An index written with Whoosh's TEXT keeps its schema when given these fields.
    assert field == whoosh_fields.TEXT(analyzer=SEARCH_ANALYZER)
