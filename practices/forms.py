"""The public "share your initiative" form: the fields of a project sheet, plus the
submitter's private contact details. Every field has a size limit; links must be web
addresses; the vocabulary is chosen by slug, so a forged value is simply not valid."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import LONG, PublicForm, line, text

from .models import (
    Country,
    Domain,
    Municipality,
    Reach,
    Recurrence,
    State,
    TargetGroup,
    Theme,
    validate_web_links,
)


def tags(label, model):
    """Checkboxes for any number of a vocabulary's entries, by slug."""
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=model.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def rating(label, help_text, levels):
    """A level from 1 to 4, each with the explanation readers see."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=levels.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )


class ShareForm(PublicForm):
    # The initiative
    title = line(_("Name of your initiative"), required=True)
    summary = text(
        _("Your initiative in a few sentences"),
        max_length=1000,
        required=True,
        help_text=_("Two or three sentences that make other municipalities curious."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Your municipality"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Not in the list"),
        help_text=_("If it is not in the list, type its name below."),
    )
    municipality_name = line(_("Name of the municipality"), max_length=120)
    municipality_country = forms.ChoiceField(
        label=_("Country of the municipality"),
        choices=[("", "—"), *Country.choices],
        required=False,
    )
    domain = forms.ModelChoiceField(
        label=_("Policy domain"),
        queryset=Domain.objects.all(),
        to_field_name="slug",
        empty_label=None,
        widget=forms.RadioSelect,
    )
    themes = tags(_("Themes"), Theme)
    target_groups = tags(_("Target groups"), TargetGroup)
    # The story
    what = text(_("What did you do?"))
    who = text(_("Who was it for?"))
    why = text(_("Why did you start it?"))
    goal = text(_("What did you want to achieve?"))
    description = text(_("How did it go?"), max_length=LONG)
    involvement = text(_("How did staff or residents take part?"))
    partner_names = text(
        _("Partners"), max_length=1000, help_text=_("Organisations you worked with.")
    )
    # Scale and lessons
    period = line(_("When?"), help_text=_("For example: autumn 2016 to spring 2017."))
    started_in = forms.IntegerField(
        label=_("Year it started"), min_value=1900, max_value=2100, required=False
    )
    effort = line(
        _("Time and resources"), help_text=_("For example: five half days, one coordinator.")
    )
    people_reached = line(_("How many people did it reach?"))
    reach = rating(_("Reach"), _("Whom did it reach?"), Reach)
    recurrence = rating(_("Recurrence"), _("Does it come back?"), Recurrence)
    results = text(_("Results or evaluation"))
    difficulties = text(_("Difficulties you met"))
    # Doing it yourself
    state = forms.ChoiceField(
        label=_("Is it still running?"),
        choices=State.choices,
        initial=State.RUNNING,
        required=False,
        widget=forms.RadioSelect,
    )
    ended_in = forms.IntegerField(
        label=_("Year it ended"),
        min_value=1900,
        max_value=2100,
        required=False,
        help_text=_("Only if it has ended."),
    )
    resources = text(_("What did it take?"), help_text=_("Budget, staff time, external help."))
    conditions = text(_("What had to be in place for it to work?"))
    hindsight = text(_("What would you do differently?"))
    other_sizes = text(_("What should a smaller or larger municipality know?"))
    links = text(
        _("Links"),
        max_length=2000,
        help_text=_("One web address per line, starting with https:// or http://."),
    )
    # About you: private
    name = line(_("Your name"), required=True, autocomplete="name")
    role = line(_("Your role"), autocomplete="organization-title")
    organisation = line(_("Your organisation or service"), autocomplete="organization")
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_consent = forms.BooleanField(
        label=_(
            "Show a contact on the public page, so that other municipalities can write to "
            "you through the portal. Your e-mail address is never shown."
        ),
        required=False,
    )
    contact_name = line(
        _("Contact shown: name or role"),
        help_text=_("For example: diversity officer. Empty: your name."),
    )
    contact_organisation = line(
        _("Contact shown: service or organisation"), help_text=_("Empty: your organisation.")
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the editors keep my name and e-mail address to handle this "
            "initiative. They are never published."
        )
    )

    # What to do about a mistake, not only that there is one.
    YEAR_STARTED = _("Enter the year the initiative started, for example 2019.")
    YEAR_ENDED = _("Enter the year it ended, for example 2021.")
    MESSAGES = {
        "title": {"required": _("Enter the name of your initiative.")},
        "summary": {"required": _("Describe your initiative in a few sentences.")},
        "domain": {"required": _("Choose the policy domain of your initiative.")},
        "reach": {"required": _("Choose whom it reached.")},
        "recurrence": {"required": _("Choose how often it comes back.")},
        "started_in": dict.fromkeys(("invalid", "min_value", "max_value"), YEAR_STARTED),
        "ended_in": dict.fromkeys(("invalid", "min_value", "max_value"), YEAR_ENDED),
        "name": {"required": _("Enter your name, so that the editors know whom to contact.")},
        "email": {
            "required": _("Enter your e-mail address, for example name@municipality.be."),
            "invalid": _("Enter an e-mail address like name@municipality.be."),
        },
        "consent": {
            "required": _("Tick this box: the editors need your agreement to keep your details.")
        },
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, messages in self.MESSAGES.items():
            self.fields[name].error_messages.update(messages)

    def clean_links(self):
        links = self.cleaned_data["links"]
        try:
            validate_web_links(links)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Write one web address per line, starting with https:// or http://.")
            ) from None
        return links

    def clean_state(self):
        return self.cleaned_data["state"] or State.RUNNING

    def clean(self):
        cleaned = super().clean()
        ended_in, started_in = cleaned.get("ended_in"), cleaned.get("started_in")
        if ended_in and cleaned.get("state") != State.ENDED:
            self.add_error(
                "ended_in", _("Leave the year empty, or choose “Ended” above if it has ended.")
            )
        elif ended_in and started_in and ended_in < started_in:
            self.add_error("ended_in", _("Enter a year that is not before the year it started."))
        if not cleaned.get("municipality") and "municipality" not in self.errors:
            if not cleaned.get("municipality_name"):
                self.add_error(
                    "municipality_name",
                    _("Choose your municipality in the list, or write its name here."),
                )
            if not cleaned.get("municipality_country"):
                self.add_error(
                    "municipality_country", _("Choose the country of your municipality.")
                )
        return cleaned
