"""Meetings as Popolo events: each meeting an event, each session of its programme a child
event (`parent_id`), with the people the meeting page names as attendees."""

from django.db.models import Prefetch

from core.open_data import NETWORK_ID, Records, page_source, popolo_date, popolo_id
from core.text import plain_text


def meeting_records(pages, request):
    """The events and people that the live, public meeting `pages` show."""
    from .models import Session

    records = Records()
    sessions = Session.objects.prefetch_related("facilitators").order_by("day", "sort_order")
    pages = pages.order_by("pk").prefetch_related("participants", Prefetch("sessions", sessions))
    for meeting in pages:
        meeting_id = popolo_id("page", meeting.pk)
        participants = sorted(meeting.participants.all(), key=lambda person: person.pk)
        records.events.append(
            {
                "id": meeting_id,
                "name": meeting.title,
                "classification": "meeting",
                "start_date": popolo_date(meeting.start_date),
                "end_date": popolo_date(meeting.end_date),
                "location": ", ".join(filter(None, [meeting.venue, meeting.location])),
                "description": plain_text(meeting.context),
                "organization_id": NETWORK_ID,
                "attendees": [person.popolo_reference("participant") for person in participants],
                "sources": [page_source(meeting, request)],
            }
        )
        records.persons.extend(person.popolo(request) for person in participants)
        for session in meeting.sessions.all():
            facilitators = sorted(session.facilitators.all(), key=lambda person: person.pk)
            records.events.append(session_event(session, meeting, facilitators, request))
            records.persons.extend(person.popolo(request) for person in facilitators)
    return records


def session_event(session, meeting, facilitators, request):
    """A session as a child event of its meeting. The programme gives a session's day and,
    at most, a clock time at the meeting's place, with no time zone: the time is given apart
    (`start_time`, HH:MM), as Popolo dates with a time need a zone."""
    event = {
        "id": popolo_id("session", session.pk),
        "name": session.title,
        "classification": session.kind,
        "start_date": popolo_date(session.day),
        "description": plain_text(session.description),
        "parent_id": popolo_id("page", meeting.pk),
        "attendees": [person.popolo_reference("facilitator") for person in facilitators],
        "sources": [page_source(meeting, request, session.anchor)],
    }
    if session.start_time is not None:
        event["start_time"] = session.start_time.strftime("%H:%M")
    return event
