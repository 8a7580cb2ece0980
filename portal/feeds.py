"""Atom feeds of a catalogue's lists: any list address, with its filters and search, as a
feed of its newest published entries (Django's syndication framework), in the address's
language, each entry marked with the language it is written in."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language

from .caching import catalogue_version
from .listing import Listing

FEED_LENGTH = 20


class LanguageAtomFeed(Atom1Feed):
    """Atom, each entry with xml:lang: the language its title and summary are in."""

    def item_attributes(self, item):
        return {**super().item_attributes(item), "xml:lang": item["lang"]}


class ListingFeed(Feed):
    """A list's feed. A catalogue gives its filterset, its published entries
    (`published()`), the list's URL name and the feed's title."""

    feed_type = LanguageAtomFeed
    filterset_class = list_url_name = title_text = None

    def published(self):
        raise NotImplementedError

    def listing(self, request):
        data = request.GET.copy()
        data["sort"] = "newest"  # a feed is newest first, whatever the list's order
        version = catalogue_version(request)
        return Listing(self.filterset_class, self.published(), data, get_language(), version)

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response.cacheable = request.feed_listing.is_canonical()  # the one get_object made
        return response

    def get_object(self, request):
        request.feed_listing = self.listing(request)
        return request.feed_listing, request

    def title(self, obj):
        return str(self.title_text)

    def link(self, obj):
        _listing, request = obj
        query = request.GET.urlencode()
        return reverse(self.list_url_name) + (f"?{query}" if query else "")

    def items(self, obj):
        listing, _request = obj
        return listing.filter.ordered()[:FEED_LENGTH]

    def item_title(self, item):
        return item.localized("title").text

    def item_description(self, item):
        return item.localized("summary").text

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.municipality.name if item.municipality else None

    def item_extra_kwargs(self, item):
        return {"lang": item.localized("title").lang}
