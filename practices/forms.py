"""The public "share your initiative" form, in steps (practices.views.share): the fields
of a project sheet, the files, and the submitter's private contact details. Every field
has a size limit; links must be web addresses; the vocabulary is chosen by slug, so a
forged value is simply not valid. ShareForm holds every step's fields at once: the
answers sent, and the submitter's changes."""

import re
from pathlib import PurePath
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.forms.models import ModelChoiceIterator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from portal import files
from portal.forms import LONG, PublicForm, line, text

from .models import (
    Country,
    Document,
    Domain,
    Municipality,
    Reach,
    Recurrence,
    State,
    TargetGroup,
    Theme,
    validate_web_links,
)

NOT_LISTED, NOT_LISTED_LABEL = "not-listed", _("Not in the list")


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


class NotListedLast(ModelChoiceIterator):
    def __iter__(self):
        yield from super().__iter__()
        yield (NOT_LISTED, NOT_LISTED_LABEL)

    def __len__(self):
        return super().__len__() + 1


class MunicipalityField(forms.ModelChoiceField):
    """A municipality of the catalogue, or NOT_LISTED: one the person names."""

    iterator = NotListedLast

    def to_python(self, value):
        return NOT_LISTED if value == NOT_LISTED else super().to_python(value)


class ShareStep(PublicForm):
    """The fields of one step. A mistake's message says what to do about it."""

    # What to do about a mistake, not only that there is one.
    YEAR_STARTED = _("Enter the year the initiative started, for example 2019.")
    YEAR_ENDED = _("Enter the year it ended, for example 2021.")
    MESSAGES = {
        "title": {"required": _("Enter the name of your initiative.")},
        "municipality": {
            "required": _("Choose your municipality, or “Not in the list” at the end of the list.")
        },
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
            if name in self.fields:
                self.fields[name].error_messages.update(messages)

    def sections(self):
        """Each step whose fields this form holds, with them: (step, bound fields)."""
        return [
            (step, [self[name] for name in step.fields])
            for step in STEPS
            if step.fields and step.fields[0] in self.fields
        ]


class InitiativeStep(ShareStep):
    title = line(_("Name of your initiative"), required=True)
    summary = text(
        _("Your initiative in a few sentences"),
        max_length=1000,
        required=True,
        help_text=_("Two or three sentences that make other municipalities curious."),
    )
    municipality = MunicipalityField(
        label=_("Your municipality"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Choose your municipality"),
        help_text=_("If it is not in the list, choose “Not in the list” and type its name below."),
    )
    municipality_name = line(
        _("Name of the municipality"), max_length=120, help_text=_("Only if it is not in the list.")
    )
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

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("municipality") == NOT_LISTED:
            cleaned["municipality"] = None
            if not cleaned.get("municipality_name"):
                self.add_error("municipality_name", _("Write the name of your municipality."))
            if not cleaned.get("municipality_country"):
                self.add_error(
                    "municipality_country", _("Choose the country of your municipality.")
                )
        return cleaned


class StoryStep(ShareStep):
    what = text(_("What did you do?"))
    who = text(_("Who was it for?"))
    why = text(_("Why did you start it?"))
    goal = text(_("What did you want to achieve?"))
    description = text(_("How did it go?"), max_length=LONG)
    involvement = text(_("How did staff or residents take part?"))
    partner_names = text(
        _("Partners"), max_length=1000, help_text=_("Organisations you worked with.")
    )
    people_reached = line(_("How many people did it reach?"))
    reach = rating(_("Reach"), _("Whom did it reach?"), Reach)
    recurrence = rating(_("Recurrence"), _("Does it come back?"), Recurrence)
    results = text(_("Results or evaluation"))
    difficulties = text(_("Difficulties you met"))


class DoingStep(ShareStep):
    period = line(_("When?"), help_text=_("For example: autumn 2016 to spring 2017."))
    started_in = forms.IntegerField(
        label=_("Year it started"), min_value=1900, max_value=2100, required=False
    )
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
    effort = line(
        _("Time and resources"), help_text=_("For example: five half days, one coordinator.")
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
        return cleaned


class AboutYouStep(ShareStep):
    name = line(_("Your name"), required=True, autocomplete="name")
    role = line(_("Your role"), autocomplete="organization-title")
    organisation = line(_("Your organisation or service"), autocomplete="organization")
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the editors keep my name and e-mail address to handle this "
            "initiative. They are never published."
        )
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


class ShareForm(InitiativeStep, StoryStep, DoingStep, AboutYouStep):
    """Every step at once."""


def shown(field):
    """A valid field's answer as a person reads it ("" for none)."""
    value = field.form.cleaned_data.get(field.name)
    if field.data == NOT_LISTED:
        return str(NOT_LISTED_LABEL)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if value in (None, "") or isinstance(value, models.Model):
        return str(value or "")
    if isinstance(value, models.QuerySet):
        return ", ".join(map(str, value))
    return str(dict(getattr(field.field, "choices", ())).get(value, value))


class Step(NamedTuple):
    slug: str
    heading: str
    form: type | None  # None: the files

    @property
    def fields(self):
        return (
            [name for name in self.form.base_fields if name not in PublicForm.base_fields]
            if self.form
            else []
        )


STEPS = [
    Step("initiative", _("Your initiative"), InitiativeStep),
    Step("story", _("What you did"), StoryStep),
    Step("doing", _("Doing it yourself"), DoingStep),
    Step("files", _("Documents and images"), None),
    Step("you", _("About you"), AboutYouStep),
]
ShareForm.field_order = [name for step in STEPS for name in step.fields]


class DocumentForm(forms.ModelForm):
    """A file is checked by its content (portal.files) when it is sent; an image needs
    its text for those who cannot see it, a document its title and language."""

    asks_texts = True  # False: the file is taken without them, asked for later

    class Meta:
        model = Document
        fields = ["file", "title", "language", "alt_text", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].max_length = None  # the name sent is never kept

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            self.checked = files.check(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        checked = getattr(self, "checked", None)
        if not self.asks_texts or (checked is None and not self.instance.pk):
            return cleaned  # no file, or a refused one: said next to it
        if checked.kind.is_image if checked else self.instance.is_image():
            if not cleaned.get("alt_text"):
                self.add_error(
                    "alt_text", _("Say what the image shows, for those who cannot see it.")
                )
        else:
            if not cleaned.get("title"):
                self.add_error("title", _("Give the document a title."))
            if not cleaned.get("language"):
                self.add_error("language", _("Choose the language the document is written in."))
        return cleaned

    def save(self, commit=True):
        document = super().save(commit=False)
        if checked := getattr(self, "checked", None):
            document.store(checked)
        if commit:
            document.save()
        return document


class AttachForm(DocumentForm):
    """One more file on the share form: kept as soon as the file passes, even without
    its title or text, which the list of files then asks for. A document's title is
    its file's name until one is written."""

    asks_texts = False
    key = forms.UUIDField(required=False, widget=forms.HiddenInput)  # one a page shown

    class Meta(DocumentForm.Meta):
        fields = ["file", "title", "language", "alt_text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = False
        self.fields["file"].help_text = _("At most %(size)s.") % {
            "size": filesizeformat(settings.ATTACHMENT_MAX_BYTES)
        }
        self.fields["title"].help_text = _("For a document. Empty: the name of its file.")

    def clean(self):
        cleaned = super().clean()
        checked, upload = getattr(self, "checked", None), cleaned.get("file")
        if checked and not checked.kind.is_image and not cleaned.get("title"):
            cleaned["title"] = self.instance.title = title_from(upload.name)
        if (
            not upload
            and "file" not in self.errors
            and (cleaned.get("title") or cleaned.get("alt_text"))
        ):
            self.add_error("file", _("Choose the file to attach, or empty the fields below."))
        return cleaned

    def has_file(self):
        return hasattr(self, "checked")

    def save(self, commit=True):
        self.instance.attach_key = self.cleaned_data.get("key")
        return super().save(commit)


def title_from(name):
    """A document's title from its file's name, as a person would write it."""
    stem = PurePath(name.replace("\\", "/")).stem
    return re.sub(r"[\s_]+", " ", stem.replace("\x00", "")).strip()[:200]
