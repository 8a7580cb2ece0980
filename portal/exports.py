"""A list as a spreadsheet: CSV in UTF-8 with a byte-order mark (so that spreadsheet
programs read the accents right), streamed row by row, never held whole in memory."""

import csv

from django.http import StreamingHttpResponse

BOM = "\ufeff"


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
