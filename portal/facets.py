"""Facets: multi-select filters of a catalogue's list, each with its counts.

Every facet lives in the query string. Its counts are disjunctive: they apply every
active filter except the facet's own, so a reader can widen a choice. All facets of a
list are counted in memory (portal.counting); the vocabulary's names come in one
query. Built on django-filter: a catalogue's filterset is a FacetedFilterSet.
"""

import copy
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from .version import Remembered

SEARCH_MAX_LENGTH = 200


class SearchField(forms.CharField):
    """A search box that never refuses: overlong text is cut and NUL characters dropped."""

    def to_python(self, value):
        return super().to_python(value).replace("\x00", "")[:SEARCH_MAX_LENGTH]


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class FacetField(forms.MultipleChoiceField):
    """Keeps the values it knows and quietly leaves out the others (see `ignored`)."""

    def clean(self, value):
        return [item for item in self.to_python(value) if self.valid_value(item)]

    def __deepcopy__(self, memo):
        """The copy each form makes shares the choices and the widget that holds them
        (the facet panel renders its options itself): a form of the practice list copied
        330 choices at every request."""
        result = copy.copy(self)
        memo[id(self)] = result
        result.error_messages, result.validators = self.error_messages.copy(), self.validators[:]
        return result


class Facet(django_filters.MultipleChoiceFilter):
    """A multi-select filter on a column: an object has one value (or none) of it."""

    field_class = FacetField
    is_tag = False

    def condition(self, value):
        """The Q of the objects with one of the chosen values; None where that is all."""
        return Q(**{f"{self.field_name}__in": value})

    def filter(self, qs, value):
        condition = self.condition(value) if value else None
        return qs if condition is None else qs.filter(condition)

    def value(self):
        """The expression of an object's value, which the counts group by."""
        return F(self.field_name)

    def indexed(self):
        """What the facet index (portal.counting) keeps of each object, the same in
        every language: by default its value."""
        return self.value()

    def value_of(self, indexed):
        """The value of an object of which the facet index keeps `indexed`."""
        return indexed

    def shown_choices(self, counts, chosen):
        """The (value, label) pairs a list shows, given the counts and chosen values."""
        return self.extra["choices"]


class TagFacet(Facet):
    """A multi-select filter on a many-to-many relation (themes, target groups), by slug.
    `field_name` may lead through the object's key to the relation of another model
    with the same keys ("practice__themes" of a narrow table of practices)."""

    is_tag = True

    def through(self):
        """The relation's table, the name of its owner and of its tag fields."""
        model, *path, name = [self.model, *self.field_name.split("__")]
        for step in path:
            model = model._meta.get_field(step).related_model
        relation = model._meta.get_field(name)
        names = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        return relation.remote_field.through, *names

    def condition(self, value):
        through, owner, tag = self.through()
        return Q(pk__in=through.objects.filter(**{f"{tag}__slug__in": value}).values(owner))


class AvailabilityFacet(Facet):
    """Whether content is complete in the reader's language: "yes", "no" or both."""

    def available(self):
        return Q(languages__contains=self.parent.lang)

    def condition(self, value):
        chosen = set(value)
        if chosen == {"yes"}:
            return self.available()
        return ~self.available() if chosen == {"no"} else None

    def value(self):
        return Case(When(self.available(), then=Value("yes")), default=Value("no"))

    def indexed(self):
        return F("languages")

    def value_of(self, indexed):
        return "yes" if self.parent.lang in indexed.split() else "no"


def availability():
    return AvailabilityFacet(
        label=_("Available in your language"),
        choices=[("yes", _("Yes")), ("no", _("No, only in another language"))],
    )


class Vocabulary(dict):
    """{facet: [(slug, name)]}, the entries of each facet in order, and `names`:
    {facet: {key: name}}, by the entries' own keys."""


def vocabulary(lang, kinds):
    """The Vocabulary of `kinds` ({facet: model}) in `lang`: one query. Entries keep the
    editors' order (their `position`); those without one (the municipalities) go by
    name."""

    def rank(model):
        ordered = any(field.name == "position" for field in model._meta.fields)
        return Cast("position", IntegerField()) if ordered else Value(0)

    parts = [
        model.objects.order_by()
        .annotate(kind=Value(kind), rank=rank(model), label=F(f"name_{lang}"), key=F("slug"))
        .values_list("kind", "rank", "label", "key", "pk")
        for kind, model in kinds.items()
    ]
    found = Vocabulary((kind, []) for kind in kinds)
    found.names = {kind: {} for kind in kinds}
    for kind, _rank, label, slug, key in sorted(parts[0].union(*parts[1:], all=True).order_by()):
        found[kind].append((slug, label))
        found.names[kind][key] = label
    return found


@dataclass(frozen=True)
class Counted:
    """What a list's counting found: {facet: {value: number}} and, for a list ranked by
    relevance, its shortlist: the keys of its newest RANK_LIMIT matches, newest first."""

    counts: dict
    shortlist: list | None = None


FORMS = Remembered(limit=50)  # {(filterset class, language, vocabulary): form class}


class FacetedFilterSet(django_filters.FilterSet):
    """Filters that are facets, each counted under every other active filter.

    A catalogue's filterset names its VOCABULARY ({facet: model} whose entries are the
    facet's choices) and, when it searches, its search words and orders; by default a
    list is the newest first."""

    VOCABULARY = {}
    # The facet every object has exactly one value of: its counts add up to the total.
    EACH_ONCE = "available"
    # With a sort by relevance, only the newest RANK_LIMIT matches are ranked.
    RANK_LIMIT = None
    NEWEST = ("-published_at", "-pk")  # the newest first
    CHANGED_AT = "updated_at"  # when an object was last saved: see counting.FacetIndex

    def __init__(self, data, queryset, *, lang, vocabulary):
        """`vocabulary`: the facets' choices and names (see `vocabulary`)."""
        super().__init__(data, queryset)
        self.lang, self.vocabulary = lang, vocabulary
        for kind, choices in vocabulary.items():
            self.filters[kind].extra["choices"] = choices
        self.form.is_valid()

    def get_form_class(self):
        """The form class, made once per language and vocabulary: making its fields
        checked every choice of the vocabulary again."""
        known = tuple((kind, tuple(choices)) for kind, choices in self.vocabulary.items())
        return FORMS.get((type(self), self.lang, known), super().get_form_class)

    @property
    def facets(self):
        return {name: f for name, f in self.filters.items() if isinstance(f, Facet)}

    def filter_queryset(self, queryset, *, facets=True):
        """Apply every filter of the form (with `facets` false, only the others)."""
        for name, value in self.form.cleaned_data.items():
            if name in self.filters and (facets or name not in self.facets):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def matches(self):
        """The objects matching every filter that is not a facet (the search words)."""
        return self.filter_queryset(self.queryset, facets=False)

    def counts(self, index):
        """The list's Counted: for each facet, {value: number of objects} under the
        other facets' chosen values, among the objects the search words match, and the
        shortlist of a list ranked by relevance. Counted in the facet index of the list
        (portal.counting), the database asked only for the search's matches."""
        if self.search_words():
            matches = index.among(self.matches(), indexes_first=True)
        else:
            matches = index.everything
        chosen = {name: self.form.cleaned_data[name] for name in self.facets}
        chosen = {name: values for name, values in chosen.items() if values}
        counts = index.counts(matches, chosen, self.facets)
        if not (self.RANK_LIMIT and self.sort() == "relevance"):
            return Counted(counts)
        found = index.matching(matches, chosen, self.facets)
        return Counted(counts, index.first(found, self.RANK_LIMIT))

    def ignored(self):
        """(name, label, value) of each facet value in the query string that is not known."""
        return [
            (name, facet.label, value)
            for name, facet in self.facets.items()
            for value in self.data.getlist(name)
            if value and value not in self.form.cleaned_data.get(name, [])
        ]

    def search_words(self):
        """The words searched for; none where the list has no search."""
        return []

    def sort(self):
        return "newest"

    def ordered(self, whole=False, shortlist=None):
        """The matching objects in the chosen order, with what their cards show (`whole`:
        with all their fields, where a card shows only some). `shortlist`: the keys
        of the newest RANK_LIMIT matches (Counted), which a ranking reads."""
        return self.qs.for_cards().newest_first()
