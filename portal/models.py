from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Email(models.Model):
    """One e-mail the portal sends, kept until it is sent or given up (portal.mail).

    `about` is what the e-mail is about (a submission, say): erasing that erases its
    e-mails, and admin shows them beside it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("could not be sent")

    about_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True)
    about_id = models.PositiveBigIntegerField(null=True)
    about = GenericForeignKey("about_type", "about_id")
    recipients = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=7, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    # Attempts go on for EMAIL_RETRY_FOR from here (portal.mail); "send again" resets it.
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    reply_to = models.EmailField(_("reply to"), blank=True)
    # For e-mails one can stop (alerts): List-Unsubscribe with one click (RFC 8058).
    unsubscribe_url = models.URLField(blank=True, editable=False)
    # The one-time key of the form that asked for it: the same form sent again sends
    # nothing new (portal.mail.post).
    key = models.UUIDField(null=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        indexes = [
            models.Index(fields=["about_type", "about_id"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self):
        return self.subject


def emails_about():
    """The e-mails about an object (a submission, an alert): deleted with it."""
    return GenericRelation(Email, content_type_field="about_type", object_id_field="about_id")


class Page(models.Model):
    """One of the portal's own pages: who runs it, how to reach them, what it keeps of
    whom, how accessible it is. Editors write each in every language; there is one of
    each kind (made by a migration), at its own address."""

    class Kind(models.TextChoices):
        ABOUT = "about", _("about the portal")
        CONTACT = "contact", _("contact")
        PRIVACY = "privacy", _("privacy notice")
        ACCESSIBILITY = "accessibility", _("accessibility statement")

    kind = models.CharField(
        _("page"), max_length=13, choices=Kind.choices, unique=True, editable=False
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(
        _("description"),
        max_length=160,
        help_text=_("One or two sentences: what search engines and link previews show."),
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Leave an empty line between paragraphs. A paragraph that starts with ## is a "
            "heading. Web and e-mail addresses become links."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("portal page")
        verbose_name_plural = _("portal pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(self.kind)


class Translation(models.Model):
    """One language of a text written in another (portal.tracking): the original's texts
    it was made from, whether a machine made it and no person has checked it since, and
    whether it is current (made from the original as it is now)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    made_from = models.JSONField(_("made from"), default=dict)  # {field: the original's text}
    by_machine = models.BooleanField(_("machine-translated"), default=False)
    is_current = models.BooleanField(_("current"), default=True)
    made_at = models.DateTimeField(_("made at"), default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_translation_each"
            )
        ]
        indexes = [models.Index(fields=["content_type", "language", "is_current"])]

    def __str__(self):
        return f"{self.content} ({self.language})"


class TranslatorProfile(models.Model):
    """The languages a member of the translators group translates into: they change
    those languages' texts, and no other (portal.translating.TrackedTranslations)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translator"
    )
    languages = models.JSONField(_("translates into"), default=list)

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")

    def __str__(self):
        return f"{self.user} ({', '.join(self.languages)})"
