"""Write to the contact of a practice or training programme (portal.content.PublicContact)
without learning their address: the portal relays the message by e-mail, with the
sender's name, organisation and address to reply to, through the task queue."""

import uuid

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import limits, mail
from .forms import PublicForm, line, text

MESSAGE_MAX_LENGTH = 5000


def one_line(value):
    """A name or subject: one line, since it becomes part of an e-mail's header."""
    if "\n" in value or "\r" in value:
        raise forms.ValidationError(_("Write this on one line."))


class WriteForm(PublicForm):
    name = line(_("Your name"), required=True, autocomplete="name")
    organisation = line(_("Your municipality or organisation"), autocomplete="organization")
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The contact answers you at this address."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    subject = line(_("Subject"), max_length=150, required=True)
    message = text(_("Your message"), max_length=MESSAGE_MAX_LENGTH, required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "subject"):
            self.fields[name].validators.append(one_line)


def write(request, content, sent_url):
    """The form to write to `content`'s contact, and what sending it does: one e-mail
    (the same form sent again sends nothing new), then `sent_url`."""
    if not content.has_contact():
        raise Http404
    context = {"content": content}
    if request.method != "POST":
        form = WriteForm(initial={"form_key": uuid.uuid4()})
        return render(request, "portal/write.html", {**context, "form": form})
    form = WriteForm(request.POST)
    if not form.is_valid():
        return render(request, "portal/write.html", {**context, "form": form}, status=400)
    keys = [limits.key("write", limits.address(request))]
    if not limits.take(keys, settings.WRITE_RATE_LIMIT, settings.WRITE_RATE_WINDOW):
        context.update(form=form, limited=True)
        return render(request, "portal/write.html", context, status=429)
    relay(request, content, form.cleaned_data)
    return redirect(sent_url)


def relay(request, content, message):
    """Queue the message to the contact, in the language the content was written in."""
    with translation.override(content.original_language):
        subject, _newline, body = render_to_string(
            "emails/relayed.txt",
            {
                **message,
                "title": content.text_in("title", content.original_language),
                "url": request.build_absolute_uri(content.get_absolute_url()),
            },
        ).partition("\n")
    mail.post(
        subject.strip(), body.strip() + "\n", [content.contact_email], about=content,
        reply_to=message["email"], key=message.get("form_key"),
    )  # fmt: skip


def sent(request, content):
    if not content.has_contact():
        raise Http404
    return render(request, "portal/write_sent.html", {"content": content})
