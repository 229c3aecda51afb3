"""Countries a signatory can choose (ISO 3166-1, from pycountry) and the network's region of each.

Regions are the network's own (`network.models.Region`), the ones the membership page counts
by, and so is what counts as the Global South (`GLOBAL_SOUTH_REGIONS`): a signatory's region
and Global South share are derived from the country they give, the same way for every statement.
Every ISO country is in exactly one region (tests check it); territories are counted with the
region they lie in.
"""

import gettext
from functools import cache

import pycountry
from django.utils.translation import get_language

from network.models import GLOBAL_SOUTH_REGIONS, Region

_REGION_CODES = {
    Region.AFRICA: (
        "AO BF BI BJ BW CD CF CG CI CM CV EH ER ET GA GH GM GN GQ GW IO KE LR LS MG ML MU MW MZ "
        "NA NE NG RE RW SC SH SL SN SS ST SZ TD TG TZ UG YT ZA ZM ZW"
    ),
    Region.ARAB_STATES: "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE",
    Region.ASIA_PACIFIC: (
        "AF AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IR JP KG KH KI KP KR KZ LA LK MH "
        "MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL TM TO TV TW UZ "
        "VN VU WF WS"
    ),
    Region.LATIN_AMERICA: (
        "AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM "
        "KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"
    ),
    Region.EUROPE: (
        "AD AL AM AT AX AZ BA BE BG BV BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE "
        "IL IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TF TR UA "
        "VA"
    ),
    Region.NORTH_AMERICA: "BM CA GL PM UM US",
}
REGION_OF_COUNTRY = {
    code: region for region, codes in _REGION_CODES.items() for code in codes.split()
}


def country_name(code):
    """The country's common name ("Bolivia", not "Bolivia, Plurinational State of"), or ""."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return ""
    return getattr(country, "common_name", None) or country.name


@cache
def _iso_catalogue(language):
    """pycountry's own translations of the ISO 3166 names into `language` (none: English)."""
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def local_country_name(code):
    """The country's name in the language being read, for the screen only: the record, the
    downloads and the order of lists keep the English `country_name`."""
    english = country_name(code)
    language = (get_language() or "en").split("-")[0]
    if not english or language == "en":
        return english
    catalogue = _iso_catalogue(language)
    shown = catalogue.gettext(english)
    if shown == english:
        shown = catalogue.gettext(pycountry.countries.get(alpha_2=code).name)
    return shown


@cache
def country_choices():
    """((code, name), …) of every country, in alphabetical order of name."""
    return tuple(
        sorted(
            ((country.alpha_2, country_name(country.alpha_2)) for country in pycountry.countries),
            key=lambda choice: choice[1],
        )
    )


def region_of(code):
    """The network's region (a `Region` value) of the country with ISO code `code`, or ""."""
    return REGION_OF_COUNTRY.get(code, "")


def is_global_south(region):
    return region in GLOBAL_SOUTH_REGIONS
