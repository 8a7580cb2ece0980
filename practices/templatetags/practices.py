"""What only the practices' templates show: lines of a list, highlighted summaries."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from practices.models import non_empty_lines
from practices.search import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.filter
def lines(text):
    """The non-empty lines of a text, for lists kept one item per line."""
    return non_empty_lines(text)


@register.filter
def highlight(text):
    """A summary with the words a search matched in <mark>; everything else escaped."""
    marked = escape(text).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - the text itself was escaped above
