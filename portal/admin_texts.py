"""Texts of Django's admin that its own catalogues leave untranslated in some of the
portal's languages (Django 6.1): named here, exactly as Django writes them, so that
`makemessages` keeps them in the portal's catalogues, which Django reads first. The
test of the admin's languages (tests/portal/test_admin_languages.py) finds any other."""

from django.utils.translation import gettext_noop

TEXTS = [
    gettext_noop("- Select an option -"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s"),
]
