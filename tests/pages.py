"""The portal's page types as a person meets them, for the checks that read every one:
the browser audit, the HTML checker, the language checks."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from practices import moderation
from practices.models import Alert, Document
from tests.helpers import FRENCH_ANSWERS, SHARE_STEPS, send_share
from tests.practices.test_documents import image_bytes


def page_types(language, status_token):
    """One address of each page type in `language` (status_token: private_pages)."""
    return {
        "home": f"/{language}/",
        "practice list, filtered": f"/{language}/practices/?reach=1&domain=hr-policy",
        "practice list, searched": f"/{language}/practices/?q=taal",
        "practice": f"/{language}/practices/hasselt-customer-friendly-services/",
        "domain": f"/{language}/domains/hr-policy/",
        "municipality": f"/{language}/municipalities/lidkoping/",
        "recommendation": f"/{language}/recommendations/diversity-in-municipal-hr-policy/",
        "trainings": f"/{language}/trainings/",
        "training": f"/{language}/trainings/lidkoping-hospitality-training/",
        "write to a contact": f"/{language}/practices/hasselt-customer-friendly-services/write/",
        "message on its way": f"/{language}/trainings/lidkoping-hospitality-training/write/sent/",
        "share form": f"/{language}/share/?domain=hr-policy",
        "share status, changes asked": f"/{language}/share/status/{status_token}/",
        "e-mail alert": f"/{language}/practices/alerts/new/?domain=hr-policy",
        "e-mail alert asked": f"/{language}/practices/alerts/asked/",
        "e-mail alert to confirm": f"/{language}/alerts/asked/confirm/",
        "e-mail alerts": f"/{language}/alerts/confirmed/",
        "e-mail alert to stop": f"/{language}/alerts/confirmed/stop/",
        "privacy": f"/{language}/privacy/",
        "about": f"/{language}/about/",
        "contact": f"/{language}/contact/",
        "accessibility statement": f"/{language}/accessibility/",
        "not found": f"/{language}/no-such-page/",
    }


def private_pages(make_submission):
    """A submission the editors asked to change, for its submitter's page (its token),
    and a confirmed e-mail alert and an unconfirmed one, for their private pages."""
    submission = make_submission(language="fr")
    editor = get_user_model().objects.create_user("eda", is_staff=True)
    moderation.request_changes(submission.practice, by=editor, note="Ajoutez une date.")
    Alert.objects.create(
        email="hr@example.be", query="domain=hr-policy", language="fr", token="confirmed",
        confirmed_at=timezone.now(), covered_until=timezone.now(),
    )  # fmt: skip
    Alert.objects.create(email="hr@example.be", language="fr", token="asked")
    return submission.token


def share_pages(client, language):
    """The share form's pages with everything they can say: each step with its
    mistakes, the files with one to complete, then the check page (all answered)."""
    image = SimpleUploadedFile("balie.png", image_bytes())
    client.post(f"/{language}/share/files/", {"go": "attach", "new-file": image})
    wrong = {"go": "next", "website": "x", "ended_in": "1"}
    pages = [client.post(f"/{language}/{path}", wrong) for path in SHARE_STEPS]
    Document.objects.filter(practice=None).delete()  # its text was asked for: enough
    send_share(client, FRENCH_ANSWERS, language, send=False)
    return [*pages, client.get(f"/{language}/share/check/")]
