from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page, with its filters, in each of the portal's languages."""
    path = context["request"].get_full_path()
    current = get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


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
def describedby(field):
    return described_by(field)
