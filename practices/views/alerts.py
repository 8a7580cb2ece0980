"""E-mail alerts for a list's search (practices.alerts): ask, confirm, change, stop."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal import limits
from portal.forms import PublicForm

from .. import alerts
from ..models import Alert, Frequency

QUERY_MAX_LENGTH = 1000


class AlertForm(PublicForm):
    email = forms.EmailField(
        label=gettext_lazy("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often?"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_query(self):
        query = self.cleaned_data["query"]
        if len(query) > QUERY_MAX_LENGTH:
            raise forms.ValidationError(
                gettext_lazy("This search is too long to follow. Remove some words or filters.")
            )
        return query


def followed(data):
    """A list's query string without what does not choose practices (page, order)."""
    query = data.copy()
    for name in ("page", "sort"):
        query.pop(name, None)
    return query.urlencode()


@require_http_methods(["GET", "POST"])
def new(request):
    if request.method == "GET":
        form = AlertForm(initial={"query": followed(request.GET)})
        return render(request, "practices/alert_new.html", {"form": form})
    form = AlertForm(request.POST)
    if not form.is_valid():
        return render(request, "practices/alert_new.html", {"form": form}, status=400)
    keys = [limits.key("alert", limits.address(request))]
    if not limits.take(keys, settings.ALERT_RATE_LIMIT, 3600):
        context = {"form": form, "limited": True}
        return render(request, "practices/alert_new.html", context, status=429)
    data = form.cleaned_data
    alerts.ask(data["email"], data["query"], get_language(), data["frequency"])
    return redirect("practices:alert-asked")


def asked(request):
    context = {"days": settings.ALERT_CONFIRM_DAYS}
    return render(request, "practices/alert_asked.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    alert = get_object_or_404(Alert, token=token)
    if alerts.expired().filter(pk=alert.pk).exists():
        alert.delete()
        context = {"expired": True}
        return render(request, "practices/alert_confirm.html", context, status=410)
    if request.method == "POST":
        alerts.confirm(alert)
        messages.success(request, _("Your alert is on. You will receive new practices by e-mail."))
        return redirect(alert)
    return render(request, "practices/alert_confirm.html", {"alert": alert})


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """This address's alerts: how often each is sent, and a way to stop each."""
    alert = get_object_or_404(Alert, token=token, confirmed_at__isnull=False)
    if request.method == "POST":
        if request.POST.get("frequency") not in Frequency.values:
            raise Http404
        alert.frequency = request.POST["frequency"]
        alert.save(update_fields=["frequency"])
        messages.success(request, _("Saved."))
        return redirect(alert)
    mine = Alert.objects.filter(email=alert.email, confirmed_at__isnull=False)
    listed = [(each, reverse("practices:list") + f"?{each.query}") for each in mine]
    context = {"alert": alert, "alerts": listed, "frequencies": Frequency.choices}
    return render(request, "practices/alert_manage.html", context)


@csrf_exempt  # one click from a mail program (RFC 8058): the secret token is the check
@require_http_methods(["GET", "POST"])
def stop(request, token):
    """Stop an alert, deleting it (and, with the last one, the address). Asked twice, it
    says the same."""
    alert = Alert.objects.filter(token=token).first()
    if request.method == "POST":
        if alert:
            alert.delete()
        return render(request, "practices/alert_stop.html", {"stopped": True})
    if alert is None:
        raise Http404
    return render(request, "practices/alert_stop.html", {"alert": alert})
