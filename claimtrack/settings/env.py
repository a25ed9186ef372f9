"""The one place where settings read the environment (see .env.example for every variable)."""

import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} is not set. It is required with these settings; "
            f"see .env.example for what it holds."
        )
    return default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use 1/0, true/false, yes/no or on/off.")


def env_list(name: str, default: list[str] | None = None, *, required: bool = False) -> list[str]:
    value = env_str(name, required=required)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_count(name: str, default: int, *, what: str) -> int:
    """A whole number, 0 or more; `what` tells the reader of the error what to count."""
    value = env_str(name, str(default))
    # Not str.isdigit(): it takes "²" and other digits that int() refuses.
    if not (value.isascii() and value.isdigit()):
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number, 0 or more: write {what}.")
    return int(value)


RATE_PERIODS = ("second", "minute", "hour", "day")


def env_rate(name: str, default: str) -> str | None:
    """A request rate ("120/minute") for DRF's throttles, or None for "off"."""
    value = env_str(name, default)
    if value.lower() == "off":
        return None
    count, _, period = value.partition("/")
    if not count.isdigit() or period not in RATE_PERIODS:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a rate: write it as a number of requests per {'/'.join(RATE_PERIODS)}, "
            f"e.g. 120/minute, or off."
        )
    return value
