"""Style: colour-blind-safe colours, escaping, titles added afterwards, templates."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from nkviz.charts import CHARTS, style

from dashboard_fixtures import small_frame


def test_colours_are_stable_and_grey_for_other():
    c = style.colours(["a", "b", "Other", "(no theme)", "c"])
    assert c["a"] == style.OKABE_ITO[0] and c["b"] == style.OKABE_ITO[1] and c["c"] == style.OKABE_ITO[2]
    assert c["Other"] == c["(no theme)"] == style.GREY


@pytest.mark.parametrize("text, expected", [
    ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
    ('a & "b"  \n c', "a &amp; &#34;b&#34; c"),  # numeric: plotly decodes them
    ("x" * 10, "xxxx…"),
])
def test_hover_escape(text, expected):
    assert style.hover_escape(text, limit=5 if len(text) == 10 else 300) == expected


def test_wrap_breaks_long_lines():
    assert style.wrap("aaa bbb ccc", 7) == "aaa bbb<br>ccc"


def test_add_titles_afterwards_escaped():
    fig = CHARTS["themes"](small_frame())
    top = fig.layout.margin.t
    style.add_titles(fig, title="Themes <i>", subtitle="6 events, all years", source="nkviz")
    assert "&lt;i&gt;" in fig.layout.title.text and "6 events" in fig.layout.title.text
    assert fig.layout.margin.t > top
    assert fig.layout.annotations[-1].text == "nkviz"


@pytest.mark.parametrize("dark", [False, True])
def test_templates(dark):
    fig = style.apply_template(go.Figure(), dark=dark)
    bg = fig.layout.template.layout.paper_bgcolor
    assert bg == (style.DARK["bg"] if dark else style.LIGHT["bg"])
    assert "Noto Sans CJK KR" in fig.layout.template.layout.font.family


def test_every_chart_sets_legible_fonts():
    for name, fn in CHARTS.items():
        fig = fn(small_frame())
        assert fig.layout.font.size >= 14, name
        assert "Noto Sans CJK KR" in fig.layout.font.family, name
