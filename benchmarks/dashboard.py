"""Dashboard benchmark: cold start, rerun after a filter change per page, figure JSON sizes.

    python benchmarks/dashboard.py                      # 1,000 / 10,000 / 100,000 events
    python benchmarks/dashboard.py --sizes 100000 --changes 8

Events come from :mod:`nkviz.synth` (``NKVIZ_SYNTH=<n>``), and the pages run under
Streamlit's AppTest, i.e. the server side only: script run plus building and serialising
every element, without the browser. "cold" is a page's first run in a fresh process state
(caches cleared; for the Overview this includes generating the events, which stands in for
loading a corpus); "rerun" is the run after one filter widget changes to a value not seen
before (so nothing is served from the view or figure caches). Prints wall-clock times and
the CPU time of this process (steadier when other work shares the machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = {"Overview": None, "Timeline": "pages/timeline.py", "Border map": "pages/border_map.py",
         "Agencies & themes": "pages/agencies_themes.py", "Events": "pages/events.py",
         "Data": "pages/data.py"}
# Filter changes, each to a value the caches have not seen; the next change starts from it.
CHANGES = [
    ("slider", "years", (2014, 2021)), ("multiselect", "provinces", ["Ryanggang", "North Hamgyong"]),
    ("multiselect", "themes", ["crackdown_arrest", "defection_border"]),
    ("text_input", "q", "market"), ("select_slider", "date_precision", "month"),
    ("slider", "years", (2012, 2023)), ("multiselect", "provinces", []),
    ("multiselect", "agencies", ["Ministry of State Security"]), ("text_input", "q", ""),
    ("multiselect", "themes", []), ("select_slider", "date_precision", "unknown"),
    ("multiselect", "agencies", []),
]


def _navigation_mode() -> None:
    """AppTest runs a lone page file when pages/ exists; the server uses st.navigation."""
    from streamlit.runtime.pages_manager import PagesManager

    init = PagesManager.__init__

    def patched(self, *args, **kwargs):
        init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = patched


def _set(at, kind: str, key: str, value) -> None:
    getattr(at, kind)(key=key).set_value(value)


def bench_size(n: int, changes: int) -> dict[str, dict[str, float]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["NKVIZ_SYNTH"] = str(n)
    st.cache_resource.clear()
    st.cache_data.clear()
    out: dict[str, dict[str, float]] = {}
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    for name, page in PAGES.items():
        if page:
            at.switch_page(page)
        t = time.perf_counter()
        at.run()
        cold = time.perf_counter() - t
        assert not at.exception, [e.value for e in at.exception]
        reruns, cpu = [], []
        for i in range(changes):
            kind, key, value = CHANGES[i % len(CHANGES)]
            _set(at, kind, key, value)
            t, c = time.perf_counter(), time.process_time()
            at.run()
            reruns.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            assert not at.exception, [e.value for e in at.exception]
        reset = [b for b in at.button if b.label == "Reset all filters"][0]
        reset.click().run()
        out[name] = {"cold": cold, "median": statistics.median(reruns), "max": max(reruns),
                     "cpu": statistics.median(cpu)}
    return out


def figure_sizes(n: int) -> dict[str, int]:
    from nkviz import moments, synth
    from nkviz.charts import CHARTS

    events = synth.events(n, seed=0)
    sizes = {}
    for name, fn in CHARTS.items():
        kwargs = {"moments": moments.load().frame} if name in ("timeline", "strip") else {}
        if name == "timeline":
            kwargs["by"] = "theme"
        fig = fn(events, **kwargs)
        sizes[name] = len(json.dumps(fig.to_plotly_json(), default=str))
    return sizes


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--changes", type=int, default=6, help="filter changes timed per page")
    args = parser.parse_args(argv)
    _navigation_mode()
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    print(f"{'events':>8}  {'page':<18} {'cold s':>7} {'rerun ms median':>16} {'max':>6} "
          f"{'CPU ms median':>14}")
    for n in args.sizes:
        for page, t in bench_size(n, args.changes).items():
            print(f"{n:>8,}  {page:<18} {t['cold']:>7.2f} {1000 * t['median']:>16.0f} "
                  f"{1000 * t['max']:>6.0f} {1000 * t['cpu']:>14.0f}")
    print()
    n = max(args.sizes)
    print(f"figure JSON per chart at {n:,} events (all events, no filter):")
    for name, size in figure_sizes(n).items():
        print(f"  {name:<26} {size / 1000:>8.1f} KB")


if __name__ == "__main__":
    main()
