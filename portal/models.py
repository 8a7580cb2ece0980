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
