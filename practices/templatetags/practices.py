"""What only the practices' templates show: cards, ratings, lines of a list,
highlighted summaries."""

from functools import cache

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from portal.templatetags.portal import lang_attr, original_language_badge
from practices.models import Reach, Recurrence, non_empty_lines
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


CARD = """<article class="card">
  <{heading} class="card-title"><a href="{url}"{title_lang}>{title}</a></{heading}>
  <p class="card-meta">{meta}</p>
  {badge}<p{summary_lang}>{summary}</p>
  {ratings}
</article>"""
SUMMARY_WORDS = 35
RATING = (
    '<div><dt>{}</dt><dd><span class="meter meter-{}" aria-hidden="true"></span> {}{}</dd></div>'
)


@register.simple_tag
def practice_card(practice, heading="h2"):
    """A practice's card in a list: its title, municipality and domain, summary (with the
    words a search matched, see practices.search.with_highlights) and ratings.

    Made here rather than by a template: a list page shows 20 cards, and the template
    engine took half a millisecond for each, most of a page's time outside SQL."""
    title, summary = practice.localized("title"), practice.localized("summary")
    highlighted = getattr(practice, "highlighted_summary", None)
    shown = highlight(highlighted) if highlighted else Truncator(summary.text).words(SUMMARY_WORDS)
    return format_html(
        CARD,
        heading=heading,
        url=practice.get_absolute_url(),
        title_lang=lang_attr(title),
        title=title.text,
        meta=" · ".join(place_names(practice)),
        badge=original_language_badge(practice),
        summary_lang=lang_attr(summary),
        summary=shown,
        ratings=ratings(practice),
    )


def place_names(practice):
    """The names of a practice's municipality (if any) and domain: as the vocabulary of
    its list gave them (practices.filters.PracticeFilter.with_places), else its own."""
    if hasattr(practice, "place_names"):
        return practice.place_names
    municipality = [practice.municipality.name] if practice.municipality else []
    return [*municipality, practice.domain.name]


@register.simple_tag
def ratings(practice, explain=False):
    """A practice's reach and recurrence, each a meter and "n of 4" (with `explain`, what
    that level means)."""
    return rated(get_language(), practice.reach, practice.recurrence, explain)


@cache  # 16 pairs of levels per language: a list of cards made them again and again
def rated(lang, reach, recurrence, explain):
    rows = [
        (gettext("Reach:"), reach, Reach(reach).label),
        (gettext("Recurrence:"), recurrence, Recurrence(recurrence).label),
    ]
    shown = [
        (label, level, gettext("%(level)s of 4") % {"level": level}, explained(meaning, explain))
        for label, level, meaning in rows
    ]
    return format_html('<dl class="ratings">{}</dl>', format_html_join("", RATING, shown))


def explained(meaning, explain):
    return format_html(' <span class="explanation">({})</span>', meaning) if explain else ""
