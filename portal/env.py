"""Typed readers of environment variables, strict as healthchecks' envbool: a value that
is not one of the accepted spellings stops the start with ImproperlyConfigured naming the
variable. No side effects, so gunicorn.conf.py reads its numbers with them too."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def env_str(name, default=""):
    """A variable's value, or the contents of the file named by NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as error:
            raise ImproperlyConfigured(
                f"{name}_FILE names {path}, which cannot be read ({error.strerror})."
            ) from None
    return os.environ.get(name, default)


def env_bool(name, default):
    """On or off: one of TRUE or FALSE in any case; anything else stops the start."""
    value = env_str(name).strip().lower()
    if not value:
        return default
    if value not in TRUE + FALSE:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(TRUE + FALSE)}, not {value!r}."
        )
    return value in TRUE


def env_int(name, default):
    """A whole number, zero or more; anything else stops the start."""
    value = env_str(name).strip()
    if not value:
        return default
    if not value.isdecimal():
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.")
    return int(value)


def env_choice(name, default, choices):
    """One of `choices` (`default` when empty); anything else stops the start."""
    value = env_str(name).strip() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def env_list(name, default):
    """Comma-separated values."""
    value = env_str(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]
