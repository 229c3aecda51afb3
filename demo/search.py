"""Editors' picks and the search thesaurus for the demo, as the steering committee would keep
them: picks for common questions, and the acronyms and plain words of the seed's content."""

import logging

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from search.models import ThesaurusEntry

logger = logging.getLogger("bbwiki.demo")

# (what people type, the page to pin as its path under the home page, why it is the answer)
PICKS = [
    ("join", "procedures/joining-the-network", "Who can join the network, and how to apply."),
    ("membership", "membership", "How to join, and the member organisations."),
    (
        "steering committee",
        "steering-committee",
        "Who sits on the steering committee, and on which terms.",
    ),
    (
        "surveillance",
        "meetings/best-bits-2013-bali",
        "The Bali meeting's session on state surveillance and human rights.",
    ),
]


# (words and phrases that mean the same, why): the acronyms the programme and the outcomes use
# and the words newcomers use for the network's own.
THESAURUS = [
    ("IGF, Internet Governance Forum", "The programme and the outcomes use both."),
    ("WSIS, World Summit on the Information Society", "WSIS+10 is its ten-year review."),
    ("ITU, International Telecommunication Union", "The ITU Plenipotentiary 2014."),
    ("IG, Internet governance", "The programme's shorthand."),
    ("MS, multistakeholder, multi-stakeholder", "The programme writes it three ways."),
    ("CSTD, Commission on Science and Technology for Development", "In the Message from Bali."),
    ("WGEC, Working Group on Enhanced Cooperation", "In the Message from Bali."),
    ("RFC, Request for Comments", "The surveillance session's technical working group."),
    ("NGO, civil society organisation, organisation", "What the network's members are."),
    ("join, become a member, membership", "How newcomers ask about joining."),
    ("members, membership, member organisations", "Who the network's members are."),
    ("decide, decision, agree, agreed, outcome", "What a meeting or the committee decided."),
    ("leave, suspension, suspended, expel", "How membership ends."),
    ("resign, step down", "A committee member leaving a seat steps down from it."),
    (
        "leave, resign, withdraw, quit, cancel, end our membership",
        "The words members use for leaving the network.",
    ),
    (
        "refuse, refused, refusal, reject, rejected, decline, turn down",
        "An application the committee does not accept.",
    ),
    ("appeal, reconsider, challenge, contest", "What an organisation refused may ask."),
    ("admit, admitted, accept, accepted", "The committee admits new members."),
    (
        "close, shut down, wind up, disband",
        "How a task force or an interim group comes to an end.",
    ),
    ("convenor, coordinator, lead", "Who runs a task force."),
    (
        "facilitator, facilitated, moderator, chair, ran the session, led the session",
        "Who ran a meeting's session.",
    ),
    (
        "nominate, nomination, nominations, candidate, stand for",
        "Standing for the steering committee.",
    ),
    ("sign, signed, signatory, signatories, endorse, sign on", "Putting a name to a statement."),
    ("comment, comments, feedback, input, consultation", "Calls for comment before a decision."),
    ("disagree, contradict, conflict, inconsistent", "Which text prevails when two differ."),
    ("Internet rights, digital rights, online rights", "What the network works on."),
    (
        "rules, procedures, procedure, bylaws, constitution, charter",
        "The network's rules are its procedures.",
    ),
    (
        "amend, propose a change, changing these procedures, suggest a change, suggest an edit, "
        "edit",
        "How a procedure changes: members propose, the wiki calls it editing.",
    ),
    ("vote, consensus, rough consensus", "How the network decides."),
    ("statement, declaration, joint statement", "What the network says in its name."),
    ("spying, surveillance", "The Bali session on state surveillance."),
    ("working group, task force", "Groups set up to work on one thing."),
    ("sit, seat, hold", "Who sits on the committee holds a seat on it."),
    (
        "elected, selected, chosen, election",
        "The committee page says elected; the procedure, selected and chosen.",
    ),
    ("aims, objectives, goals, mission, achieve", "What the network sets out to do."),
    (
        "responsibilities, obligations, duties, expected",
        "What members commit to, in the words newcomers ask it.",
    ),
    (
        "translation, translate, translated, languages",
        "Drafts are translated so that members who do not work in English can take part.",
    ),
    (
        "individual, individuals, personally, personal capacity",
        "People take part and sign as individuals as well as organisations.",
    ),
    ("set up, start, create, form, launch", "How a task force begins."),
    ("in the open, in public, openly, publicly", "Drafting and task forces work in the open."),
    ("developing countries, Global South", "Whose participation the network seeks."),
    ("Arab States, Arab region, Middle East, MENA", "The committee's seat for the Arab States."),
    (
        "Latin America and the Caribbean, Latin America, South America, LAC",
        "The committee's seat for Latin America and the Caribbean.",
    ),
    ("Asia and the Pacific, Asia-Pacific, APAC", "The committee's seat for Asia and the Pacific."),
]


def load_thesaurus():
    """The demo's thesaurus, once: an entry already there (or edited since) is kept."""
    if ThesaurusEntry.objects.exists():
        return
    for terms, note in THESAURUS:
        ThesaurusEntry.objects.create(terms=terms, note=note)
    logger.info("Added %d thesaurus entries", len(THESAURUS))


def load(home):
    """Pin each demo pick once; picks already there (or edited since) are left as they are.
    Then the thesaurus."""
    load_thesaurus()
    for query_string, path, description in PICKS:
        page = Page.objects.filter(url_path=f"{home.url_path}{path}/").first()
        if page is None:
            continue
        query = Query.get(query_string)
        if SearchPromotion.objects.filter(query=query).exists():
            continue
        SearchPromotion.objects.create(
            query=query, page=page, description=description, sort_order=0
        )
        logger.info("Pinned %r to the search %r", page.title, query_string)
