"""Logs as JSON lines, and without the secret of a submitter's private link."""

import json
import logging
import re
from datetime import UTC, datetime

from gunicorn.glogging import Logger

PRIVATE_LINK = re.compile(r"(/share/status/)[^/\s?\"']+")


def redacted(text):
    """The text with every private status link's secret replaced."""
    return PRIVATE_LINK.sub(r"\1[private]", text)


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time, level, logger, message (and the error)."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redacted(record.getMessage()),
        }
        if status := getattr(record, "status_code", None):
            entry["status"] = status
        if record.exc_info:
            entry["error"] = redacted(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class GunicornLogger(Logger):
    """gunicorn's access log, with private links' secrets left out of the request line,
    the path and the referrer."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redacted(atoms[key])
        return atoms
