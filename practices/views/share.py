"""Share your initiative: the public form, its confirmation, and the submitter's private
status page where they make the changes editors ask for."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal import limits

from .. import moderation, notifications, sharing
from ..forms import ShareForm
from ..models import Domain, Status, Submission


def rate_keys(request):
    return [limits.key("share", limits.address(request))]


@require_http_methods(["GET", "POST"])
def share(request):
    if request.method == "GET":
        domain = Domain.objects.filter(slug=request.GET.get("domain", "")).first()
        form = ShareForm(initial={"domain": domain.slug} if domain else {})
        return render(request, "practices/share_form.html", {"form": form})
    form = ShareForm(request.POST)
    if limits.reached(rate_keys(request), settings.SHARE_RATE_LIMIT):
        context = {"form": form, "limited": True}
        return render(request, "practices/share_form.html", context, status=429)
    if not form.is_valid():
        return render(request, "practices/share_form.html", {"form": form}, status=400)
    submission = sharing.share(form.cleaned_data, get_language())
    limits.count(rate_keys(request), settings.SHARE_RATE_WINDOW)
    notifications.tell_submitter(request, "submission_received", submission)
    notifications.tell_editors(request, "submission_new", submission)
    return redirect("practices:share-sent", reference=submission.reference)


def sent(request, reference):
    submission = get_object_or_404(Submission, reference=reference)
    return render(request, "practices/share_sent.html", {"submission": submission})


@require_http_methods(["GET", "POST"])
def status(request, token):
    submission = get_object_or_404(Submission.objects.select_related("practice"), token=token)
    practice = submission.practice
    form = None
    if practice.status == Status.CHANGES_REQUESTED and request.method == "GET":
        form = ShareForm(initial=sharing.answers(submission))
    elif practice.status == Status.CHANGES_REQUESTED:
        form = ShareForm(request.POST)
        if form.is_valid():
            try:
                sharing.resubmit(submission, form.cleaned_data)
            except moderation.Refused as refusal:
                messages.error(request, str(refusal))
            else:
                notifications.tell_editors(request, "submission_resubmitted", submission)
                messages.success(request, _("Thank you: the editors have your changes."))
            return redirect(request.path)
    context = {
        "submission": submission,
        "practice": practice,
        "form": form,
        "note": practice.status_changes.filter(to_status=practice.status).first(),
    }
    return render(
        request, "practices/share_status.html", context, status=400 if form and form.errors else 200
    )
