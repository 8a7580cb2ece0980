"""The side-by-side view of a translated text in admin: field by field, the original
beside the language being written, with what changed in the original since that
language was last translated or checked (portal.tracking)."""

import difflib
from dataclasses import dataclass

from django import forms
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import tracking

EXTRA = ("still_right", "original_seen")  # the form's fields that are not texts


@dataclass(frozen=True)
class Row:
    label: str
    original: str
    field: forms.BoundField
    changed: str  # the original now with what changed since marked, or ""


class SeenOriginal(forms.Form):
    """A form of a translated text that carries the digest of the original it showed
    (`original_seen`, hidden): sent after the original changed, it is refused and shown
    again, what was typed kept, beside the original as it is now (in its fields too,
    where the form has them: a second save must not put back the original it showed).
    Without the digest, a translation saved then would count as made from an original
    nobody saw."""

    original_seen = forms.CharField(widget=forms.HiddenInput, required=False)

    def see(self, content):
        self.seen = content
        self.fields["original_seen"].initial = tracking.digest(content)

    def clean(self):
        data = super().clean()
        now, sent = tracking.digest(self.seen), self.data.get(self.add_prefix("original_seen"))
        if sent and sent != now:
            self.data = self.data.copy()
            self.data[self.add_prefix("original_seen")] = now  # saved again, it is taken
            original = self.seen.original_language
            for name in tracking.fields(self.seen):
                field = build_localized_fieldname(name, original)
                if field in self.fields:  # an editor's form: the original as it is now
                    self.data[self.add_prefix(field)] = self.seen.text_in(name, original)
                    self.cleaned_data[field] = self.seen.text_in(name, original)
            raise forms.ValidationError(
                _(
                    "Someone changed the original while you were translating. It is shown "
                    "as it is now: check your translation against it and save again."
                ),
                code="original_changed",
            )
        return data


class TranslationForm(SeenOriginal):
    def __init__(self, *args, content, **kwargs):
        super().__init__(*args, **kwargs)
        self.see(content)

    def clean_still_right(self):
        valid = [text for name, text in self.cleaned_data.items() if name not in EXTRA]
        if self.cleaned_data["still_right"] and not all(valid):  # (one not valid says so)
            raise forms.ValidationError(
                _("Write every text the original has before you confirm the translation."),
                code="incomplete",
            )
        return self.cleaned_data["still_right"]


def form_class(content, lang):
    """A form of the texts of `content` in `lang` whose original is written."""
    fields = {
        name: content._meta.get_field(build_localized_fieldname(name, lang)).formfield(
            required=False, widget=forms.Textarea(attrs={"lang": lang, "rows": rows(content, name)})
        )
        for name in tracking.fields(content)
        if content.text_in(name, content.original_language)
    }
    fields["still_right"] = forms.BooleanField(
        label=_("This translation says what the original says now"), required=False
    )
    return type("TranslationForm", (TranslationForm,), fields)


def rows(content, name):
    """Enough lines for the original's text."""
    text = content.text_in(name, content.original_language)
    return min(20, max(2, len(text) // 70 + text.count("\n") + 1))


def side_by_side(content, lang, form):
    """The Rows of the form: each field's label, original and what changed since."""
    made = content.translations.filter(language=lang).first()
    original = content.original_language
    return [
        Row(
            label=content._meta.get_field(name).verbose_name,
            original=content.text_in(name, original),
            field=form[name],
            changed=changed_since(made.made_from.get(name, ""), content.text_in(name, original))
            if made and not made.is_current
            else "",
        )
        for name in form.fields
        if name not in EXTRA
    ]


def changed_since(before, now):
    """The text `now`, with what changed since `before` marked: words taken out in
    <del>, words put in in <ins>, everything escaped; "" where nothing changed."""
    if before == now:
        return ""
    old, new = before.split(), now.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(new[new_start:new_end])))
            continue
        if old_end > old_start:
            parts.append(format_html("<del>{}</del>", " ".join(old[old_start:old_end])))
        if new_end > new_start:
            parts.append(format_html("<ins>{}</ins>", " ".join(new[new_start:new_end])))
    return mark_safe(" ".join(parts))  # noqa: S308 - each part escaped above
