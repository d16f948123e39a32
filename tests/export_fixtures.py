"""Shared by the export tests: one warm kaleido browser per test session, a small scope."""

from __future__ import annotations

import datetime as dt

import pytest

from nkviz import filters
from nkviz.export import ExportScope, images

GENERATED = dt.date(2026, 11, 22)


def has_browser() -> bool:
    return images.browser_available()


needs_browser = pytest.mark.skipif(not has_browser(),
                                   reason="no Chromium/Chrome installed (sudo apt-get install "
                                          "chromium): static image exports cannot be tested")


def with_browser(test):
    """Mark a test that renders images: skipped without a browser, kaleido kept warm."""
    return needs_browser(pytest.mark.usefixtures("kaleido_server")(test))


@pytest.fixture(scope="session")
def kaleido_server():
    """Start kaleido's browser once for the whole session and stop it at the end."""
    images.start()
    yield
    images.stop()


def scope_of(events, chosen: filters.Filters | None = None, **kwargs) -> ExportScope:
    chosen = chosen or filters.Filters()
    return ExportScope(filters.apply(events, chosen), chosen, GENERATED, **kwargs)
