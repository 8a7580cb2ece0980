"""The share form's files step: the files attached so far, each with its title and
language (a document) or its text for those who cannot see it (an image), which can be
changed or removed; and one more file to attach. What was typed for a file is matched to
it by the file itself, never by an id the page sent back."""

import re
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from portal import limits

from ..forms import AttachForm, DocumentForm
from ..models import Document

PREFIX = "files"
TEXTS = ["title", "language", "alt_text"]


class Attached(BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = gettext_lazy("Remove this file")
        form.summary_name = f"{form.instance.kind_name()} {index + 1}"  # "Image 2"


AttachedFiles = modelformset_factory(
    Document, form=DocumentForm, formset=Attached, fields=TEXTS, extra=0, can_delete=True
)


def forms(draft, sent=None):
    """The step's forms: the attached files, checked, with what `sent` holds for them
    (else what is stored: what is missing shows), and one more file."""
    documents = draft.documents()  # asked once: the formset reads the same rows
    return {
        "files": AttachedFiles(data_for(documents, sent or {}), queryset=documents, prefix=PREFIX),
        "new": AttachForm(prefix="new", initial={"language": get_language(), "key": uuid.uuid4()}),
        "room": settings.SHARE_MAX_FILES - len(documents),
        "max_files": settings.SHARE_MAX_FILES,
    }


def data_for(documents, sent):
    """The attached files' form data: what `sent` holds for each, else what is stored."""
    index = {
        sent[name]: name.split("-")[1]
        for name in sent
        if re.fullmatch(rf"{PREFIX}-[0-9]+-id", name)
    }
    data = {f"{PREFIX}-TOTAL_FORMS": len(documents), f"{PREFIX}-INITIAL_FORMS": len(documents)}
    for number, document in enumerate(documents):
        was = index.get(str(document.pk))
        for field in TEXTS:
            default = getattr(document, field)
            data[f"{PREFIX}-{number}-{field}"] = (
                sent.get(f"{PREFIX}-{was}-{field}", default) if was else default
            )
        data[f"{PREFIX}-{number}-id"] = document.pk
        if was and sent.get(f"{PREFIX}-{was}-DELETE"):
            data[f"{PREFIX}-{number}-DELETE"] = "on"
    return data


def take(request, draft):
    """Keep what was typed for the attached files (each field typed right, even when
    another is not), remove the ones ticked, and attach one more: (the step's forms
    afresh, whether one was)."""
    for form in forms(draft, sent=request.POST)["files"]:
        form.is_valid()
        if form.cleaned_data.get("DELETE"):
            form.instance.delete()
        elif typed := {
            name: form.cleaned_data[name] for name in TEXTS if name in form.cleaned_data
        }:
            Document.objects.filter(pk=form.instance.pk).update(**typed)
    new = AttachForm(request.POST, request.FILES, prefix="new", instance=Document(draft=draft.key))
    if new.is_valid() and new.has_file() and room_for(request, new, draft):
        try:
            with transaction.atomic():
                new.save()
        except IntegrityError:
            pass  # the same page sent twice (a double click): its file is attached once
        else:
            first = draft.documents().values_list("pk", flat=True)[: settings.SHARE_MAX_FILES]
            if new.instance.pk not in first:
                new.instance.delete()  # another page of the draft took the last place
                return {**forms(draft, sent=request.POST), "new": too_many(new)}, False
        return forms(draft, sent=request.POST), True
    return {**forms(draft, sent=request.POST), "new": new}, False  # what was typed


def too_many(new):
    new.add_error(
        "file",
        _("You can attach at most %(count)s files. Remove one to attach another.")
        % {"count": settings.SHARE_MAX_FILES},
    )
    return new


def room_for(request, new, draft):
    """Whether the draft may have one more file; if not, the form says why."""
    if draft.documents().count() >= settings.SHARE_MAX_FILES:
        too_many(new)
        return False
    keys = [limits.key("attach", limits.address(request))]
    if not limits.take(keys, 2 * settings.SHARE_MAX_FILES, 3600):
        new.add_error(
            "file", _("You have attached many files in the last hour. Attach this one later.")
        )
        return False
    return True


def valid(step):
    return step["files"].is_valid() and not step["new"].errors
