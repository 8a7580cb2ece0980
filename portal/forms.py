"""Form pieces the portal's public forms share: sized text fields, an e-mail address one
can write to from anywhere, a one-time key, and a field only robots fill in."""

import ipaddress

from django import forms
from django.utils.translation import gettext_lazy as _

SHORT, TEXT, LONG = 200, 4000, 10000


def text(label, max_length=TEXT, help_text="", required=False):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5 if max_length > SHORT else 3}),
    )


def line(label, max_length=SHORT, help_text="", required=False, **attrs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


def is_ip_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class PublicForm(forms.Form):
    """A form anyone may send: `email` must be reachable from anywhere, `form_key` is new
    each time the form is shown (the same form sent again is recognised), and `website`
    is a field people do not see: robots that fill in every field fill this one too."""

    form_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_email(self):
        """An address one can write to from anywhere: a full domain name, not a literal
        IP address nor a name of one label ("localhost")."""
        email = self.cleaned_data["email"]
        domain = email.rpartition("@")[2]
        if domain.startswith("[") or "." not in domain or is_ip_address(domain):
            raise forms.ValidationError(
                _("Write an address with a full domain name, for example name@municipality.be.")
            )
        return email

    def clean_website(self):
        """The hidden field: only robots fill it in. Should a person's browser have
        filled it, the field shows up with this message and nothing is lost."""
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""
