"""One filtered, counted and paginated list of a catalogue, in one language: shared by
the list pages and the JSON listings. Its facet counts are cached per catalogue version."""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .counting import fetch, known_index
from .facets import vocabulary
from .version import Remembered, current_version


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


VOCABULARIES = Remembered(limit=50)  # {(kinds, lang, version): vocabulary}


def known_vocabulary(lang, kinds, version):
    """portal.facets.vocabulary, read once per catalogue version in each process: a
    change to the vocabulary (or to a municipality) makes a new version."""
    return VOCABULARIES.get((tuple(kinds), lang, version), lambda: vocabulary(lang, kinds))


class Cards:
    """The objects of a list in order, as the paginator slices them: the keys of a page
    are read from `keys` (an ordered queryset of primary keys, e.g. of a narrow table),
    then only that page's objects from `objects`, with what their cards show."""

    def __init__(self, keys, objects, indexes_first=False, prepare=list):
        """`indexes_first`: see portal.counting.fetch (when the keys come of a search);
        `prepare`: given the page's objects, returns them ready to show."""
        self.keys, self.objects, self.indexes_first = keys, objects, indexes_first
        self.prepare = prepare

    def __getitem__(self, part):
        page = self.keys[part]
        try:
            sql, params = page.query.sql_with_params()
        except EmptyResultSet:  # a condition nothing can meet
            return []
        keys = [key for (key,) in fetch(connections[page.db], sql, params, self.indexes_first)]
        found = self.objects.in_bulk(keys)
        return self.prepare(found[key] for key in keys if key in found)


class Listing:
    """The objects of `queryset` under the filters of a query string (`data`), filtered
    and counted by `filterset_class` (a portal.facets.FacetedFilterSet)."""

    def __init__(self, filterset_class, queryset, data, lang, version=None):
        """`version`: the catalogue's version (portal.version), if the caller knows it."""
        self.lang = lang
        self.version = version or current_version()
        self.filter = filterset_class(
            data,
            queryset,
            lang=lang,
            vocabulary=known_vocabulary(lang, filterset_class.VOCABULARY, self.version),
        )

    @cached_property
    def counted(self):
        """The facet counts and shortlist (portal.facets.Counted), from the cache when
        the same filters in the same language were counted since the catalogue last
        changed (see `counts_key`)."""

        def count():
            return self.filter.counts(known_index(self.filter, self.version))

        return cache.get_or_set(self.counts_key(), count, settings.CATALOGUE_CACHE_TIMEOUT)

    @property
    def counts(self):
        return self.counted.counts

    def counts_key(self):
        """The list, the language, the search words, every chosen facet value and the
        catalogue's version: saving content readers see starts counting afresh."""
        chosen = sorted((name, sorted(self.selected(name))) for name in self.filter.facets)
        terms = [term.casefold() for term in self.filter.search_words()]
        kind = type(self.filter).__name__
        state = repr((kind, self.lang, terms, chosen, self.is_ranked, self.version))
        return f"counted:{hashlib.sha256(state.encode()).hexdigest()}"

    @cached_property
    def total(self):
        """How many objects match, read off the counts of the facet every object has
        exactly one value of, to spare a COUNT query: that facet's counts apply every
        filter but its own."""
        name = self.filter.EACH_ONCE
        chosen = self.selected(name)
        return sum(n for value, n in self.counts[name].items() if not chosen or value in chosen)

    @property
    def text(self):
        return self.filter.form.cleaned_data.get("q", "")

    def selected(self, name):
        return self.filter.form.cleaned_data.get(name) or []

    @property
    def is_ranked(self):
        return self.filter.sort() == "relevance"

    @cached_property
    def paginator(self):
        """The pages of cards."""
        return self.pages()

    def pages(self, whole=False):
        """The pages of the matching objects, each object `whole` or as its card shows."""
        ordered = self.filter.ordered(whole, self.counted.shortlist)
        paginator = Paginator(ordered, settings.PRACTICES_PER_PAGE)
        limit = self.filter.RANK_LIMIT
        paginator.count = min(self.total, limit) if self.is_ranked else self.total
        return paginator

    @property
    def is_shortlisted(self):
        """Whether relevance only covers the newest RANK_LIMIT matches of many more."""
        return self.is_ranked and self.total > self.filter.RANK_LIMIT

    def is_canonical(self, extra=()):
        """Whether the address names only parameters the list reads (and `extra`), each
        with a value it knows, and a page that exists: only such an address is kept in
        the page cache, so that made-up parameters or values never add an entry."""
        data, form = self.filter.data, self.filter.form
        known = {*self.filter.filters, *form.fields, "page", *extra}
        page = data.get("page") or "1"
        return (
            set(data) <= known
            and not form.errors
            and not self.filter.ignored()
            and page.isdecimal()
            and 1 <= int(page) <= max(self.paginator.num_pages, 1)
        )

    def facets(self):
        """Each facet with its options, their counts and which are chosen."""
        groups = []
        for name, facet in self.filter.facets.items():
            chosen, counts = self.selected(name), self.counts[name]
            options = [
                Option(str(value), str(label), counts.get(str(value), 0), str(value) in chosen)
                for value, label in facet.shown_choices(counts, chosen)
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


def with_query(url_name, data):
    """The address of `url_name` with the list's query string (without its page)."""
    query = data.copy()
    query.pop("page", None)
    return reverse(url_name) + (f"?{query.urlencode()}" if query else "")


def list_page(request, listing, template, feed, spreadsheet=None, alert=None):
    """The list page: the listing's facets, chips and page of results, and the address
    of its feed (spreadsheet, e-mail alert) under the same filters; kept in the page
    cache only when its address is canonical (see Listing.is_canonical)."""
    facets = listing.facets()
    context = {
        "feed_url": with_query(feed, request.GET),
        "csv_url": with_query(spreadsheet, request.GET) if spreadsheet else None,
        "alert_url": with_query(alert, request.GET) if alert else None,
        "listing": listing,
        "form": listing.filter.form,
        "facets": facets,
        "chips": chips(request.GET, listing.text, facets, _("Search words")),
        "ignored": listing.filter.ignored(),
        "page": listing.paginator.get_page(request.GET.get("page")),
    }
    response = render(request, template, context)
    response.cacheable = listing.is_canonical()
    return response
