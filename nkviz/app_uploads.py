"""Reports added from the browser: into this session, or into the data folder when local.

A session upload is loaded with :func:`nkviz.load.load_bytes` and kept in the session
only (other viewers never see it). Saving into ``data/reports/uploads/`` is offered only
when the app is opened from the machine it runs on (a shared server must not take files
from every visitor); the corpus key then changes and the data is read again. The loader
reports bad files as data; anything else that goes wrong with a user's file becomes a
message, never a stack trace.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

from . import app
from .errors import NkvizError
from .paths import REPORTS_DIR

LOG = logging.getLogger(__name__)
UPLOAD_DIR = REPORTS_DIR / "uploads"
SAVED_KEY = "_nkviz_saved"
MESSAGES_KEY = "_nkviz_upload_messages"
NO_SAVE_ENV = "NKVIZ_NO_SAVE"  # set to 1 to never offer saving, even locally


@dataclass(frozen=True)
class Upload:
    name: str
    size: int
    result: object  # nkviz.load.LoadResult


LOOPBACK = ("localhost", "127.0.0.1", "::1")


def running_locally() -> bool:
    """True when the viewer's browser is on the server's machine (and saving is allowed).

    Both the connection and the address in the browser must be loopback: behind a reverse
    proxy every visitor's connection comes from 127.0.0.1, but their address bar does not
    say localhost.
    """
    if os.environ.get(NO_SAVE_ENV, "") not in ("", "0"):
        return False
    try:
        ip, url = st.context.ip_address, st.context.url
    except Exception:  # noqa: BLE001 - no request context (tests, bare mode)
        return False
    host = urlparse(url).hostname if url else None
    return ip in (None, "127.0.0.1", "::1") and host in LOOPBACK


def digest(name: str, data: bytes) -> str:
    return hashlib.blake2b(name.encode() + b"\0" + data, digest_size=10).hexdigest()


def add_to_session(name: str, data: bytes) -> tuple[Upload | None, str]:
    """Load one uploaded file into this session; returns it (or None) and a message."""
    uploads = st.session_state.setdefault(app.UPLOADS_KEY, {})
    key = digest(name, data)
    if key in uploads:
        return uploads[key], ""
    try:
        from .load import load_bytes

        result = load_bytes(name, data)
    except NkvizError as exc:
        return None, f"{name}: {exc}"
    except Exception:  # noqa: BLE001 - a user's file must never show a stack trace
        LOG.exception("loading uploaded file %s failed", name)
        return None, (f"{name} could not be read because of an error in nkviz (details are "
                      "in the server log). Nothing from it was added.")
    upload = Upload(name, len(data), result)
    uploads[key] = upload
    return upload, ""


def save_to_folder(name: str, data: bytes) -> tuple[Path | None, str]:
    """Write an uploaded file into ``data/reports/uploads/`` (once per content)."""
    saved = st.session_state.setdefault(SAVED_KEY, {})
    key = digest(name, data)
    if key in saved:
        return saved[key], ""
    safe = re.sub(r"[^\w.\-]+", "_", Path(name).name).strip("._") or "upload"
    target = UPLOAD_DIR / safe
    n = 2
    while target.exists() and target.read_bytes() != data:
        target = UPLOAD_DIR / f"{Path(safe).stem}-{n}{Path(safe).suffix}"
        n += 1
    try:
        UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        return None, f"{name} could not be saved to {UPLOAD_DIR}: {exc}"
    saved[key] = target
    app.data_token(refresh=True)
    return target, ""


def session_uploads() -> list[Upload]:
    return list(st.session_state.get(app.UPLOADS_KEY, {}).values())


def clear_session() -> None:
    st.session_state.pop(app.UPLOADS_KEY, None)
    st.session_state.pop(MESSAGES_KEY, None)


def handle(files, *, save: bool) -> bool:
    """Add (or save) the uploaded files not seen before; True when the data changed.

    What happened to each file is kept for :func:`messages`, so it survives the rerun
    that shows the new data.
    """
    seen = st.session_state.setdefault(MESSAGES_KEY, {})
    changed = False
    for f in files:
        data = f.getvalue()
        key = ("save:" if save else "session:") + digest(f.name, data)
        if key in seen:
            continue
        if save:
            path, error = save_to_folder(f.name, data)
            seen[key] = ("ok", f"Saved {f.name} as {path.name} in {UPLOAD_DIR}; the data folder "
                               "is read again.") if path else ("error", error)
        else:
            upload, error = add_to_session(f.name, data)
            if upload:
                c = upload.result.ingest.counts()
                seen[key] = ("ok", f"{f.name}: {c['accepted']} reports, {c['events']} events, "
                                   f"{c['rejected']} rejected (details below).")
            else:
                seen[key] = ("error", error)
        changed = changed or seen[key][0] == "ok"
    return changed


def messages() -> list[tuple[str, str]]:
    return list(st.session_state.get(MESSAGES_KEY, {}).values())
