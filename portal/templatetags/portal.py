from functools import lru_cache
from html import escape as escape_text

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext, npgettext

from portal.content import IN_LANGUAGE

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page, with its filters, in each of the portal's languages: made once a
    request (the header and the alternates of the head both show them)."""
    request = context["request"]
    if not hasattr(request, "language_links"):
        path, current = request.get_full_path(), get_language()
        request.language_links = [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
                "is_current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ]
    return request.language_links


@register.simple_tag(takes_context=True)
def url_in(context, code):
    """The current page in the language `code`."""
    return next(link["url"] for link in language_links(context) if link["code"] == code)


@register.simple_tag
def reader_state(content):
    """What the reader's language of `content` is (portal.tracking.State)."""
    return content.state_in(get_language())


@register.simple_tag(takes_context=True)
def alternates(context):
    """(hreflang, absolute URL) of the current page in every language, and `x-default`:
    the same address without a language, which sends each reader to their own (as
    sitemap.xml says too)."""
    request = context["request"]
    if request.resolver_match is None:
        return []  # a page that does not exist has no versions
    links = [(link["code"], link["url"]) for link in language_links(context)]
    neutral = "/" + request.get_full_path().removeprefix(f"/{get_language()}").lstrip("/")
    return [
        (code, request.build_absolute_uri(url)) for code, url in [*links, ("x-default", neutral)]
    ]


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL with another page number, keeping every other parameter."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


def described_by(field):
    """The ids of the help text and error message that describe a form field."""
    ids = [
        f"{field.auto_id}_help" if field.help_text else "",
        f"{field.auto_id}_error" * bool(field.errors),
    ]
    return " ".join(ident for ident in ids if ident)


@register.simple_tag
def form_control(field):
    """A field's input, tied to its help text and error message for screen readers."""
    attrs = {"aria-describedby": described_by(field)} if described_by(field) else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def problems(forms):
    """What to correct in a form, a formset, or a list of them, in the page's order:
    (id of the field to go to or "", the field's label, its messages)."""
    found = []
    for one in forms if isinstance(forms, list) else [forms]:
        found += [("", "", error) for error in getattr(one, "non_form_errors", list)()]
        for part in getattr(one, "forms", [one]):
            found += [("", "", error) for error in part.non_field_errors()]
            name = getattr(part, "summary_name", "")  # which of several: "Image 2"
            found += [
                (
                    field.id_for_label or f"{field.auto_id}_0",
                    f"{name} · {field.label}" if name else field.label,
                    " ".join(field.errors),
                )
                for field in part
                if field.errors
            ]
    return found


@register.filter
def describedby(field):
    return described_by(field)


@register.simple_tag
def localized(content, field):
    """A field in the reader's language, or in the original one (see Localized)."""
    return content.localized(field)


@register.filter
def lang_attr(localized_text):
    """` lang="xx"` when a text is shown in another language than the page's."""
    if localized_text.is_fallback:
        return format_html(' lang="{}"', localized_text.lang)
    return ""


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


@lru_cache(maxsize=4096)  # a list page asks it some 330 times, mostly for small numbers
def counted(kind, lang, number):
    """What `number` counts, in `lang`: "practices"."""
    return escape_text(COUNTED[kind](number))


@lru_cache(maxsize=4096)  # the same few hundred options, page after page
def named(name, value, label):
    """The escaped name, value, id and label of a facet's option."""
    return {
        "name": escape_text(name),
        "value": escape_text(value),
        "ident": escape_text(f"facet-{name}-{value.lower()}"),
        "label": escape_text(label[:1].upper() + label[1:]),
    }


@register.simple_tag
def facet_options(group, options, kind="practices"):
    """The checkbox of each option, with its count; one that counts nothing is disabled.

    Rendered here rather than by an include (or format_html) per option: a list page has
    some 330 options, and those took most of its time outside SQL. Every text is escaped;
    values are known slugs, codes or numbers (FacetField leaves out any other), so they
    make valid ids as they are."""
    kind, lang = kind or "practices", get_language()
    html = "".join(
        OPTION.format(
            unavailable="" if option.count or option.selected else ' class="unavailable"',
            state=" checked" if option.selected else "" if option.count else " disabled",
            count=option.count if option.count < 1000 else localize(option.count),
            practices=counted(kind, lang, option.count),
            **named(group.name, option.value, option.label),
        )
        for option in options
    )
    return mark_safe(html)  # noqa: S308 - every text in it was escaped above


@register.simple_tag
def original_language_badge(content):
    """The notice on a card whose texts are not all in the reader's language, or whose
    translation no person has checked against the original as it is (portal.tracking)."""
    if content.is_complete_in():
        return ""
    lang = get_language()
    if content.text_in("title", lang) and content.text_in("summary", lang):  # unchecked
        return format_html('<p class="badge">{}</p>', gettext("Translation to be checked"))
    language = get_language_info(content.original_language)["name_translated"]
    notice = gettext("In %(language)s only") % {"language": language}
    return format_html('<p class="badge">{}</p>', notice)


@register.filter
def in_language(code):
    """'in Dutch' for "nl", in the reader's language."""
    return IN_LANGUAGE.get(code, "")
