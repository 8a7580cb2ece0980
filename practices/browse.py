"""One filtered, counted and paginated listing, shared by the list page and the JSON API."""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator

from . import search
from .caching import current_version
from .filters import PracticeFilter, vocabulary
from .models import Practice


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options: list

    VISIBLE = 8  # the others are folded away in a <details>, opened when one is chosen

    @property
    def selected(self):
        return [option for option in self.options if option.selected]

    @property
    def first_options(self):
        return self.options[: self.VISIBLE]

    @property
    def more_options(self):
        return self.options[self.VISIBLE :]

    @property
    def has_hidden_selection(self):
        return any(option.selected for option in self.more_options)


class Listing:
    """Published practices under the filters of a query string, in one language."""

    def __init__(self, data, lang, version=None):
        """`version`: the catalogue's version (practices.caching), if the caller knows it."""
        self.lang = lang
        self.version = version or current_version()
        self.filter = PracticeFilter(
            data, Practice.objects.published(), lang=lang, vocabulary=vocabulary(lang)
        )

    @cached_property
    def counts(self):
        """The facet counts, from the cache when the same filters in the same language
        were counted since the catalogue last changed (see `counts_key`)."""
        return cache.get_or_set(
            self.counts_key(), self.filter.counts, settings.CATALOGUE_CACHE_TIMEOUT
        )

    def counts_key(self):
        """The language, the search words, every chosen facet value and the catalogue's
        version: saving a practice starts counting afresh."""
        chosen = sorted((name, sorted(self.selected(name))) for name in self.filter.facets)
        terms = [term.casefold() for term in search.words(self.text)]
        state = repr((self.lang, terms, chosen, self.version))
        return f"facet-counts:{hashlib.sha256(state.encode()).hexdigest()}"

    @cached_property
    def total(self):
        """How many practices match, read off the reach counts to spare a COUNT query:
        every practice has exactly one reach, and the reach facet's counts apply every
        filter but its own."""
        chosen = self.selected("reach")
        return sum(n for value, n in self.counts["reach"].items() if not chosen or value in chosen)

    @property
    def text(self):
        return self.filter.form.cleaned_data.get("q", "")

    def selected(self, name):
        return self.filter.form.cleaned_data.get(name) or []

    @cached_property
    def paginator(self):
        paginator = Paginator(self.filter.ordered(), settings.PRACTICES_PER_PAGE)
        ranked = self.filter.sort() == "relevance"
        paginator.count = min(self.total, search.RANK_LIMIT) if ranked else self.total
        return paginator

    @property
    def is_shortlisted(self):
        """Whether relevance only covers the newest RANK_LIMIT matches of many more."""
        return self.filter.sort() == "relevance" and self.total > search.RANK_LIMIT

    def facets(self):
        return facet_groups(self.filter, self.counts)


def facet_groups(filterset, counts):
    """Each facet of a FacetedFilterSet with its options, their counts and which are
    chosen; the years are those counted or chosen, newest first."""
    groups = []
    for name, facet in filterset.facets.items():
        chosen = filterset.form.cleaned_data.get(name) or []
        choices = facet.field.choices
        if name == "year":
            years = {*counts[name], *chosen}
            choices = [(year, year) for year in sorted(years, reverse=True)]
        options = [
            Option(str(value), str(label), counts[name].get(str(value), 0), str(value) in chosen)
            for value, label in choices
        ]
        groups.append(FacetGroup(name, str(facet.label), options))
    return groups


@dataclass(frozen=True)
class Chip:
    """An active filter, shown with a link that removes it."""

    label: str
    value: str
    url: str


def url_without(data, name, value=None):
    """The query string without one value of a parameter (or all of it), from page one."""
    query = data.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [item for item in query.getlist(name) if item != value])
    return f"?{query.urlencode()}"


def chips(data, text, facets, search_label):
    found = []
    if text.strip():
        found.append(Chip(str(search_label), text, url_without(data, "q")))
    for group in facets:
        for option in group.selected:
            url = url_without(data, group.name, option.value)
            found.append(Chip(group.label, option.label, url))
    return found
