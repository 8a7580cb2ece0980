"""The catalogue: who did what, where, for whom, and how it is rated."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal import version
from portal.content import (
    ContentQuerySet,
    PublicContact,
    Taxon,
    TranslatedContent,
)
from portal.models import emails_about

from . import indexing


class Country(models.TextChoices):
    BELGIUM = "BE", _("Belgium")
    NETHERLANDS = "NL", _("Netherlands")
    LUXEMBOURG = "LU", _("Luxembourg")
    FRANCE = "FR", _("France")
    GERMANY = "DE", _("Germany")
    SWEDEN = "SE", _("Sweden")


class Reach(models.IntegerChoices):
    """How far a practice reaches, with the explanation readers see."""

    TEAM = 1, _("one service or a small group of people")
    SERVICES = 2, _("several services or a large group of people")
    ORGANISATION = 3, _("the whole organisation")
    COMMUNITY = 4, _("the whole organisation and the wider community")


class Recurrence(models.IntegerChoices):
    """How lasting a practice is, with the explanation readers see."""

    ONCE = 1, _("a one-off action")
    REPEATED = 2, _("repeated a few times")
    REGULAR = 3, _("repeated at regular intervals")
    STRUCTURAL = 4, _("a permanent part of how the municipality works")


class State(models.TextChoices):
    """Whether a practice still runs."""

    RUNNING = "running", _("Running")
    ENDED = "ended", _("Ended")
    PLANNED = "planned", _("Planned")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


# A published practice shows on the public pages; an archived one has just left them.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.ARCHIVED)


class Domain(Taxon):
    description = models.TextField(_("description"), blank=True)

    class Meta(Taxon.Meta):
        verbose_name = _("policy domain")
        verbose_name_plural = _("policy domains")

    def get_absolute_url(self):
        return reverse("practices:domain", args=[self.slug])


class Theme(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Partner(Taxon):
    website = models.URLField(_("website"), blank=True)

    class Meta(Taxon.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class Municipality(models.Model):
    # Sizes by population (slug: label, from, below), as the practice list groups them.
    SIZES = {
        "under-10000": (_("Under 10,000 inhabitants"), 0, 10_000),
        "10000-50000": (_("10,000 to 50,000 inhabitants"), 10_000, 50_000),
        "50000-100000": (_("50,000 to 100,000 inhabitants"), 50_000, 100_000),
        "over-100000": (_("Over 100,000 inhabitants"), 100_000, None),
    }
    SIZE_UNKNOWN = "unknown"

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("region"), max_length=120, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("year of the population figure"), null=True, blank=True
    )
    vision = models.TextField(_("vision statement"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.practices.relist()  # its name is searched with them
        version.changed()  # its name and size show in cached pages and counts

    def get_absolute_url(self):
        return reverse("practices:municipality", args=[self.slug])

    def size(self):
        """The slug of its size (Municipality.SIZES, in ascending order), or SIZE_UNKNOWN."""
        if self.population is None:
            return self.SIZE_UNKNOWN
        return next(
            slug
            for slug, (_label, _low, below) in self.SIZES.items()
            if below is None or self.population < below
        )

    def size_label(self):
        return self.SIZES.get(self.size(), ("",))[0]


WEB_SCHEMES = ("https://", "http://")


def non_empty_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def validate_web_links(text):
    check = URLValidator(schemes=["http", "https"])
    for line in non_empty_lines(text):
        check(line)


CARD_FIELDS = (
    "slug", "language", "languages", "reach", "recurrence", "published_at", "updated_at",
    "title", "summary", "municipality", "domain",
)  # fmt: skip


class PracticeQuerySet(ContentQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def due_for_check(self):
        """Published practices editors last confirmed (or published) longer than
        CHECK_INTERVAL_DAYS ago."""
        since = timezone.now() - timedelta(days=settings.CHECK_INTERVAL_DAYS)
        last = Coalesce("checked_at", "published_at")
        return self.published().alias(last_checked=last).filter(last_checked__lt=since)

    def for_cards(self):
        """What a practice card shows, fetched in the same query."""
        return self.select_related("municipality", "domain")

    def cards(self):
        """Only what a practice card shows (practices.templatetags.practices.practice_card):
        a list of cards reads a few columns of each practice, not its whole story."""
        return self.for_cards().only(*CARD_FIELDS, "municipality__name", "domain__name")

    def relist(self):
        """Rebuild the list's rows of these practices (ListedPractice)."""
        indexing.relist(self)

    def refresh_search_index(self):
        """Recompute what save() keeps current, for rows loaded without it (loaddata)."""
        self.refresh_languages()
        self.relist()

    def similar_to(self, practice, count=3):
        """Up to `count` practices: those editors linked to this one, then the newest of
        its domain. Two small queries, where one ranking the whole domain grew with it."""
        others = self.exclude(pk=practice.pk)
        linked = list(others.filter(similar=practice).newest_first()[:count])
        if len(linked) == count:
            return linked
        shown = [similar.pk for similar in linked]
        same_domain = others.filter(domain=practice.domain_id).exclude(pk__in=shown)
        return linked + list(same_domain.newest_first()[: count - len(linked)])


class Practice(PublicContact, TranslatedContent):
    """An inspiring example: what a municipality did, for whom and why."""

    # Its texts, written in one language and translated into the others, in the groups
    # the share form and admin show. Translation, search, the share form and admin read
    # them here: a new text is added here (and as a field below) only.
    STORY = ("what", "who", "why", "goal", "description", "involvement")
    SCALE = ("period", "effort", "people_reached")
    LESSONS = ("results", "difficulties")
    # Doing it yourself: what it took, and what another municipality should know.
    DOING = ("resources", "conditions", "hindsight", "other_sizes")
    TEXTS = ("title", "summary", *STORY, *SCALE, *LESSONS, *DOING)
    # Searched with a weight each (practices.indexing): the municipality is its name.
    SEARCHED = {
        "A": ("title",),
        "B": ("summary", "municipality"),
        "C": (*STORY, *LESSONS, *DOING),
    }

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    what = models.TextField(_("what"), blank=True)
    who = models.TextField(_("who"), blank=True)
    why = models.TextField(_("why"), blank=True)
    description = models.TextField(_("description"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    involvement = models.TextField(_("how staff or residents took part"), blank=True)
    period = models.CharField(_("period"), max_length=200, blank=True)
    effort = models.CharField(_("effort"), max_length=200, blank=True)
    people_reached = models.CharField(_("people reached"), max_length=200, blank=True)
    results = models.TextField(_("results and evaluation"), blank=True)
    difficulties = models.TextField(_("difficulties met"), blank=True)
    resources = models.TextField(
        _("what it took"), blank=True, help_text=_("Budget, staff time, external help.")
    )
    conditions = models.TextField(_("conditions for success"), blank=True)
    hindsight = models.TextField(_("what we would do differently"), blank=True)
    other_sizes = models.TextField(
        _("for a smaller or larger municipality"),
        blank=True,
        help_text=_("What a smaller or larger municipality should know."),
    )
    state = models.CharField(_("state"), max_length=7, choices=State.choices, default=State.RUNNING)
    ended_in = models.PositiveSmallIntegerField(_("year ended"), null=True, blank=True)
    links = models.TextField(
        _("links"),
        blank=True,
        help_text=_("One web address per line."),
        validators=[validate_web_links],
    )
    started_in = models.PositiveSmallIntegerField(_("year started"), null=True, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="practices",
        help_text=_("Leave empty only when the municipality is not known."),
        verbose_name=_("municipality"),
    )
    domain = models.ForeignKey(
        Domain, on_delete=models.PROTECT, related_name="practices", verbose_name=_("domain")
    )
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("target groups"))
    partners = models.ManyToManyField(Partner, blank=True, verbose_name=_("partners"))
    similar = models.ManyToManyField("self", blank=True, verbose_name=_("similar practices"))

    reach = models.PositiveSmallIntegerField(_("reach"), choices=Reach.choices)
    recurrence = models.PositiveSmallIntegerField(_("recurrence"), choices=Recurrence.choices)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # When editors last confirmed that the published practice still holds (publishing
    # counts); the publication date stands in for practices published before this was kept.
    checked_at = models.DateTimeField(_("last checked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        permissions = [("moderate_practice", _("Can publish, reject and archive practices"))]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="practice_status_idx"),
            models.Index(
                fields=["updated_at"],
                condition=models.Q(status__in=PUBLIC_STATUSES),
                name="practice_public_updated_idx",
            ),
            # The newest of a domain (a domain's page, similar practices). The list's
            # facets are counted from ListedPractice.
            models.Index(
                fields=["domain", "-published_at", "-id"],
                condition=models.Q(status=Status.PUBLISHED),
                name="practice_published_domain_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reach__gte=1, reach__lte=4), name="practice_reach_1_to_4"
            ),
            models.CheckConstraint(
                condition=models.Q(recurrence__gte=1, recurrence__lte=4),
                name="practice_recurrence_1_to_4",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="practice_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(ended_in__isnull=True) | models.Q(state=State.ENDED),
                name="practice_only_ended_has_end_year",
                violation_error_message=_("Only a practice that has ended has a year it ended."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED) | models.Q(published_at__isnull=False),
                name="practice_published_has_date",
            ),
        ]

    def __str__(self):
        return self.localized("title").text or self.slug

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            indexing.relist(Practice.objects.filter(pk=self.pk))

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

    def image_url(self):
        """The address of its first image, which link previews show, or ""."""
        image = next((document for document in self.documents.all() if document.is_image()), None)
        return reverse("practices:document-small", args=[self.slug, image.pk]) if image else ""

    def tells_how_to_do_it(self):
        """Whether any text of Practice.DOING is written, in some language."""
        return any(self.localized(field).text for field in self.DOING)

    def last_checked(self):
        """When editors last confirmed the practice (or published it)."""
        return self.checked_at or self.published_at

    def changes_public_pages(self):
        return self.status in PUBLIC_STATUSES

    def web_links(self):
        """The links that are web addresses: never a javascript: or data: one."""
        return [line for line in non_empty_lines(self.links) if line.startswith(WEB_SCHEMES)]

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED and not self.published_at:
            raise ValidationError(
                {"published_at": _("A published practice needs its publication date.")}
            )


class ListedPractice(models.Model):
    """A published practice as the practice list reads it: a narrow row of what the list
    filters, counts and sorts by, and its search document in each language. The list
    reads these few MB instead of the wide practice rows; practices.indexing keeps them
    current in the same transaction as the practice. Its key is the practice's."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, primary_key=True, related_name="listed"
    )
    published_at = models.DateTimeField()
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="+", db_index=False)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    reach = models.PositiveSmallIntegerField(choices=Reach.choices)
    recurrence = models.PositiveSmallIntegerField(choices=Recurrence.choices)
    started_in = models.PositiveSmallIntegerField(null=True)
    languages = models.CharField(max_length=14)
    # On PostgreSQL a weighted vector, kept out of the row (migration 0022) so that the
    # rows stay narrow; on SQLite the folded texts, which its FTS5 index reads.
    search_nl = SearchVectorField(null=True)
    search_fr = SearchVectorField(null=True)
    search_de = SearchVectorField(null=True)
    search_en = SearchVectorField(null=True)
    search_sv = SearchVectorField(null=True)
    # When the row was last written: the facet index of each process reads again only
    # the rows written since it read them (portal.counting.FacetIndex).
    listed_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["-published_at", "-practice"], name="listed_newest_idx"),
            models.Index(fields=["listed_at"], name="listed_at_idx"),
        ]

    def __str__(self):
        return str(self.pk)


class Recommendation(TranslatedContent):
    """Advice for a policy domain, with concrete actions."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    domain = models.ForeignKey(
        Domain,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("domain"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    actions = models.TextField(
        _("concrete actions"), blank=True, help_text=_("One action per line.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.localized("title").text or self.slug

    def get_absolute_url(self):
        return reverse("practices:recommendation", args=[self.slug])


def stored_name(document, _sent_name):
    """Where a file is stored: a random name, never the one it was sent with."""
    return f"practices/{uuid.uuid4().hex}.{document.extension}"


def thumbnail_name(document, _sent_name):
    return f"practices/{uuid.uuid4().hex}-small.{document.extension}"


class Document(models.Model):
    """A file attached to a practice, checked by portal.files: a document with a title
    and a language, or an image with a text for those who cannot see it. Readers get it
    only once the practice is published."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="documents", verbose_name=_("practice"),
        null=True,
    )  # fmt: skip
    # A file attached on the share form before it is sent: the form's one-time key
    # (practices.drafts), when the form was last sent a step (unsent files are deleted
    # once that is older than a session), and the key of the page that attached it (a
    # page sent twice attaches its file once). Sending the form gives it its practice.
    draft = models.UUIDField(null=True, editable=False, db_index=True)
    kept_at = models.DateTimeField(default=timezone.now, editable=False)
    attach_key = models.UUIDField(null=True, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to=stored_name, max_length=200)
    thumbnail = models.FileField(
        upload_to=thumbnail_name, max_length=200, blank=True, editable=False
    )
    # Its size, so that a page keeps its place before it is loaded.
    thumbnail_width = models.PositiveSmallIntegerField(null=True, editable=False)
    thumbnail_height = models.PositiveSmallIntegerField(null=True, editable=False)
    kind = models.CharField(_("type of file"), max_length=20, editable=False)
    content_type = models.CharField(max_length=120, editable=False)
    extension = models.CharField(max_length=5, editable=False)
    size = models.PositiveIntegerField(_("size"), editable=False)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("For a document."))
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, blank=True,
        help_text=_("For a document: the language it is written in."),
    )  # fmt: skip
    alt_text = models.CharField(
        _("text for those who cannot see the image"), max_length=300, blank=True,
        help_text=_("For an image: what it shows."),
    )  # fmt: skip
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(practice__isnull=False) | models.Q(draft__isnull=False),
                name="document_of_a_practice_or_a_draft",
            )
        ]
        verbose_name = _("document or image")
        verbose_name_plural = _("documents and images")

    def __str__(self):
        return self.title or self.alt_text

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.practice_changed()

    def get_absolute_url(self):
        return reverse("practices:document", args=[self.practice.slug, self.pk])

    def practice_changed(self):
        """Its practice counts as changed: a published one's page is made afresh (its
        last change is part of the catalogue's version, portal.version)."""
        if self.practice_id:
            Practice.objects.filter(pk=self.practice_id).update(updated_at=timezone.now())

    def is_image(self):
        return self.content_type.startswith("image/")

    def described(self):
        """What it is, in a line: "Visietekst · PDF, 1.2 MB"."""
        return f"{self.title or self.alt_text} · {self.kind}, {filesizeformat(self.size)}"

    def kind_name(self):
        return _("Image") if self.is_image() else _("Document")

    def store(self, checked):
        """Take a file portal.files.check() let through, and its thumbnail."""
        kind = checked.kind
        self.kind, self.content_type, self.extension = kind.label, kind.content_type, kind.extension
        self.size = checked.size
        self.file.save("sent", checked.content, save=False)
        if checked.thumbnail:
            self.thumbnail.save("sent", checked.thumbnail, save=False)
            self.thumbnail_width, self.thumbnail_height = checked.thumbnail_size

    def download_name(self):
        return f"{slugify(self.title or self.alt_text)[:80] or 'document'}.{self.extension}"


@receiver(post_delete, sender=Document)
def forget_files(sender, instance, **kwargs):
    """A deleted document's practice changed, and its stored files go once the deletion
    is committed (however it was deleted: alone, with its practice, in a queryset)."""
    instance.practice_changed()
    stored = [(kept.storage, kept.name) for kept in (instance.file, instance.thumbnail) if kept]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in stored])


class StatusChange(models.Model):
    """One step of a practice's moderation: who moved it, when, from which status to which,
    and why (practices.moderation writes these)."""

    practice = models.ForeignKey(
        Practice,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("practice"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Empty when the submitter made the change."),
    )
    at = models.DateTimeField(_("at"), default=timezone.now, editable=False)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I to mix up


def new_reference():
    """A short reference a submitter can read out on the phone: "K7M4-Q2XD"."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


def new_token():
    return secrets.token_urlsafe(32)


class Submission(models.Model):
    """Who shared a practice through the public form, and how to reach them: private,
    never shown on the public site nor in the JSON listing.

    `token` is the secret of the submitter's private status link. It is kept (not only a
    digest of it) because every e-mail about the submission carries the link again."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, related_name="submission", verbose_name=_("practice")
    )
    reference = models.CharField(_("reference"), max_length=9, unique=True, default=new_reference)
    token = models.CharField(max_length=64, unique=True, editable=False, default=new_token)
    # The share form's one-time key: the same form sent again finds this submission.
    form_key = models.UUIDField(null=True, unique=True, editable=False)
    # The one-time key of the last changes sent from the status page, likewise.
    edit_key = models.UUIDField(null=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    municipality_name = models.CharField(
        _("municipality as typed"),
        max_length=120,
        blank=True,
        help_text=_("A municipality the catalogue did not know yet."),
    )
    municipality_country = models.CharField(
        _("its country"), max_length=2, choices=Country.choices, blank=True
    )
    partner_names = models.TextField(_("partners as typed"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    emails = emails_about()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return self.reference


class Frequency(models.TextChoices):
    AT_ONCE = "at_once", _("As soon as one is published")
    WEEKLY = "weekly", _("Once a week")


class Alert(models.Model):
    """Someone's wish to hear of new practices that match a list's filters and search
    (practices.alerts). Nothing but the confirmation is sent before it is confirmed."""

    email = models.EmailField(_("e-mail address"))
    query = models.CharField(_("search"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("how often"), max_length=7, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    token = models.CharField(max_length=64, unique=True, editable=False, default=new_token)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # Practices published up to this moment are sent already (or were there before).
    covered_until = models.DateTimeField(null=True, blank=True, editable=False)
    emails = emails_about()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("e-mail alert")
        verbose_name_plural = _("e-mail alerts")

    def __str__(self):
        return f"{self.email}: {self.query or '*'}"

    def get_absolute_url(self):
        return reverse("practices:alert", args=[self.token])
