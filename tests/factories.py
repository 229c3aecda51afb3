"""Factories for the site's pages. Tests build their own data; they never use the demo content."""

import datetime

import factory
import wagtail_factories

from home.models import HomePage
from procedures.models import Objective, ObjectivesPage, ProcedureIndexPage, ProcedurePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Best Bits"
    intro = "<p>A network of civil-society groups.</p>"

    class Meta:
        model = HomePage


class ProcedureIndexPageFactory(wagtail_factories.PageFactory):
    title = "Procedures"
    show_in_menus = True

    class Meta:
        model = ProcedureIndexPage


def clause_data(heading, text="<p>Clause text.</p>", anchor="", subclauses=()):
    """Raw StreamField data for one clause."""
    return {
        "type": "clause",
        "value": {
            "heading": heading,
            "anchor": anchor,
            "text": text,
            "subclauses": [{"heading": h, "anchor": a, "text": t} for h, a, t in subclauses],
        },
    }


class ProcedurePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Procedure {n}")
    summary = "How something is done."
    topic = ProcedurePage.Topic.ORGANISATION
    status = ProcedurePage.Status.PROPOSED
    body = factory.LazyFunction(
        lambda: [
            clause_data("Purpose", "<p>Why this procedure exists.</p>"),
            clause_data(
                "Steps",
                "<p>What happens.</p>",
                subclauses=[("First", "", "<p>One.</p>"), ("Second", "", "<p>Two.</p>")],
            ),
        ]
    )

    class Meta:
        model = ProcedurePage

    class Params:
        in_force = factory.Trait(
            status=ProcedurePage.Status.IN_FORCE, in_force_from=datetime.date(2014, 1, 1)
        )


class ObjectivesPageFactory(wagtail_factories.PageFactory):
    title = "Agreed statement of objectives"
    preamble = "<p>What the network sets out to do.</p>"
    adopted_on = datetime.date(2013, 10, 20)
    adopted_at = "Bali, October 2013"
    show_in_menus = True

    class Meta:
        model = ObjectivesPage
        skip_postgeneration_save = True

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        texts = extracted if extracted is not None else ["To share.", "To strategise."]
        for position, text in enumerate(texts):
            Objective.objects.create(page=self, text=text, sort_order=position)
