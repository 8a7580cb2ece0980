"""Share your initiative: the public form, its confirmation, and the submitter's private
status page where they make the changes editors ask for."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal import limits

from .. import moderation, notifications, sharing
from ..forms import ShareForm
from ..models import Domain, Status, Submission

NOT_WAITING = gettext_lazy(
    "The editors are no longer waiting for changes. What you sent is shown below, so that "
    "you can copy it; to add something, answer the editors' e-mail."
)


def rate_keys(request):
    return [limits.key("share", limits.address(request))]


@require_http_methods(["GET", "POST"])
def share(request):
    if request.method == "GET":
        domain = Domain.objects.filter(slug=request.GET.get("domain", "")).first()
        initial = {"form_key": uuid.uuid4(), "domain": domain.slug if domain else None}
        return render(request, "practices/share_form.html", {"form": ShareForm(initial=initial)})
    form = ShareForm(request.POST)
    if not form.is_valid():
        return render(request, "practices/share_form.html", {"form": form}, status=400)
    if earlier := sharing.already_shared(form.cleaned_data):
        return confirmation(earlier)  # sent again: the same answer, nothing counted
    keys = rate_keys(request)
    if not limits.take(keys, settings.SHARE_RATE_LIMIT, settings.SHARE_RATE_WINDOW):
        context = {"form": form, "limited": True}
        return render(request, "practices/share_form.html", context, status=429)
    with transaction.atomic():  # the submission and its e-mails, or nothing
        submission, new = sharing.share(form.cleaned_data, get_language())
        if new:
            notifications.tell_submitter(request, "submission_received", submission)
            notifications.tell_editors(request, "submission_new", submission)
    if not new:  # a copy sent at the same moment was stored first
        limits.give_back(keys)
    return confirmation(submission)


def confirmation(submission):
    return redirect("practices:share-sent", reference=submission.reference)


def sent(request, reference):
    submission = get_object_or_404(Submission, reference=reference)
    return render(request, "practices/share_sent.html", {"submission": submission})


@require_http_methods(["GET", "POST"])
def status(request, token):
    """The submitter's page. Edits sent after the editors moved on are not lost: the
    page says what happened (409) and shows them again, to copy."""
    submission = get_object_or_404(Submission.objects.select_related("practice"), token=token)
    practice, form, refusal, code = submission.practice, None, "", 200
    if request.method == "POST":
        form = ShareForm(request.POST)
        if form.is_valid() and sharing.already_resubmitted(submission, form.cleaned_data):
            return changes_received(request)  # sent again: the same answer
        try:
            if practice.status != Status.CHANGES_REQUESTED:
                raise moderation.Refused(NOT_WAITING)
            if form.is_valid():
                with transaction.atomic():
                    if sharing.resubmit(submission, form.cleaned_data):
                        notifications.tell_editors(request, "submission_resubmitted", submission)
                return changes_received(request)
            code = 400
        except moderation.Refused as error:
            refusal, code = str(error), 409
            practice.refresh_from_db()
    elif practice.status == Status.CHANGES_REQUESTED:
        form = ShareForm(initial={**sharing.answers(submission), "form_key": uuid.uuid4()})
    context = {
        "submission": submission,
        "practice": practice,
        "form": form,
        "refusal": refusal,
        "note": practice.status_changes.filter(to_status=practice.status).first(),
    }
    return render(request, "practices/share_status.html", context, status=code)


def changes_received(request):
    messages.success(request, _("Thank you: the editors have your changes."))
    return redirect(request.path)
