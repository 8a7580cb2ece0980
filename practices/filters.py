"""The practice list's search, facets and sort order (see portal.facets)."""

import operator
from functools import reduce

from django import forms
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from portal.facets import (
    Facet,
    FacetedFilterSet,
    FacetField,
    SearchFilter,
    TagFacet,
    availability,
)
from portal.listing import Cards

from . import search
from .models import (
    CARD_FIELDS,
    Country,
    Domain,
    Municipality,
    Practice,
    Reach,
    Recurrence,
    TargetGroup,
    Theme,
)

FIRST_YEAR, LAST_YEAR = 1900, 2100


class YearField(FacetField):
    def valid_value(self, value):
        return value.isdecimal() and FIRST_YEAR <= int(value) <= LAST_YEAR


class YearFacet(Facet):
    """The year a practice started: the years counted or chosen, newest first."""

    field_class = YearField

    def shown_choices(self, counts, chosen):
        return [(year, year) for year in sorted({*counts, *chosen}, reverse=True)]


class SizeFacet(Facet):
    """The size of the practice's municipality, by its population (Municipality.SIZES);
    "unknown" where the population (or the municipality) is not known."""

    def __init__(self, **kwargs):
        choices = [(slug, label) for slug, (label, _low, _high) in Municipality.SIZES.items()]
        unknown = (Municipality.SIZE_UNKNOWN, _("Size not known"))
        super().__init__(choices=[*choices, unknown], **kwargs)

    @staticmethod
    def within(size):
        """Practices of a municipality of that size."""
        if size == Municipality.SIZE_UNKNOWN:
            return Q(municipality__population__isnull=True)
        _label, low, high = Municipality.SIZES[size]
        inside = Q(municipality__population__gte=low)
        return inside & Q(municipality__population__lt=high) if high else inside

    def condition(self, value):
        return reduce(operator.or_, map(self.within, value))

    def value(self):
        sizes = [When(self.within(size), then=Value(size)) for size in Municipality.SIZES]
        return Case(*sizes, default=Value(Municipality.SIZE_UNKNOWN))


class PracticeFilterForm(forms.Form):
    SORTS = {"relevance": _("Relevance"), "newest": _("Newest first"), "title": _("Title")}
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)


class PracticeFilter(FacetedFilterSet):
    """Filters a queryset of ListedPractice: the narrow rows of the published practices."""

    VOCABULARY = {
        "domain": Domain,
        "theme": Theme,
        "target": TargetGroup,
        "municipality": Municipality,
    }
    RANK_LIMIT = search.RANK_LIMIT
    CHANGED_AT = "listed_at"  # a municipality's change rewrites its practices' rows

    q = SearchFilter(label=_("Search"), method="search")
    domain = Facet(field_name="domain__slug", label=_("Policy domain"))
    theme = TagFacet(field_name="practice__themes", label=_("Theme"))
    target = TagFacet(field_name="practice__target_groups", label=_("Target group"))
    municipality = Facet(field_name="municipality__slug", label=_("Municipality"))
    country = Facet(field_name="municipality__country", label=_("Country"), choices=Country.choices)
    size = SizeFacet(label=_("Size of the municipality"))
    reach = Facet(field_name="reach", label=_("Reach"), choices=Reach.choices)
    recurrence = Facet(field_name="recurrence", label=_("Recurrence"), choices=Recurrence.choices)
    year = YearFacet(field_name="started_in", label=_("Year started"))
    available = availability()

    class Meta:
        form = PracticeFilterForm
        fields = []

    def search(self, queryset, name, value):
        return search.matching(queryset, value, self.lang)

    def search_words(self):
        return search.words(self.form.cleaned_data.get("q", ""))

    def sort(self):
        chosen = self.form.cleaned_data.get("sort")
        if chosen == "relevance" and not self.search_words():
            chosen = None
        return chosen or ("relevance" if self.form.cleaned_data.get("q") else "newest")

    def practices(self):
        """The matching practices themselves."""
        return Practice.objects.filter(pk__in=self.qs.values("pk"))

    def ordered(self, whole=False, shortlist=None):
        """The matching practices in the chosen order, with highlighted summaries: the
        order and the page read from the narrow rows, then the page's practices (only
        what their cards show, unless `whole`)."""
        text, sort = self.form.cleaned_data.get("q", ""), self.sort()
        if sort == "relevance":
            keys = search.by_relevance(self.qs, text, self.lang, shortlist)
        elif sort == "title":
            title = search.in_language("title", self.lang)
            keys = self.practices().order_by(title.asc(), "pk")
        else:
            keys = self.qs.order_by("-published_at", "-pk")
        if whole:
            objects, prepare = Practice.objects.for_cards(), list
        else:
            objects, prepare = Practice.objects.only(*CARD_FIELDS), self.with_places
        cards = search.with_highlights(objects, text, self.lang)
        keys = keys.values_list("pk", flat=True)
        return Cards(keys, cards, bool(self.search_words()), prepare)

    def with_places(self, practices):
        """The practices, each with the names of its municipality and domain as the
        vocabulary of the list has them (`place_names`, which its card shows): joining
        them in took some 2 ms of each page."""
        names = self.vocabulary.names
        practices = list(practices)
        for practice in practices:
            places = [("municipality", practice.municipality_id), ("domain", practice.domain_id)]
            practice.place_names = [
                names[kind][key] if key in names[kind] else getattr(practice, kind).name
                for kind, key in places  # (a municipality or domain new since: its own)
                if key is not None
            ]
        return practices
