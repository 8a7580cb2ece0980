"""Facets: multi-select filters of a catalogue's list, each with its counts.

Every facet lives in the query string. Its counts are disjunctive: they apply every
active filter except the facet's own, so a reader can widen a choice. All facets of a
list are counted in one query, a UNION of a GROUP BY per facet; the vocabulary's names
come in one more. Built on django-filter: a catalogue's filterset is a FacetedFilterSet.
"""

import django_filters
from django import forms
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

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


TALLY_COLUMNS = ("facet_name", "facet_value", "facet_count")


def tally(queryset, name, value):
    """Rows (name, value as text, number of objects) counting `queryset` by `value`."""
    return (
        queryset.order_by()
        .annotate(facet_name=Value(name), facet_value=Cast(value, TextField()))
        .values_list("facet_name", "facet_value")
        .annotate(facet_count=Count("pk"))
    )


def union_all(querysets, columns):
    """The `columns` of every row of several querysets, fetched in one query.

    Composed here, naming the columns, rather than with QuerySet.union(), which lines the
    parts' columns up by position: on PostgreSQL, Django's SQL for some of the tallies
    puts the value before the name (it groups by the first column)."""
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"SELECT {', '.join(columns)} FROM ({sql}) AS part")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


class Facet(django_filters.MultipleChoiceFilter):
    """A multi-select filter on a column, counted with one GROUP BY."""

    field_class = FacetField

    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__in": value}) if value else qs

    def counted(self, qs, name):
        return tally(qs, name, F(self.field_name))

    def shown_choices(self, counts, chosen):
        """The (value, label) pairs a list shows, given the counts and chosen values."""
        return self.field.choices


class TagFacet(Facet):
    """A multi-select filter on a many-to-many relation (themes, target groups), by slug."""

    def through(self):
        relation = self.model._meta.get_field(self.field_name)
        names = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        return relation.remote_field.through, *names

    def filter(self, qs, value):
        if not value:
            return qs
        through, owner, tag = self.through()
        tagged = through.objects.filter(**{f"{tag}__slug__in": value}).values(owner)
        return qs.filter(pk__in=tagged)

    def counted(self, qs, name):
        through, owner, tag = self.through()
        tagged = through.objects.filter(**{f"{owner}__in": qs.values("pk")})
        return tally(tagged, name, F(f"{tag}__slug"))


class AvailabilityFacet(Facet):
    """Whether content is complete in the reader's language: "yes", "no" or both."""

    def filter(self, qs, value):
        lang = self.parent.lang
        if set(value) == {"yes"}:
            return qs.available_in(lang)
        if set(value) == {"no"}:
            return qs.exclude(languages__contains=lang)
        return qs

    def counted(self, qs, name):
        available = Q(languages__contains=self.parent.lang)
        return tally(qs, name, Case(When(available, then=Value("yes")), default=Value("no")))


def availability():
    return AvailabilityFacet(
        label=_("Available in your language"),
        choices=[("yes", _("Yes")), ("no", _("No, only in another language"))],
    )


def vocabulary(lang, kinds):
    """Slug and name of every entry of the vocabularies `kinds` ({facet: model}): one
    query. Entries keep the editors' order (their `position`); those without one (the
    municipalities) go by name."""

    def rank(model):
        ordered = any(field.name == "position" for field in model._meta.fields)
        return Cast("position", IntegerField()) if ordered else Value(0)

    parts = [
        model.objects.order_by()
        .annotate(kind=Value(kind), rank=rank(model), label=F(f"name_{lang}"), key=F("slug"))
        .values_list("kind", "rank", "label", "key")
        for kind, model in kinds.items()
    ]
    found = {kind: [] for kind in kinds}
    for kind, _rank, label, slug in sorted(parts[0].union(*parts[1:], all=True).order_by()):
        found[kind].append((slug, label))
    return found


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

    def __init__(self, data, queryset, *, lang, vocabulary):
        super().__init__(data, queryset)
        self.lang = lang
        for kind, choices in vocabulary.items():
            self.filters[kind].extra["choices"] = choices
        self.form.is_valid()

    @property
    def facets(self):
        return {name: f for name, f in self.filters.items() if isinstance(f, Facet)}

    def filter_queryset(self, queryset, *, leave_out=None):
        """Apply every active filter, except the one named `leave_out`."""
        for name, value in self.form.cleaned_data.items():
            if name in self.filters and name != leave_out:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def counts(self):
        """For each facet, {value: number of objects} under the other facets' filters,
        all counted in one query: a UNION of one GROUP BY per facet."""
        parts = [
            facet.counted(self.filter_queryset(self.queryset, leave_out=name), name)
            for name, facet in self.facets.items()
        ]
        found = {name: {} for name in self.facets}
        for name, value, count in union_all(parts, TALLY_COLUMNS):
            if value is not None:
                found[name][value] = count
        return found

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

    def ordered(self):
        """The matching objects in the chosen order, with what their cards show."""
        return self.qs.for_cards().newest_first()
