"""Article metadata: field names as people write them, dates, outlets, ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from urllib.parse import SplitResult, urlsplit

import dateparser

# The field names people commonly use for each article attribute, in priority order.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "articleBody", "article_body", "maintext", "story"),
    "title": ("title", "headline", "name"),
    "url": ("url", "link", "canonical_url", "source_url", "permalink", "uri"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename", "site", "publication", "domain"),
    "published": (
        "published", "date", "published_at", "publishedAt", "pubdate", "publication_date",
        "datePublished", "date_published", "time", "timestamp", "created_at",
    ),
    "author": ("author", "authors", "byline", "creator", "by"),
}

# Dates are read day-first only when the text says so; ISO and US forms parse as written.
DATEPARSER_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
# A time of day in a date string ("10:30", "T09:00").
TIME_RE = re.compile(r"\d{1,2}:\d{2}")


class BadDateError(ValueError):
    """A date field that no date parser understands."""


def pick_fields(record: Mapping[str, object]) -> dict[str, object]:
    """Map a record's own field names onto ours (first alias present wins)."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    out: dict[str, object] = {}
    for ours, names in FIELD_ALIASES.items():
        for name in names:
            value = record.get(name, lowered.get(name.lower()))
            if value not in (None, "", [], {}):
                out[ours] = value
                break
    return out


def as_text(value: object) -> str | None:
    """A metadata value as one string (lists of authors joined, objects by their name)."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title") or value.get("url")
    if isinstance(value, (list, tuple)):
        parts = [as_text(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    text = " ".join(str(value).split())
    return text or None


def normalise_date(value: object) -> str | None:
    """ISO 8601 date (or date-time when a time is given); raises BadDateError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds or seconds
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None).isoformat()
        except (ValueError, OverflowError, OSError) as exc:  # NaN, or past year 9999
            raise BadDateError(f"cannot read {value!r} as a time stamp ({exc})") from exc
    text = str(value).strip()
    try:
        parsed = dt.date.fromisoformat(text)
        return parsed.isoformat()
    except ValueError:
        pass
    try:  # ISO date-time: the wall-clock time as the page wrote it, offset dropped
        return dt.datetime.fromisoformat(text).replace(tzinfo=None).isoformat()
    except ValueError:
        pass
    parsed_dt = dateparser.parse(text, settings=DATEPARSER_SETTINGS)
    if parsed_dt is None:
        raise BadDateError(f"cannot read {text!r} as a date")
    if TIME_RE.search(text):
        return parsed_dt.replace(tzinfo=None).isoformat()
    return parsed_dt.date().isoformat()


def split_url(url: str) -> SplitResult | None:
    """The parts of a URL as pages write them, or None for one that cannot be read
    ("http://[bad": an unclosed IPv6 bracket)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def outlet_from_url(url: str | None) -> str | None:
    """The URL's host without "www.", the outlet of last resort."""
    parts = split_url(url if url is None or "//" in url else f"//{url}") if url else None
    host = parts.hostname if parts else None
    return host.removeprefix("www.") if host else None


def article_id(text: str) -> str:
    """Stable id from the normalised body: same text, same id, on any machine."""
    canonical = " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
