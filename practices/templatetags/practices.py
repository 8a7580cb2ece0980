from html import escape as escape_text

from django import template
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import npgettext

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


OPTION = (
    "<li{unavailable}>\n"
    '  <input type="checkbox" name="{name}" value="{value}" id="{ident}"{state}>\n'
    '  <label for="{ident}">{label} <span class="count">({count}'
    '<span class="visually-hidden"> {practices}</span>)</span></label>\n</li>\n'
)


COUNTED = {
    "practices": lambda n: npgettext("facet count", "practice", "practices", n),
    "trainings": lambda n: npgettext("facet count", "training programme", "training programmes", n),
}


@register.simple_tag
def facet_options(group, options, kind="practices"):
    """The checkbox of each option, with its count; one without practices is disabled.

    Rendered here rather than by an include (or format_html) per option: a list page has
    some 330 options, and those took most of its time outside SQL. Every text is escaped;
    values are known slugs, codes or numbers (FacetField leaves out any other), so they
    make valid ids as they are."""
    counted = COUNTED[kind or "practices"]
    name = escape_text(group.name)
    html = "".join(
        OPTION.format(
            unavailable="" if option.count or option.selected else ' class="unavailable"',
            name=name,
            value=escape_text(option.value),
            ident=escape_text(f"facet-{group.name}-{option.value.lower()}"),
            state=" checked" if option.selected else "" if option.count else " disabled",
            label=escape_text(option.label[:1].upper() + option.label[1:]),
            count=option.count if option.count < 1000 else localize(option.count),
            practices=escape_text(counted(option.count)),
        )
        for option in options
    )
    return mark_safe(html)  # noqa: S308 - every text in it was escaped above
