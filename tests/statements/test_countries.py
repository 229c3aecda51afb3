"""Every country a signatory can choose has one region of the network, and the Global South is
counted the way the membership page counts it."""

import pycountry
import pytest

from network.models import GLOBAL_SOUTH_REGIONS, Region
from statements.countries import country_choices, country_name, is_global_south, region_of


def test_every_iso_country_is_in_exactly_one_region():
    for country in pycountry.countries:
        assert region_of(country.alpha_2) in Region.values, country.name


@pytest.mark.parametrize(
    ("code", "region", "south"),
    [
        ("KE", Region.AFRICA, True),
        ("EG", Region.ARAB_STATES, True),
        ("IN", Region.ASIA_PACIFIC, True),
        ("BR", Region.LATIN_AMERICA, True),
        ("DE", Region.EUROPE, False),
        ("US", Region.NORTH_AMERICA, False),
    ],
)
def test_regions_and_the_global_south(code, region, south):
    assert region_of(code) == region
    assert is_global_south(region_of(code)) is south
    assert (region in GLOBAL_SOUTH_REGIONS) is south


def test_countries_are_offered_by_their_common_name():
    names = dict(country_choices())
    assert names["BO"] == "Bolivia" == country_name("BO")
    assert len(names) == len(pycountry.countries)
    assert region_of("XX") == "" and country_name("XX") == ""
