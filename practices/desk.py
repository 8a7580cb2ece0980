"""What the practices add to the editors' desk (portal.desk): submissions waiting and
for how long, changes asked of submitters, practices due for a check, and the grids of
the translations of practices and recommendations waiting (a translator's desk has
those grids alone)."""

from django.db.models import Count, Min, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal import desk
from portal.desk import Item

from .models import Practice, Recommendation, Status, StatusChange


def items(languages=None):
    practices = reverse("admin:practices_practice_changelist")
    published = Practice.objects.published()
    if languages is not None:  # a translator's
        return translations(published, practices, languages)
    waiting = waiting_submissions()
    days = (timezone.now() - waiting["oldest"]).days if waiting["oldest"] else None
    asked = Practice.objects.filter(status=Status.CHANGES_REQUESTED).count()
    return [
        Item(
            _("Submissions waiting"),
            waiting["count"],
            f"{practices}?status__exact={Status.SUBMITTED}",
            ngettext(
                "the oldest has waited %(days)d day", "the oldest has waited %(days)d days", days
            )
            % {"days": days}
            if days is not None
            else "",
        ),  # fmt: skip
        Item(
            _("Changes asked, waiting on the submitter"),
            asked,
            f"{practices}?status__exact={Status.CHANGES_REQUESTED}",
        ),
        Item(_("Due for a check"), published.due_for_check().count(), f"{practices}?check=due"),
        *translations(published, practices),
    ]


def translations(published, practices, languages=None):
    """The grids (portal.desk.translations) of published practices and recommendations."""
    recommendations = reverse("admin:practices_recommendation_changelist")
    return [
        *desk.translations(
            _("Translations of published practices"),
            published,
            f"{practices}?status__exact={Status.PUBLISHED}",
            languages,
        ),
        *desk.translations(
            _("Translations of recommendations"),
            Recommendation.objects.all(),
            recommendations,
            languages,
        ),
    ]


def waiting_submissions():
    """How many practices wait for the editors, and since when the oldest has."""
    since = StatusChange.objects.filter(practice=OuterRef("pk"), to_status=Status.SUBMITTED)
    waiting = Practice.objects.filter(status=Status.SUBMITTED).annotate(
        since=Subquery(since.order_by("-at").values("at")[:1])
    )
    return waiting.aggregate(count=Count("pk"), oldest=Min("since"))
