"""nkviz: dated, geocoded events from reports on repression and resistance in North Korea."""

__version__ = "0.1.0"
