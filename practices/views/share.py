"""Share your initiative: the public form in steps (practices.forms.STEPS, kept in a
practices.drafts.Draft), the page to check the answers and send them, its confirmation,
and the submitter's private status page where they make the changes editors ask for."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal import limits
from portal.middleware import takes_files

from .. import moderation, notifications, sharing
from ..drafts import Draft
from ..forms import STEPS, ShareForm, shown
from ..models import Domain, Status, Submission
from . import attaching

NOT_WAITING = gettext_lazy(
    "The editors are no longer waiting for changes. What you sent is shown below, so that "
    "you can copy it; to add something, answer the editors' e-mail."
)


STEP = {step.slug: step for step in STEPS}


def rate_keys(request):
    return [limits.key("share", limits.address(request))]


def step_url(step):
    if step is STEPS[0]:
        return reverse("practices:share")
    if step.form is None:
        return reverse("practices:share-files")
    return reverse("practices:share-step", args=[step.slug])


def next_url(step, draft):
    """The step after this one, until every step has been answered; then the check."""
    following = STEPS[STEPS.index(step) + 1 :]
    if not following or all(draft.has(later) for later in STEPS):
        return reverse("practices:share-check")
    return step_url(following[0])


def previous_url(step):
    return step_url(STEPS[max(STEPS.index(step) - 1, 0)])


def render_step(request, step, draft, context, status=200):
    number, begun = STEPS.index(step) + 1, bool(draft.answers())
    context = {"step": step, "number": number, "total": len(STEPS), "begun": begun, **context}
    template = "practices/share_step.html"
    if step.form is None:
        template, context["checked"] = (
            "practices/share_files.html",
            [context["files"], context["new"]],
        )
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
def share(request, slug=STEPS[0].slug):
    """A step of the share form: what it received is kept, valid or not; valid, the
    next step follows. "Back" keeps it too, without asking for what is missing."""
    if (step := STEP.get(slug)) is None or step.form is None:
        raise Http404
    draft = Draft(request.session)
    if request.method == "GET":
        if draft.checked(step):
            form = step.form(draft.answers(step))  # what was written, and what to correct
        else:
            form = step.form(initial={**initial(request), **draft.initial(step)})
        return render_step(request, step, draft, {"form": form})
    back = request.POST.get("go") == "back"
    draft.keep(step, request.POST, checked=not back)
    if back:
        return redirect(previous_url(step))
    form = step.form(request.POST)
    if form.is_valid():
        return redirect(next_url(step, draft))
    return render_step(request, step, draft, {"form": form}, status=400)


def parts(form, draft):
    """The check page's parts, one a step: (step, its address, [(question, answer,
    the answer's language if it is not the page's)])."""
    answers = {
        step.slug: [(field.label, shown(field), "") for field in fields]
        for step, fields in form.sections()
    }
    answers["files"] = [
        (document.kind_name(), document.described(), document.language)
        for document in draft.documents()
    ]
    return [(step, step_url(step), answers[step.slug]) for step in STEPS]


def initial(request):
    """A domain the form was called from (a domain's page links to it)."""
    if not (slug := request.GET.get("domain")):
        return {}
    domain = Domain.objects.filter(slug=slug).first()
    return {"domain": domain.slug} if domain else {}


@takes_files(1)
@require_http_methods(["GET", "POST"])
def share_files(request):
    """The files step: the files attached so far, with their titles or texts, and one
    more to attach (portal.files checks it). A file that passed is kept at once, even
    when something else on the page needs correcting."""
    step, draft = STEP["files"], Draft(request.session)
    if request.method == "GET":
        return render_step(request, step, draft, attaching.forms(draft))
    draft.keep(step, request.POST)
    forms, attached = attaching.take(request, draft)
    go = request.POST.get("go")
    if go == "back":
        return redirect(previous_url(step))
    if go == "next" and attaching.valid(forms):
        return redirect(next_url(step, draft))
    if attached or attaching.valid(forms):  # shown afresh: a reload sends nothing again
        return redirect(step_url(step))
    return render_step(request, step, draft, forms, status=400)


@require_http_methods(["GET", "POST"])
def check(request):
    """Every answer, with a link to change each step's, then "Send". A step that is
    missing or needs correcting is shown instead."""
    draft = Draft(request.session)
    if draft.sent_as:
        return redirect("practices:share-sent", reference=draft.sent_as)
    if not draft.answers():
        return redirect(step_url(STEPS[0]))
    data = draft.answers()
    data.setlist("form_key", [draft.key])
    data.setlist("website", [request.POST.get("website", "")])  # the trap, here too
    form = ShareForm(data)
    form.is_valid()
    for step in STEPS:  # the first one not answered or to correct
        if not draft.has(step) or any(name in form.errors for name in step.fields):
            return redirect(step_url(step))
    if not attaching.valid(attaching.forms(draft)):
        return redirect(step_url(STEP["files"]))
    if request.method == "GET" or form.errors:
        context = {"form": form, "parts": parts(form, draft)}
        code = 200 if request.method == "GET" else 400
        return render(request, "practices/share_check.html", context, status=code)
    if earlier := sharing.already_shared(form.cleaned_data):
        return confirmation(draft, earlier)  # sent again: the same answer, nothing counted
    keys = rate_keys(request)
    if not limits.take(keys, settings.SHARE_RATE_LIMIT, settings.SHARE_RATE_WINDOW):
        context = {"form": form, "parts": parts(form, draft), "limited": True}
        return render(request, "practices/share_check.html", context, status=429)
    with transaction.atomic():  # the submission, its files and its e-mails, or nothing
        submission, new = sharing.share(form.cleaned_data, draft.language)
        if new:
            notifications.tell_submitter(request, "submission_received", submission)
            notifications.tell_editors(request, "submission_new", submission)
    if not new:  # a copy sent at the same moment was stored first
        limits.give_back(keys)
    return confirmation(draft, submission)


@require_http_methods(["POST"])
def start_again(request):
    Draft(request.session).forget()
    return redirect("practices:share")


def confirmation(draft, submission):
    draft.sent(submission.reference)
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
