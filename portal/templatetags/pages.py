"""What every public page says about itself (its description and link preview), and
the text of the portal's own pages (portal.models.Page)."""

import re

from django import template
from django.utils.html import format_html, format_html_join, urlize
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

register = template.Library()

DESCRIPTION_LENGTH = 160  # what search engines show of a description
LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "de": "de_BE", "en": "en_GB", "sv": "sv_SE"}


@register.simple_tag(takes_context=True)
def page_meta(context, title="", description="", image=""):
    """The page's description, for search engines, and its Open Graph title, description
    and image, for link previews, in the page's language: by default the portal's name
    and what it offers. `image`: the address of the page's image, if it has one."""
    request = context["request"]
    portal = gettext("Inclusive municipality")
    description = " ".join(str(description).split()) or gettext(
        "Inspiring practices of municipalities on inclusion, equal opportunities, "
        "diversity and accessible public services."
    )
    description = Truncator(description).chars(DESCRIPTION_LENGTH)
    tags = [
        ("name", "description", description),
        ("property", "og:type", "website"),
        ("property", "og:site_name", portal),
        ("property", "og:title", str(title) or portal),
        ("property", "og:description", description),
        ("property", "og:locale", LOCALES.get(get_language(), "en_GB")),
    ]
    if image:
        tags.append(("property", "og:image", request.build_absolute_uri(image)))
    return format_html_join("\n  ", '<meta {}="{}" content="{}">', tags)


@register.filter
def page_text(text):
    """A page's text as HTML: paragraphs between empty lines, those that start with "## "
    as headings, web and e-mail addresses as links; everything else escaped."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return format_html_join("\n", "{}", ((shown(block),) for block in blocks))


def shown(block):
    if block.startswith("## "):
        return format_html("<h2>{}</h2>", block[3:].strip())
    linked = urlize(block, autoescape=True)  # escaped, with its links
    return format_html("<p>{}</p>", mark_safe(linked.replace("\n", "<br>\n")))  # noqa: S308
