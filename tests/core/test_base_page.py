"""What every page type gets from core: the change summary in its editor, plain text, and a
description of itself to search."""

import pytest
from django.utils.html import strip_tags
from wagtail.models import get_page_models
from wagtail.rich_text import RichText

from core import text
from core.models import BasePage, grouped_by_choice
from core.search import PageKind, Part
from core.text import linked_pages, plain_text, without_tags
from core.tree import SECTION_DEPTH, ancestor_path, ancestor_paths
from meetings.models import OutcomeLink, OutcomePage
from procedures.models import ProcedurePage
from tests.factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    ObjectivesPageFactory,
    OutcomePageFactory,
    ProcedurePageFactory,
    clause_data,
)

SITE_PAGE_TYPES = [model for model in get_page_models() if issubclass(model, BasePage)]


def test_every_page_type_of_the_site_is_a_base_page():
    ours = [m for m in get_page_models() if m._meta.app_label not in {"wagtailcore"}]
    assert ours and set(ours) == set(SITE_PAGE_TYPES)


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_asks_for_a_change_summary_once(model):
    form_class = model.get_edit_handler().get_form_class()
    assert "change_summary" in form_class.base_fields
    names = [getattr(panel, "field_name", None) for panel in model.content_panels]
    assert names.count("change_summary") == 1
    assert names[-1] == "change_summary"


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_names_its_kind_for_search(model):
    assert isinstance(model.search_kind, PageKind)
    assert model.search_kind.slug and model.search_kind.label
    if model.search_date_field:
        assert model._meta.get_field(model.search_date_field).get_internal_type() == "DateField"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Rights &amp; duties</p><p>apply</p>", "Rights & duties apply"),
        ("<ul><li>one</li><li>two</li></ul>", "one two"),
        ("<p>Write to the <b>committee</b>.</p>", "Write to the committee."),
        ('<p><a href="/x">Ap</a><i>peal</i>s<br>heard</p>', "Appeals heard"),
        ("<p>one<br/>two</p>", "one two"),
        ("  plain   words \n", "plain words"),
        ("&lt;script&gt;", "<script>"),
        ("a &amp;amp; b", "a &amp; b"),
        ("tabs\tand\u00a0spaces", "tabs and spaces"),
        (None, ""),
    ],
)
def test_plain_text_decodes_once_and_keeps_words_apart(html, text):
    assert plain_text(html) == text


@pytest.mark.parametrize(
    "html",
    [
        '<p>Rights &amp; duties</p><p><a linktype="page" id="3">apply</a><br/></p>',
        "<P CLASS=x>y</P>",
        "<p foo='x\"y'>z</p><p>a</p >",
        "<!-- a comment --><p>x</p>",
        "a < b, text > more",
        "<p title='a>b'>x</p>",
        '<img alt="a > b">t',
        '<p title=a"b>c</p>',
        "<script>if a<b</script><style>p > a {}</style>",
        "<<p>>",
        "<p",
        "x</ p>y",
        "<![CDATA[x]]><?php x ?>",
        "&lt;p&gt;",
    ],
)
def test_tags_are_taken_out_as_djangos_strip_tags_takes_them_out(html):
    assert without_tags(html) == strip_tags(html)


def test_rich_text_as_stored_is_read_without_an_html_parser(monkeypatch):
    def parser(value):
        raise AssertionError(f"HTML parser used for {value!r}")

    monkeypatch.setattr(text, "strip_tags", parser)
    stored = '<h2>Terms</h2><p>The <b>committee</b> <a linktype="page" id="3">decides</a></p>'
    assert without_tags(stored) == "TermsThe committee decides"


def test_the_pages_rich_text_links_to_are_read_from_it_once_each_in_order():
    stored = (
        '<p>See <a linktype="page" id="12">Joining</a>, <a href="https://example.org">a site</a>,'
        ' <a id="4" linktype="page">Terms</a>, <a linktype="document" id="9">a paper</a> and'
        ' <a linktype="page" id="12">Joining</a> again.</p>'
    )
    assert linked_pages(RichText(stored)) == (12, 4)
    assert linked_pages(stored) == (12, 4)
    assert linked_pages("<p>No link.</p>") == linked_pages(None) == ()


def test_plain_text_kept_by_its_html_follows_a_changed_text():
    # Plain texts are kept by the HTML they are made from: asked again, the same; the text
    # changed (a page republished), the new words, never the kept ones.
    assert plain_text(RichText("<p>Old wording</p>")) == "Old wording"
    assert plain_text(RichText("<p>Old wording</p>")) == "Old wording"
    assert plain_text(RichText("<p>New wording</p>")) == "New wording"


@pytest.mark.django_db
def test_a_procedure_points_search_at_its_clauses(wiki):
    page = ProcedurePageFactory(
        parent=wiki,
        summary="How to join.",
        body=[
            clause_data(
                "Applying",
                "<p>Write to us.</p>",
                "applying",
                subclauses=[("Decision", "decision", "<p>Within thirty days.</p>")],
            )
        ],
    )
    page = ProcedurePage.objects.get(pk=page.pk)
    assert page.search_parts() == [
        Part("", "", "How to join."),
        Part("applying", "§1 Applying", "Applying. Write to us."),
        Part("decision", "§1.1 Decision", "Decision. Within thirty days.", within="Applying"),
    ]


@pytest.mark.django_db
def test_an_outcome_points_search_at_what_it_links_to_and_what_it_led_to(wiki, home):
    objectives = ObjectivesPageFactory(parent=home, slug="objectives")
    meeting = MeetingPageFactory(parent=MeetingIndexPageFactory(parent=home))
    outcome = OutcomePageFactory(
        parent=meeting, body=f'<p>See <a linktype="page" id="{wiki.pk}">the procedures</a>.</p>'
    )
    assert [part.links for part in OutcomePage.objects.get(pk=outcome.pk).search_parts()] == [
        (wiki.pk,)
    ]

    # "The objectives page holds its current text": what it led to is where the answer is.
    outcome.led_to = [OutcomeLink(page=objectives), OutcomeLink(page=wiki)]
    outcome.save_revision().publish()

    [part] = OutcomePage.objects.get(pk=outcome.pk).search_parts()
    assert part.links == (wiki.pk, objectives.pk)


def test_grouped_by_choice_keeps_the_choices_order_and_leaves_out_empty_groups():
    class Item:
        def __init__(self, name, status):
            self.name, self.status = name, status

    items = [Item("a", "closed"), Item("b", "active"), Item("c", "closed")]
    choices = [("active", "Active"), ("paused", "Paused"), ("closed", "Closed")]
    grouped = grouped_by_choice(items, "status", choices)
    assert [(label, [i.name for i in group]) for label, group in grouped] == [
        ("Active", ["b"]),
        ("Closed", ["a", "c"]),
    ]


def test_tree_paths_are_named_by_depth():
    path = "0001" + "0002" + "0003" + "0004"
    assert ancestor_path(path, SECTION_DEPTH) == "000100020003"
    assert ancestor_paths(path) == ["0001", "00010002", "000100020003", path]
