"""The practice list's search, facets and sort order, built on django-filter.

Every facet is multi-select and lives in the query string. Its counts are disjunctive:
they apply every active filter except the facet's own, so a reader can widen a choice.
All facets are counted in one query, a UNION of a GROUP BY per facet; the vocabulary's
names come in one more.
"""

import django_filters
from django import forms
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from . import search
from .models import Country, Domain, Municipality, Reach, Recurrence, TargetGroup, Theme

SEARCH_MAX_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 1900, 2100


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


class YearField(FacetField):
    def valid_value(self, value):
        return value.isdecimal() and FIRST_YEAR <= int(value) <= LAST_YEAR


TALLY_COLUMNS = ("facet_name", "facet_value", "facet_count")


def tally(queryset, name, value):
    """Rows (name, value as text, number of practices) counting `queryset` by `value`."""
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


class YearFacet(Facet):
    field_class = YearField


class TagFacet(Facet):
    """A multi-select filter on a many-to-many relation (themes, target groups), by slug."""

    def through(self):
        relation = self.model._meta.get_field(self.field_name)
        names = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        return relation.remote_field.through, *names

    def filter(self, qs, value):
        if not value:
            return qs
        through, practice, tag = self.through()
        tagged = through.objects.filter(**{f"{tag}__slug__in": value}).values(practice)
        return qs.filter(pk__in=tagged)

    def counted(self, qs, name):
        through, practice, tag = self.through()
        tagged = through.objects.filter(**{f"{practice}__in": qs.values("pk")})
        return tally(tagged, name, F(f"{tag}__slug"))


class AvailabilityFacet(Facet):
    """Whether a practice is complete in the reader's language: "yes", "no" or both."""

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


class PracticeFilterForm(forms.Form):
    SORTS = {"relevance": _("Relevance"), "newest": _("Newest first"), "title": _("Title")}
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)


PRACTICE_VOCABULARY = {
    "domain": Domain,
    "theme": Theme,
    "target": TargetGroup,
    "municipality": Municipality,
}


def vocabulary(lang, kinds=None):
    """Slug and name of every entry of the vocabularies `kinds` ({facet: model}, the
    practice list's by default): one query. Entries keep the editors' order (their
    `position`); municipalities go by name."""
    kinds = kinds or PRACTICE_VOCABULARY
    parts = [
        model.objects.order_by()
        .annotate(
            kind=Value(kind),
            rank=Cast("position", IntegerField()) if model is not Municipality else Value(0),
            label=F(f"name_{lang}"),
            key=F("slug"),
        )
        .values_list("kind", "rank", "label", "key")
        for kind, model in kinds.items()
    ]
    found = {kind: [] for kind in kinds}
    for kind, _rank, label, slug in sorted(parts[0].union(*parts[1:], all=True).order_by()):
        found[kind].append((slug, label))
    return found


class FacetedFilterSet(django_filters.FilterSet):
    """Filters that are facets: each counted under every other active filter."""

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


class PracticeFilter(FacetedFilterSet):
    q = SearchFilter(label=_("Search"), method="search")
    domain = Facet(field_name="domain__slug", label=_("Policy domain"))
    theme = TagFacet(field_name="themes", label=_("Theme"))
    target = TagFacet(field_name="target_groups", label=_("Target group"))
    municipality = Facet(field_name="municipality__slug", label=_("Municipality"))
    country = Facet(field_name="municipality__country", label=_("Country"), choices=Country.choices)
    reach = Facet(field_name="reach", label=_("Reach"), choices=Reach.choices)
    recurrence = Facet(field_name="recurrence", label=_("Recurrence"), choices=Recurrence.choices)
    year = YearFacet(field_name="started_in", label=_("Year started"))
    available = availability()

    class Meta:
        form = PracticeFilterForm
        fields = []

    def search(self, queryset, name, value):
        return search.matching(queryset, value, self.lang)

    def sort(self):
        chosen = self.form.cleaned_data.get("sort")
        if chosen == "relevance" and not search.words(self.form.cleaned_data.get("q", "")):
            chosen = None
        return chosen or ("relevance" if self.form.cleaned_data.get("q") else "newest")

    def ordered(self):
        """The matching practices in the chosen order, with highlighted summaries."""
        text, sort = self.form.cleaned_data.get("q", ""), self.sort()
        if sort == "relevance":
            practices = search.by_relevance(self.qs, text, self.lang)
        elif sort == "title":
            practices = self.qs.order_by(search.in_language("title", self.lang).asc(), "pk")
        else:
            practices = self.qs.newest_first()
        return search.with_highlights(practices.for_cards(), text, self.lang)
