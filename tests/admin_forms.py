"""Form data as the Wagtail page editor posts it, for tests that drive the admin."""

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def clause_form(heading, text="Clause text.", anchor="", subclauses=()):
    return (
        "clause",
        {
            "heading": heading,
            "anchor": anchor,
            "text": rich_text(text),
            "subclauses": {
                "count": str(len(subclauses)),
                **{
                    str(i): {
                        "value": {"heading": h, "anchor": a, "text": rich_text(t)},
                        "deleted": "",
                        "order": str(i),
                    }
                    for i, (h, a, t) in enumerate(subclauses)
                },
            },
        },
    )


def procedure_form(title="Joining the network", clauses=None, **fields):
    data = {
        "title": title,
        "slug": "joining-the-network",
        "summary": "Who can join and how.",
        "topic": "membership",
        "status": "proposed",
        "in_force_from": "",
        "body": streamfield(clauses if clauses is not None else [clause_form("Who can join")]),
    }
    data.update(fields)
    return nested_form_data(data)


def procedure_edit_form(page, *, text=None, heading=None, **extra):
    """The edit form of an existing procedure, with the first clause's text or heading changed."""
    clauses = []
    for index, clause in enumerate(page.clauses):
        value = clause["value"]
        clause_text = value["text"].source if value["text"] else ""
        if index == 0 and text is not None:
            clause_text = f"<p>{text}</p>"
        clauses.append(
            (
                "clause",
                {
                    "heading": heading if (index == 0 and heading) else value["heading"],
                    "anchor": value["anchor"],
                    "text": rich_text(clause_text),
                    "subclauses": {"count": "0"},
                },
            )
        )
    data = procedure_form(
        title=page.title,
        clauses=clauses,
        slug=page.slug,
        summary=page.summary,
        topic=page.topic,
        status=page.status,
    )
    data.update(extra)
    return data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
