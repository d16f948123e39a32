"""Places the offline gazetteer does not know, asked of an optional online geocoder.

Only used when the user turns a geocoder on (``--geocoder nominatim``): place-like phrases
("Xyz County", "Xyz-ri") that no gazetteer entry matches are looked up, with "North
Korea" as context, and the answers become ordinary place findings. The geocoder's
failures (timeouts, answers outside the region) become problems in the ingest report.
"""

from __future__ import annotations

from ..geo.geocoders import GazetteerGeocoder, candidate_names
from ..ingest_report import Problem
from .places import PlaceFinding

CONTEXT = "North Korea"


def geocoded_places(text: str, geocoder, *, report=None, ingest=None) -> list[PlaceFinding]:
    if geocoder is None or isinstance(geocoder, GazetteerGeocoder):
        return []
    found = []
    for start, end, name in candidate_names(text):
        place = geocoder.geocode(name, CONTEXT)
        if place is not None:
            found.append(PlaceFinding(start, end, name, place))
    drain = getattr(geocoder, "drain_problems", None)
    if drain is not None and ingest is not None:
        for p in drain():
            where = report.input if report is not None else p.input
            record = f"{report.report_id}: {p.record}" if report is not None else p.record
            ingest.problems.append(Problem(where, record, p.reason, p.detail))
    return found
