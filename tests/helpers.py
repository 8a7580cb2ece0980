"""Data and helpers the tests of several modules share."""

import re

FRENCH_ANSWERS = {
    "title": "Accueil en langage clair",
    "summary": "Le personnel d'accueil apprend à écrire et parler simplement.",
    "municipality": "hasselt",
    "domain": "public-services",
    "themes": ["clear-language", "low-literacy"],
    "target_groups": ["front-office-staff"],
    "what": "Cinq demi-journées de formation.",
    "goal": "Des habitants qui comprennent nos lettres.",
    "period": "automne 2016 – printemps 2017",
    "started_in": "2016",
    "reach": "2",
    "recurrence": "3",
    "links": "https://www.hasselt.be/\nhttp://example.org/fiche",
    "name": "Marie Dupont",
    "role": "responsable diversité",
    "organisation": "Ville de Hasselt",
    "email": "marie@example.org",
    "consent": "on",
    "website": "",
}
"""A complete share form, as a French-speaking submitter fills it in (demo catalogue)."""


def csrf_token(html):
    """The CSRF token of the (first) form in a page."""
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
