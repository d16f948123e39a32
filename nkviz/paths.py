"""Where the shipped data lives.

The data folder sits beside the package in the repository (the project installs in
editable mode), so it is found relative to this file, never the working directory.
``NKVIZ_DATA`` points elsewhere, e.g. for a packaged install.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("NKVIZ_DATA") or PACKAGE_DIR.parent / "data")
VOCAB_DIR = DATA_DIR / "vocab"
REPORTS_DIR = DATA_DIR / "reports"


def data_file(*parts: str) -> Path:
    """Path of a shipped data file, e.g. ``data_file("vocab", "themes.yaml")``."""
    return DATA_DIR.joinpath(*parts)
