"""When a change approved today takes effect: the one rule for the last day, in the site's zone.

A change approved on day D with a notice of N days can be objected to until the end of day
D + N (23:59:59 in the site's time zone, `TIME_ZONE`) and takes effect at midnight that
begins day D + N + 1. The days are calendar days where the site is, so a change of clocks
(summer time) moves neither the last day nor the moment it takes effect.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _


def site_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def takes_effect_at(approved_at, days):
    """The moment a change approved at `approved_at` takes effect after `days` of notice."""
    zone = site_zone()
    approved_on = timezone.localtime(approved_at, zone).date()
    first_day_in_effect = approved_on + datetime.timedelta(days=days + 1)
    return datetime.datetime.combine(first_day_in_effect, datetime.time(0, 0), tzinfo=zone)


def last_day(effect_at):
    """The last day on which objections can be made, in the site's zone."""
    return timezone.localtime(effect_at, site_zone()).date() - datetime.timedelta(days=1)


def zone_name(moment):
    """The zone's name as people read it at `moment` ("CET", "CEST", "UTC"), and its key."""
    local = timezone.localtime(moment, site_zone())
    abbreviation = local.tzname()
    key = settings.TIME_ZONE
    return abbreviation if abbreviation == key else f"{abbreviation}, {key}"


def describe(effect_at):
    """The rule as a sentence: "objections can be made until 23:59 on 8 December 2026 (CET,
    Europe/Brussels); the change takes effect at 00:00 on 9 December 2026"."""
    local = timezone.localtime(effect_at, site_zone())
    deadline = effect_at - datetime.timedelta(seconds=1)
    return _(
        "objections can be made until 23:59 on %(last_day)s (%(deadline_zone)s); the change "
        "takes effect at 00:00 on %(day)s (%(zone)s)"
    ) % {
        "last_day": format_date(last_day(effect_at), "j F Y"),
        "deadline_zone": zone_name(deadline),
        "day": format_date(local, "j F Y"),
        "zone": zone_name(effect_at),
    }
