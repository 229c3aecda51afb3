"""A statement's public signatures counted: by region, country, kind and version of the text.

Built from the counts each statement keeps (`models.counts.SignatureCount`, one row per region,
country, kind and revision signed) in one query, whatever the number of signatures.
"""

from collections import Counter

from core.charts import Bar, bar_chart
from network.models import Region

from .countries import country_name, is_global_south
from .models.signatures import Signature


class SignatorySummary:
    def __init__(self, rows, text_versions):
        self.rows = rows
        self.text_versions = text_versions
        self.by_region = Counter()
        self.by_kind = Counter()
        for row in rows:
            self.by_region[row["region"]] += row["n"]
            self.by_kind[row["kind"]] += row["n"]
        self.total = sum(self.by_region.values())
        self.organisations = self.by_kind[Signature.Kind.ORGANISATION]
        self.individuals = self.by_kind[Signature.Kind.INDIVIDUAL]
        self.global_south = sum(
            n for region, n in self.by_region.items() if is_global_south(region)
        )

    def count(self, region="", country=""):
        """The number of public signatures in `region` and `country` (all if "")."""
        if not country:
            return self.by_region[region] if region else self.total
        return sum(
            row["n"]
            for row in self.rows
            if row["country"] == country and (not region or row["region"] == region)
        )

    @property
    def global_south_percent(self):
        return round(100 * self.global_south / self.total) if self.total else 0

    @property
    def on_current_text(self):
        """How many signed (or reconfirmed) the text as it reads now."""
        current = self.text_versions.current_revision_ids()
        return sum(row["n"] for row in self.rows if row["revision_id"] in current)

    @property
    def on_earlier_texts(self):
        return self.total - self.on_current_text

    def regions(self):
        """[(value, label, count, Global South?), …] for every region, in the network's order."""
        return [
            (value, label, self.by_region[value], is_global_south(value))
            for value, label in Region.choices
        ]

    def chart(self):
        return bar_chart([Bar(label, n, south) for _, label, n, south in self.regions()])

    def countries(self):
        """[(code, name), …] of the countries with public signatures, by name."""
        codes = {row["country"] for row in self.rows}
        return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])
