"""Training programmes (trajectories) for municipal staff, and their modules or sessions."""

from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.content import (
    ContentQuerySet,
    PublicContact,
    Taxon,
    Translatable,
    TranslatedContent,
)
from practices.models import Municipality, Partner, Practice, TargetGroup, Theme

HALF_DAY = (Decimal(3), Decimal("4.5"))  # hours a session may take and be "half a day"
FULL_DAY = (Decimal(6), Decimal(8))


class Format(Taxon):
    """How a programme teaches: workshop, lecture, role play, toolbox …"""

    class Meta(Taxon.Meta):
        verbose_name = _("format")
        verbose_name_plural = _("formats")


class TrainingQuerySet(ContentQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_cards(self):
        return self.select_related("municipality")


class TrainingProgramme(PublicContact, TranslatedContent):
    """A trajectory that trains municipal staff, often the heart of a practice."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    period = models.CharField(_("period"), max_length=200, blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    difficulties = models.TextField(_("difficulties met"), blank=True)

    formats = models.ManyToManyField(Format, blank=True, verbose_name=_("formats"))
    providers = models.ManyToManyField(
        Partner, blank=True, related_name="trainings", verbose_name=_("providers")
    )
    audience = models.ManyToManyField(
        TargetGroup, blank=True, related_name="trainings", verbose_name=_("audience")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="trainings", verbose_name=_("themes")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings",
        verbose_name=_("municipality"),
    )
    practices = models.ManyToManyField(
        Practice, blank=True, related_name="trainings", verbose_name=_("practices")
    )

    is_voluntary = models.BooleanField(
        _("participation is voluntary"), null=True, blank=True, help_text=_("Empty: not known.")
    )
    session_count = models.PositiveSmallIntegerField(_("number of sessions"), null=True, blank=True)
    session_hours = models.DecimalField(
        _("hours per session"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    total_hours = models.DecimalField(
        _("total hours"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    people_trained = models.PositiveIntegerField(_("people trained"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(session_hours__gt=0) | models.Q(session_hours__isnull=True),
                name="training_session_hours_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(total_hours__gt=0) | models.Q(total_hours__isnull=True),
                name="training_total_hours_positive",
            ),
        ]

    def __str__(self):
        return self.localized("title").text or self.slug

    def get_absolute_url(self):
        return reverse("trainings:detail", args=[self.slug])

    def effort(self):
        """The effort in plain words: "5 sessions of half a day, 17.5 hours in all"."""
        parts = []
        if self.session_count and self.session_hours:
            parts.append(sessions_in_words(self.session_count, self.session_hours))
        if self.total_hours:
            parts.append(
                ngettext(
                    "%(hours)s hour in all", "%(hours)s hours in all", plural(self.total_hours)
                )
                % {"hours": number_format(self.total_hours.normalize())}
            )
        return ", ".join(parts)


def plural(hours):
    """The number that chooses the plural form for a number of hours: 1.5 hours."""
    return int(hours) if hours == int(hours) else 2


def sessions_in_words(count, hours):
    if HALF_DAY[0] <= hours <= HALF_DAY[1]:
        text = ngettext(
            "%(count)s session of half a day", "%(count)s sessions of half a day", count
        )
    elif FULL_DAY[0] <= hours <= FULL_DAY[1]:
        text = ngettext("%(count)s session of a day", "%(count)s sessions of a day", count)
    else:
        text = ngettext(
            "%(count)s session of %(hours)s hours", "%(count)s sessions of %(hours)s hours", count
        )
    return text % {"count": count, "hours": number_format(hours.normalize())}


class TrainingModule(Translatable, models.Model):
    """One session or module of a programme, in its place in the order."""

    programme = models.ForeignKey(
        TrainingProgramme,
        on_delete=models.CASCADE,
        related_name="modules",
        verbose_name=_("training programme"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200, blank=True)
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("theme")
    )
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, null=True, blank=True)
    methods = models.CharField(_("methods"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.title or f"{self.position}"

    def hours_in_words(self):
        hours = {"hours": number_format(self.hours.normalize())}
        return ngettext("%(hours)s hour", "%(hours)s hours", plural(self.hours)) % hours

    @property
    def original_language(self):
        return self.programme.language
