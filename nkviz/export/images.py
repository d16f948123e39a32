"""Static images (PNG, SVG, PDF) through kaleido and the system's Chromium.

Starting a browser costs seconds, so one kaleido sync server is started on first use and
kept warm for later exports (:func:`start`/:func:`stop` control it explicitly; the
process exits with Python). The browser is looked up before the server starts: kaleido's
server thread would otherwise die on a missing browser and leave the caller waiting. Calls
are serialised with a lock because the sync server's result queue is shared: two threads
exporting at once (two dashboard downloads) could otherwise swap their images.

Nothing is fetched from the network: the page kaleido draws in loads plotly.js from the
installed plotly package and MathJax is switched off (kaleido would load it from a CDN).
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import io
import logging
import os
import re
import threading
from pathlib import Path

import plotly.graph_objects as go

from ..errors import ConfigError, ExportError
from .figures import Size

FORMATS = ("png", "svg", "pdf")
INSTALL_HINT = ("Static images (PNG, SVG, PDF) need Chromium or Chrome. Install it with "
                "`sudo apt-get install chromium` (Debian/Ubuntu) or point BROWSER_PATH at a "
                "Chrome/Chromium executable. HTML and data exports work without it.")
TIMEOUT = 120  # seconds for one image: a big map on a busy machine takes a few
# Maps are drawn by MapLibre into a canvas at the window's pixel ratio and embedded as a
# bitmap: at ratio 1 a 300 dpi map is blurred. The page reports the ratio each figure asks
# for (layout.meta, set per render: the PNG scale; 2 for SVG and PDF), so a slide is not
# drawn at print density (a map canvas costs time in proportion to its pixels).
VECTOR_PIXEL_RATIO = 2
_RATIO_SCRIPT = """<script>
Object.defineProperty(window, 'devicePixelRatio', {get: () => {
  const gd = document.querySelector('.js-plotly-plot');
  const meta = gd && gd.layout && gd.layout.meta;
  return (meta && meta.nkviz_pixel_ratio) || 1;
}});
</script>"""

_lock = threading.Lock()
_started = False
_broken = ""  # why the warm browser stopped answering (kaleido's server cannot be replaced)


def find_browser() -> str:
    """Path of the Chromium/Chrome kaleido will use; :class:`ExportError` when there is none."""
    from choreographer.browsers.chromium import Chromium

    env = os.environ.get("BROWSER_PATH", "").strip()
    path = env or Chromium.find_browser(skip_local=False)
    if not path or not Path(path).is_file() or not os.access(path, os.X_OK):
        where = f" (BROWSER_PATH={env!r} is not an executable file)" if env else ""
        raise ExportError(f"No browser found for static image export{where}. {INSTALL_HINT}")
    return str(path)


def browser_available() -> bool:
    try:
        find_browser()
    except ExportError:
        return False
    return True


def start() -> None:
    """Start the warm kaleido server (no-op when running); raises ExportError without a browser."""
    with _lock:
        _start_locked()


def _start_locked() -> None:
    global _started
    import kaleido

    if _broken:
        raise ExportError(_broken)
    if _started:
        return
    path = find_browser()
    # A browser closing mid-message makes choreographer log a traceback it then ignores;
    # real failures reach us as exceptions.
    logging.getLogger("choreographer.channels.pipe").setLevel(logging.CRITICAL)
    kaleido.start_sync_server(path=path, page_generator=_page(), timeout=TIMEOUT,
                              silence_warnings=True)
    _started = True
    # close the browser before Python removes its temporary profile (atexit runs in reverse)
    atexit.register(stop)


def _page():
    """kaleido's page with plotly.js from the installed package, no MathJax (a CDN
    script), and a high pixel ratio so map bitmaps are sharp."""
    from kaleido import PageGenerator

    class Page(PageGenerator):
        def generate_index(self) -> str:
            return super().generate_index().replace("<head>", "<head>\n" + _RATIO_SCRIPT, 1)

    return Page(mathjax=False)


def stop() -> None:
    """Stop the warm server (the next export starts a new one)."""
    global _started
    import kaleido

    with _lock:
        if _started:
            kaleido.stop_sync_server(silence_warnings=True)
            _started = False


def is_running() -> bool:
    return _started


def render(fig: go.Figure, fmt: str, size: Size) -> bytes:
    """The figure as PNG, SVG or PDF bytes at ``size`` (PNG at the size's scale)."""
    import kaleido

    if fmt not in FORMATS:
        raise ConfigError(f"cannot render {fmt!r}; choose one of {', '.join(FORMATS)}")
    opts = dict(format=fmt, width=size.width, height=size.height,
                scale=size.scale if fmt == "png" else 1)
    spec = fig.to_dict()
    for i, trace in enumerate(spec["data"]):
        trace.setdefault("uid", f"t{i}")  # plotly would draw random ids into the SVG
    meta = spec["layout"].get("meta")
    ratio = size.scale if fmt == "png" else VECTOR_PIXEL_RATIO
    spec["layout"]["meta"] = dict(meta if isinstance(meta, dict) else {"value": meta},
                                  nkviz_pixel_ratio=max(1.0, ratio))
    with _lock:
        _start_locked()
        data = _call(lambda: kaleido.calc_fig_sync(spec, opts=opts), fmt)
    return stable_svg(data) if fmt == "svg" else data


def stable_svg(data: bytes) -> bytes:
    """Replace plotly's random element-id stem with one derived from the drawing, so the
    same chart gives the same SVG (and two charts in one document still differ)."""
    text = data.decode("utf-8")
    found = re.search(r'id="defs-([0-9a-f]{6})"', text)
    if not found:
        return data
    stem = found.group(1)
    blank = text.replace(stem, "")
    stable = "n" + hashlib.blake2b(blank.encode("utf-8"), digest_size=3).hexdigest()[1:]
    return text.replace(stem, stable).encode("utf-8")


def stamp_pdf(data: bytes, *, title: str, generated: dt.date) -> bytes:
    """A PDF with nkviz's metadata: its title and the generation date instead of the
    moment Chromium printed it, so the same export gives the same bytes."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    stamp = f"D:{generated:%Y%m%d}000000Z"
    writer.metadata = {"/Title": title, "/Author": "nkviz", "/Creator": "nkviz",
                       "/Producer": "nkviz (plotly, kaleido, pypdf)", "/CreationDate": stamp,
                       "/ModDate": stamp}
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _call(work, fmt: str) -> bytes:
    """Run one render with a watchdog: if the server thread died (the browser crashed at
    start), kaleido would wait for it forever."""
    global _broken
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True, name="nkviz-kaleido-call")
    worker.start()
    worker.join(TIMEOUT + 30)
    if worker.is_alive():
        _broken = (f"Chromium stopped answering (no {fmt.upper()} image after {TIMEOUT + 30} s); "
                   "restart nkviz to export images again. HTML and data exports still work.")
        raise ExportError(_broken)
    if "error" in box:
        raise ExportError(f"Chromium could not draw the {fmt.upper()} image: "
                          f"{box['error']}") from box["error"]
    return box["value"]
