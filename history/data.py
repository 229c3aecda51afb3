"""A page's public history as data, in the shape of its history page.

The history page lists `Version`s (`versions.py`) newest first, twenty to a page, each with
its number, when it was published and until when, its change summary, who proposed it, who
approved it and who published it, and a link to what changed; `history.json` gives the same
versions, in the same order and pages, with the same fields. Links are absolute, on the
address the request came to.
"""


def page_data(page, request):
    """Which page this is, and where to read it and its history."""
    absolute = request.build_absolute_uri
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute(page.get_url(request)) if page.live else None,
        "history": absolute(page.subpage_url("history", request=request)),
        "history_json": absolute(page.subpage_url("history_json", request=request)),
    }


def version_data(page, version, request):
    """One version, as the history page shows it."""
    absolute = request.build_absolute_uri
    previous = version.previous
    return {
        "number": version.number,
        "revision_id": version.revision_id,
        "url": absolute(page.subpage_url("history_version", version.revision_id, request=request)),
        "published_at": version.published_at,
        "until": version.until,
        "current": version.is_current,
        "taken_off_the_site": version.withdrawn,
        "summary": version.summary,
        "proposed_by": version.proposed_by,
        "approved_by": list(version.approved_by),
        "published_by": version.published_by,
        "notes": version.entry.notes,
        "changes": absolute(
            page.subpage_url(
                "history_diff", previous.revision_id, version.revision_id, request=request
            )
        )
        if previous is not None
        else None,
    }


def ending_data(entry):
    """How a page left the site: withdrawn or deleted, when, why and by whom."""
    return {
        "kind": entry.kind,
        "at": entry.at,
        "reason": entry.summary,
        "proposed_by": entry.proposed_by,
        "approved_by": list(entry.approved_by),
        "done_by": entry.performed_by,
    }


def history_data(page, history, versions, pagination, request):
    """The history page's content for one page of `versions` (newest first)."""
    return {
        "page": page_data(page, request),
        "taken_off_the_site": ending_data(history.withdrawn) if history.withdrawn else None,
        **pagination,
        "versions": [version_data(page, version, request) for version in versions],
    }


def version_content(page, version, request, day=None):
    """A version as it read: which page, which version, and the page's content then (what
    the page says of itself in `data_content()`)."""
    data = {
        "page": page_data(page, request),
        "version": version_data(page, version, request),
        "content": page.as_published(version).data_content(),
    }
    if day is not None:
        data = {"day": day.isoformat(), **data}
    return data
