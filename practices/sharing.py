"""A shared initiative becomes a submitted practice, written in the language of the form,
with a private Submission record; a submitter asked for changes edits and sends it again."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import moderation
from .forms import NOT_LISTED
from .models import Document, Practice, Status, Submission, new_reference, new_token

CLASSIFICATION = ("domain", "started_in", "reach", "recurrence", "links", "state", "ended_in")
CONTACT = ("name", "role", "organisation", "email", "partner_names")


def write(practice, data, lang):
    """Put the form's answers on the practice, its texts in `lang`, and its public
    contact if the submitter agreed to one (by default themselves)."""
    for field in Practice.TEXTS:
        setattr(practice, f"{field}_{lang}", data[field])
    for field in (*CLASSIFICATION, "municipality"):
        setattr(practice, field, data[field])
    if not data.get("contact_consent"):
        practice.forget_contact()
        return
    practice.contact_name = data.get("contact_name") or data["name"]
    practice.contact_organisation = data.get("contact_organisation") or data["organisation"]
    practice.contact_email = data["email"]
    practice.contact_agreed_at = practice.contact_agreed_at or timezone.now()


def about_submitter(data):
    """What the submission keeps of the answers: contact details, and the municipality
    and partners as typed (a municipality from the list needs no name)."""
    typed = {"municipality_name": "", "municipality_country": ""}
    if not data["municipality"]:
        typed = {field: data[field] for field in typed}
    return {**typed, **{field: data[field] for field in CONTACT}}


def share(data, lang):
    """Store a valid form's answers (`data`): a practice in status *submitted* and its
    submission. Returns (submission, whether it is new): the same form sent again (its
    `form_key`) stores nothing and gives the submission stored the first time. The key's
    unique constraint decides, so two copies sent at once cannot both be stored."""
    if earlier := already_shared(data):
        return earlier, False
    try:
        return store(data, lang), True
    except IntegrityError:
        if earlier := already_shared(data):
            return earlier, False
        raise


def already_shared(data):
    key = data.get("form_key")
    return key and Submission.objects.select_related("practice").filter(form_key=key).first()


def store(data, lang):
    """A new practice and its submission, in one transaction."""
    reference = new_reference()
    practice = Practice(
        slug=f"{slugify(data['title'])[:100] or 'initiative'}-{reference.lower()}",
        language=lang,
        status=Status.DRAFT,
    )
    write(practice, data, lang)
    submission = Submission(
        reference=reference,
        language=lang,
        consented_at=timezone.now(),
        form_key=data.get("form_key"),
        **about_submitter(data),
    )
    with transaction.atomic():
        practice.save()
        practice.themes.set(data["themes"])
        practice.target_groups.set(data["target_groups"])
        submission.practice = practice
        submission.save()
        if key := data.get("form_key"):  # the files attached on the way
            Document.objects.filter(draft=key, practice=None).update(practice=practice)
        moderation.submit(practice)
    return submission


def answers(submission):
    """The form's answers as the practice holds them now, to edit them again."""
    practice, lang = submission.practice, submission.language
    data = {field: practice.text_in(field, lang) for field in Practice.TEXTS}
    data.update({field: getattr(practice, field) for field in CLASSIFICATION})
    data.update({field: getattr(submission, field) for field in CONTACT})
    data.update(
        municipality=practice.municipality
        or (NOT_LISTED if submission.municipality_name else None),
        municipality_name=submission.municipality_name,
        municipality_country=submission.municipality_country,
        themes=list(practice.themes.all()),
        target_groups=list(practice.target_groups.all()),
        consent=True,
        contact_consent=practice.has_contact(),
        contact_name=practice.contact_name,
        contact_organisation=practice.contact_organisation,
    )
    return data


def already_resubmitted(submission, data):
    """Whether these changes (their form's one-time key) were taken already."""
    key = data.get("form_key")
    return bool(key) and Submission.objects.filter(pk=submission.pk, edit_key=key).exists()


def resubmit(submission, data):
    """Save the edited answers and send the practice back to the editors: True; False
    for the same changes sent again (taken once, under the practice's lock). Refused
    (moderation.Refused) unless the editors asked for changes."""
    practice = submission.practice
    with transaction.atomic():
        current = Practice.objects.select_for_update().get(pk=practice.pk)
        if already_resubmitted(submission, data):
            return False
        if current.status != Status.CHANGES_REQUESTED:
            raise moderation.Refused(
                _("The editors are not waiting for changes to this initiative.")
            )
        practice.status = current.status
        write(practice, data, submission.language)
        practice.save()
        practice.themes.set(data["themes"])
        practice.target_groups.set(data["target_groups"])
        for field, value in about_submitter(data).items():
            setattr(submission, field, value)
        submission.edit_key = data.get("form_key")
        submission.save()
        moderation.submit(practice)
    return True


@transaction.atomic
def erase(submission):
    """Forget who the submitter is, keeping the practice and the moderation record; the
    private link stops working (a new secret nobody has), the e-mails about the
    submission, sent or not, are deleted, and so is the practice's public contact."""
    submission.emails.all().delete()
    practice = submission.practice
    practice.forget_contact()
    practice.save()
    for field in ("name", "role", "organisation", "email"):
        setattr(submission, field, "")
    submission.token = new_token()
    submission.erased_at = timezone.now()
    submission.save()
