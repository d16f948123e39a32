"""The one exception tree.

Configuration mistakes raise (with the valid choices in the message); data mistakes in
user input become :class:`nkviz.ingest_report.Problem` records instead of exceptions.
"""

from __future__ import annotations


class NkvizError(Exception):
    """Base of every error nkviz raises on purpose."""


class ConfigError(NkvizError, ValueError):
    """A bad option, setting or argument; the message lists the valid choices."""


class InputError(NkvizError, ValueError):
    """A user's file or record that cannot be read as a report."""


class SchemaError(NkvizError, ValueError):
    """A frame that does not follow the canonical event schema."""


class GazetteerError(NkvizError, LookupError):
    """The shipped gazetteer or boundaries are missing or inconsistent."""


class GeocoderError(NkvizError, RuntimeError):
    """An optional online geocoder failed (timeout, refusal, bad answer)."""


class ExportError(NkvizError, RuntimeError):
    """An export could not be produced (e.g. no browser for static images)."""
