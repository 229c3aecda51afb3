"""A statement's public signatures counted: by region, country, kind and version of the text.

Built from the rows of one grouped query (`SignatureQuerySet.counts`), whatever the number of
signatures, so the statement page and its list pages count in a fixed number of queries.
"""

from core.charts import Bar, bar_chart
from network.models import Region

from .countries import country_name, is_global_south
from .models.signatures import Signature


class SignatorySummary:
    def __init__(self, rows, text_versions):
        self.rows = rows
        self.text_versions = text_versions

    def count(self, region="", country="", kind=""):
        """The number of public signatures in `region`, `country` and of `kind` (all if "")."""
        return sum(
            row["n"]
            for row in self.rows
            if (not region or row["region"] == region)
            and (not country or row["country"] == country)
            and (not kind or row["kind"] == kind)
        )

    @property
    def total(self):
        return self.count()

    @property
    def organisations(self):
        return self.count(kind=Signature.Kind.ORGANISATION)

    @property
    def individuals(self):
        return self.count(kind=Signature.Kind.INDIVIDUAL)

    @property
    def global_south(self):
        return sum(row["n"] for row in self.rows if is_global_south(row["region"]))

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
            (value, label, self.count(region=value), is_global_south(value))
            for value, label in Region.choices
        ]

    def chart(self):
        return bar_chart([Bar(label, n, south) for _, label, n, south in self.regions()])

    def countries(self):
        """[(code, name), …] of the countries with public signatures, by name."""
        codes = {row["country"] for row in self.rows}
        return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])
