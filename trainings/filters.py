"""The training list's facets (see portal.facets)."""

from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from portal.facets import Facet, FacetedFilterSet, TagFacet, availability
from practices.models import Municipality, TargetGroup, Theme

from .models import Format

# How long a programme takes in all: (more than, at most) hours.
LENGTHS = {"half-day": (0, 4), "days": (4, 16), "longer": (16, None)}


class LengthFacet(Facet):
    """A programme's total hours, in three spans; programmes of unknown length in none."""

    @staticmethod
    def span(low, high):
        return Q(total_hours__gt=low) & (Q(total_hours__lte=high) if high else Q())

    def condition(self, value):
        chosen = Q()
        for name in value:
            chosen |= self.span(*LENGTHS[name])
        return chosen

    def value(self):
        spans = [When(self.span(*bounds), then=Value(span)) for span, bounds in LENGTHS.items()]
        return Case(*spans, default=Value(None))


class TrainingFilter(FacetedFilterSet):
    VOCABULARY = {
        "format": Format,
        "audience": TargetGroup,
        "theme": Theme,
        "municipality": Municipality,
    }

    format = TagFacet(field_name="formats", label=_("Format"))
    audience = TagFacet(field_name="audience", label=_("Audience"))
    theme = TagFacet(field_name="themes", label=_("Theme"))
    municipality = Facet(field_name="municipality__slug", label=_("Municipality"))
    length = LengthFacet(
        label=_("Length"),
        choices=[
            ("half-day", _("Half a day or less")),
            ("days", _("Up to two days")),
            ("longer", _("More than two days")),
        ],
    )
    available = availability()

    class Meta:
        fields = []

    def ordered(self, whole=False, shortlist=None):
        return super().ordered(whole, shortlist).prefetch_related("formats")
