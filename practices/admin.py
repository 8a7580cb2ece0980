from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedTranslationAdmin

from portal.admin import (
    CONTACT_FIELDS,
    TaxonAdmin,
    in_every_language,
)
from portal.translating import (
    MODERATE,
    MissingTranslations,
    TrackedTranslations,
    TranslationFilter,
)

from . import moderation, notifications, search, sharing
from .forms import DocumentForm
from .models import (
    Document,
    Domain,
    Municipality,
    Partner,
    Practice,
    Recommendation,
    Status,
    StatusChange,
    Submission,
    TargetGroup,
    Theme,
)
from .views.catalogue import practice_page


@admin.register(Domain)
class DomainAdmin(TaxonAdmin):
    pass


@admin.register(Theme)
class ThemeAdmin(TaxonAdmin):
    pass


@admin.register(TargetGroup)
class TargetGroupAdmin(TaxonAdmin):
    pass


@admin.register(Partner)
class PartnerAdmin(TaxonAdmin):
    list_display = ["name", "slug", "website"]
    list_editable = []


@admin.register(Municipality)
class MunicipalityAdmin(TabbedTranslationAdmin):
    list_display = ["name", "country", "region", "population"]
    list_filter = ["country"]
    search_fields = in_every_language("name", "region")
    prepopulated_fields = {"slug": ["name_en"]}


class ReadOnly:
    """An inline that shows its rows and lets nobody add, change or delete them."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StatusChangeInline(ReadOnly, admin.TabularInline):
    """The practice's moderation record, newest first."""

    model = StatusChange
    fields = readonly_fields = ["at", "by", "from_status", "to_status", "note"]


class SubmissionInline(ReadOnly, admin.StackedInline):
    """Who shared the practice: private contact details."""

    model = Submission
    fields = readonly_fields = [
        "reference",
        "name",
        "role",
        "organisation",
        "email",
        "municipality_name",
        "municipality_country",
        "partner_names",
        "language",
        "consented_at",
        "created_at",
        "erased_at",
    ]


class DocumentInline(admin.TabularInline):
    model = Document
    form = DocumentForm
    extra = 0
    readonly_fields = ["kind", "size"]


class StatusFilter(admin.SimpleListFilter):
    """The moderation queue: each status with its number of practices (one query)."""

    title = _("status")
    parameter_name = "status__exact"

    def lookups(self, request, model_admin):
        counts = dict(Practice.objects.order_by().values_list("status").annotate(Count("pk")))
        return [(value, f"{label} ({counts.get(value, 0)})") for value, label in Status.choices]

    def queryset(self, request, queryset):
        return queryset.filter(status=self.value()) if self.value() else queryset


# The steps asked again on a page of their own before they are taken: the question.
CONFIRMED_STEPS = {
    "publish": _("Publish “%(title)s”?"),
    "reject": _("Reject “%(title)s”?"),
}
# What the submitter is told after each editor's step (see templates/emails/).
STEP_EMAILS = {
    "request_changes": "changes_requested",
    "reject": "submission_rejected",
    "publish": "submission_published",
}


class CheckFilter(admin.SimpleListFilter):
    """Published practices editors have not confirmed for CHECK_INTERVAL_DAYS."""

    title = _("check")
    parameter_name = "check"

    def lookups(self, request, model_admin):
        return [("due", _("Due for a check"))]

    def queryset(self, request, queryset):
        return queryset.due_for_check() if self.value() == "due" else queryset


@admin.register(Practice)
class PracticeAdmin(MissingTranslations, TrackedTranslations, TabbedTranslationAdmin):
    inlines = [DocumentInline, SubmissionInline, StatusChangeInline]
    change_form_template = "admin/practices/practice/change_form.html"
    actions = ["confirm_current", "send_status_link", "erase_personal_data"]
    list_display = [
        "__str__",
        "municipality",
        "domain",
        "status",
        "language",
        "missing_translations",
        "published_at",
    ]
    list_filter = [
        StatusFilter, CheckFilter, TranslationFilter, "domain", "municipality", "language",
    ]  # fmt: skip
    list_select_related = ["municipality", "domain"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
    autocomplete_fields = ["municipality", "themes", "target_groups", "partners", "similar"]
    TRANSLATABLE = Q(status__in=[Status.PUBLISHED, Status.SUBMITTED])
    date_hierarchy = "published_at"
    readonly_fields = ["status", "checked_at", "created_at", "updated_at"]
    fieldsets = [
        (_("Practice"), {"fields": ["title", "slug", "language", "summary"]}),
        (_("Story"), {"fields": Practice.STORY}),
        (
            _("Classification"),
            {"fields": ["municipality", "domain", "themes", "target_groups", "partners"]},
        ),
        (
            _("Scale and ratings"),
            {
                "fields": [
                    *Practice.SCALE[:1],
                    "started_in",
                    *Practice.SCALE[1:],
                    "reach",
                    "recurrence",
                ]
            },
        ),
        (_("Lessons and links"), {"fields": [*Practice.LESSONS, "links", "similar"]}),
        (_("Doing it yourself"), {"fields": ["state", "ended_in", *Practice.DOING]}),
        (_("Public contact"), {"fields": CONTACT_FIELDS}),
        (
            _("Moderation"),
            {"fields": ["status", "published_at", "checked_at", "created_at", "updated_at"]},
        ),
    ]

    def view_on_site(self, obj):
        """The public page, for a published practice only (see preview for the others)."""
        return obj.get_absolute_url() if obj.status == Status.PUBLISHED else None

    def get_urls(self):
        own = [
            path(
                "<int:pk>/moderate/",
                self.admin_site.admin_view(self.moderate),
                name="practices_practice_moderate",
            ),
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview),
                name="practices_practice_preview",
            ),
        ]
        return own + super().get_urls()

    def changeable(self, request, pk):
        practices = self.get_queryset(request).select_related("submission")  # a translator's
        practice = get_object_or_404(practices, pk=pk)
        if not self.has_change_permission(request, practice):
            raise PermissionDenied
        return practice

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj and request.user.has_perm(MODERATE):
            context["moderation_steps"] = moderation.steps_from(obj.status)
        if obj and obj.status == Status.SUBMITTED:
            context["resembling"] = search.resembling(obj)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @method_decorator(require_POST)
    def moderate(self, request, pk):
        """Take the step of the button pressed, as the practice's status was seen."""
        practice = self.changeable(request, pk)
        if not request.user.has_perm(MODERATE):
            raise PermissionDenied
        name, seen = request.POST.get("step"), request.POST.get("seen")
        if name not in moderation.EDITOR_STEPS or seen not in Status.values:
            return HttpResponseBadRequest()
        practice.status = seen
        note = request.POST.get("note", "")
        if name in CONFIRMED_STEPS and request.POST.get("confirmed") != "yes":
            return self.confirm_step(request, practice, name, note)
        try:
            with transaction.atomic():  # the step and its e-mail, or neither
                moderation.take(moderation.EDITOR_STEPS[name], practice, by=request.user, note=note)
                submission = getattr(practice, "submission", None)
                if submission and name in STEP_EMAILS:
                    notifications.tell_submitter(
                        request, STEP_EMAILS[name], submission, note=note.strip()
                    )
        except moderation.Refused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                _("Done: the practice is now “%(status)s”.")
                % {"status": practice.get_status_display()},
            )
        return redirect("admin:practices_practice_change", pk)

    def confirm_step(self, request, practice, name, note):
        """A step readers or the submitter notice asks first, on a page of its own."""
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "practice": practice,
            "name": name,
            "step": moderation.EDITOR_STEPS[name],
            "note": note,
            "title": CONFIRMED_STEPS[name] % {"title": practice},
        }
        return render(request, "admin/practices/practice/confirm_step.html", context)

    def preview(self, request, pk):
        """The practice as the public will see it, whatever its status."""
        self.changeable(request, pk)
        context = practice_page(Practice.objects.all(), pk=pk)
        return render(request, "practices/practice_detail.html", {**context, "preview": True})

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE)

    @admin.action(
        description=_("Confirm the chosen published practices are still current"),
        permissions=["moderate"],
    )
    def confirm_current(self, request, queryset):
        """The check of each published practice chosen (moderation.confirm), as if each
        were confirmed on its own; the others are left as they are."""
        confirmed = 0
        for practice in queryset.filter(status=Status.PUBLISHED):
            try:
                moderation.confirm(practice, by=request.user)
            except moderation.Refused:  # changed meanwhile
                continue
            confirmed += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d published practice confirmed as still current.",
                "%(count)d published practices confirmed as still current.",
                confirmed,
            )
            % {"count": confirmed},
        )

    @admin.action(description=_("Send the submitters their private link again"))
    def send_status_link(self, request, queryset):
        submissions = Submission.objects.filter(practice__in=queryset, erased_at__isnull=True)
        for submission in submissions.select_related("practice"):
            notifications.tell_submitter(request, "status_link", submission)
        count = len(submissions)
        self.message_user(
            request,
            ngettext(
                "The private link will be sent again to %(count)d submitter.",
                "The private link will be sent again to %(count)d submitters.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Erase the submitters' personal data"), permissions=["change"])
    def erase_personal_data(self, request, queryset):
        submissions = Submission.objects.filter(practice__in=queryset, erased_at__isnull=True)
        for submission in submissions:
            sharing.erase(submission)
        count = len(submissions)
        self.message_user(
            request,
            ngettext(
                "The personal data of %(count)d submitter was erased.",
                "The personal data of %(count)d submitters were erased.",
                count,
            )
            % {"count": count},
        )
        self.message_user(
            request,
            _(
                "Documents and images stay with their practice: remove those that hold "
                "personal data on the practice's page."
            ),
        )


@admin.register(Recommendation)
class RecommendationAdmin(MissingTranslations, TrackedTranslations, TabbedTranslationAdmin):
    list_display = ["__str__", "domain", "language", "missing_translations", "position"]
    list_filter = [TranslationFilter, "domain", "language"]
    list_select_related = ["domain"]
    search_fields = [*in_every_language("title", "summary"), "slug"]
