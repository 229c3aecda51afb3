"""The network's meetings, their programme of sessions, and the outcomes they produced."""

from .meetings import MeetingIndexPage, MeetingObjective, MeetingPage, ProgrammeDay, Session
from .outcomes import LED_TO_TYPES, OutcomeLink, OutcomePage

__all__ = [
    "LED_TO_TYPES",
    "MeetingIndexPage",
    "MeetingObjective",
    "MeetingPage",
    "OutcomeLink",
    "OutcomePage",
    "ProgrammeDay",
    "Session",
]
