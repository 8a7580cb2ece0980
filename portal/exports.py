"""A list as a spreadsheet: CSV in UTF-8 with a byte-order mark (so that spreadsheet
programs read the accents right), streamed row by row, never held whole in memory."""

import csv

from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

BOM = "\ufeff"
# The columns every catalogue's spreadsheet starts with (see `described`).
FIRST_COLUMNS = [_("Title"), _("Summary"), _("Municipality"), _("Country")]


class Line:
    """A file-like object that gives back what the csv writer writes to it."""

    def write(self, text):
        return text


def csv_response(filename, header, rows):
    """A download of `header` and then each of `rows` (an iterable, read lazily)."""
    writer = csv.writer(Line())

    def lines():
        yield BOM + writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def streamed(queryset, *related):
    """The rows, newest first, read a thousand at a time with their `related` names."""
    rows = queryset.newest_first().for_cards().prefetch_related(*related)
    return rows.iterator(chunk_size=1000)


def described(content):
    """FIRST_COLUMNS of a practice or programme, in the reader's language."""
    place = content.municipality
    return [
        content.localized("title").text,
        content.localized("summary").text,
        place.name if place else "",
        place.get_country_display() if place else "",
    ]


def names(related):
    return ", ".join(each.name for each in related.all())
