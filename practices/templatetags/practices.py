from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from practices.models import non_empty_lines
from practices.search import HIGHLIGHT_START, HIGHLIGHT_STOP

register = template.Library()


@register.simple_tag
def localized(content, field):
    """A field in the reader's language, or in the original one (see Localized)."""
    return content.localized(field)


@register.filter
def lines(text):
    """The non-empty lines of a text, for lists kept one item per line."""
    return non_empty_lines(text)


@register.filter
def lang_attr(localized_text):
    """` lang="xx"` when a text is shown in another language than the page's."""
    if localized_text.is_fallback:
        return format_html(' lang="{}"', localized_text.lang)
    return ""


@register.filter
def highlight(text):
    """A summary with the words a search matched in <mark>; everything else escaped."""
    marked = escape(text).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - the text itself was escaped above
