"""The briefing pack as a 16:9 PowerPoint deck (python-pptx).

Slides: a title slide, the headline figures, one slide per main chart (a PNG drawn at
slide resolution under the slide's own, editable title; the image keeps the subtitle,
the notes and the source line), and the latest events with their sources as native
tables, outlets linked to the reports. Speaker notes repeat what each slide shows in
words. Dates in the file's properties are the generation date, so a deck can be rebuilt
byte for byte apart from the zip's own timestamps.
"""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ..charts import style
from .brief import Brief
from .figures import Size, chart_figure
from .images import render

WIDE, HIGH = Inches(13.333), Inches(7.5)
BODY = Size("deck", 1280, 610, 1.5, "chart area of a 16:9 slide")  # below the slide title
EVENTS_PER_SLIDE = 6
TITLE_SLIDE, TITLE_ONLY = 0, 5  # layouts of python-pptx's default template
INK, MUTED, ACCENT = (RGBColor.from_string(c.lstrip("#")) for c in
                      (style.LIGHT["text"], style.LIGHT["muted"], style.CATEGORICAL[0]))
COLUMNS = (("date", 1.35), ("place", 1.9), ("who and what", 2.45), ("evidence", 5.35),
           ("outlet", 1.65))  # inches, 12.7 in all


def deck_bytes(brief: Brief) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDE, HIGH
    _properties(prs, brief)
    _title_slide(prs, brief)
    _figures_slide(prs, brief)
    for spec in brief.charts:
        fig = chart_figure(brief.scope, spec.name, size=BODY, options=spec.options, title="")
        slide = _titled(prs, spec.title)
        slide.shapes.add_picture(io.BytesIO(render(fig, "png", BODY)), 0, Inches(0.95),
                                 width=WIDE)
        _notes(slide, f"{spec.title}. {brief.subtitle}. {brief.source}")
    pages = max(1, -(-len(brief.events) // EVENTS_PER_SLIDE)) if len(brief.events) else 0
    for page in range(pages):
        rows = brief.events.iloc[page * EVENTS_PER_SLIDE:(page + 1) * EVENTS_PER_SLIDE]
        suffix = f" ({page + 1} of {pages})" if pages > 1 else ""
        slide = _titled(prs, "Latest events and their sources" + suffix)
        _events_table(slide, rows)
        _footer(slide, brief.source)
        _notes(slide, "The latest events in view by event date, with the sentence each rests "
                      "on and the outlet that reported it.")
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _properties(prs, brief: Brief) -> None:
    when = dt.datetime.combine(brief.scope.generated, dt.time())
    props = prs.core_properties
    props.title, props.subject = brief.title, brief.subtitle
    props.author = props.last_modified_by = "nkviz"
    props.created = props.modified = props.last_printed = when
    props.revision = 1


def _title_slide(prs, brief: Brief) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_SLIDE])
    title, sub = slide.shapes.title, slide.placeholders[1]
    _place(title, 0.8, 2.0, 11.7, 1.6)
    _place(sub, 0.8, 3.8, 11.7, 2.2)
    _text(title.text_frame, brief.title, 40, bold=True)
    frame = sub.text_frame
    _text(frame, brief.subtitle, 22, colour=INK)
    _paragraph(frame, brief.generated_line, 14, colour=MUTED)
    _notes(slide, brief.description)


def _figures_slide(prs, brief: Brief) -> None:
    slide = _titled(prs, "Headline figures")
    for i, fig in enumerate(brief.figures):
        row, col = divmod(i, 4)
        box = slide.shapes.add_textbox(Inches(0.6 + col * 3.1), Inches(1.2 + row * 1.9),
                                       Inches(2.9), Inches(1.7))
        frame = box.text_frame
        frame.word_wrap = True
        size = 36 if len(fig.value) <= 6 else 28 if len(fig.value) <= 10 else 20  # names
        _text(frame, fig.value, size, bold=True, colour=ACCENT)
        _paragraph(frame, fig.label, 14, bold=True, colour=INK)
        _paragraph(frame, fig.detail, 11, colour=MUTED)
    box = slide.shapes.add_textbox(Inches(0.6), Inches(5.15), Inches(12.1), Inches(1.5))
    box.text_frame.word_wrap = True
    _text(box.text_frame, brief.description, 14, colour=INK)
    for note in brief.notes:
        _paragraph(box.text_frame, note, 12, colour=MUTED)
    _footer(slide, brief.source)
    _notes(slide, brief.description + " " + " ".join(brief.notes))


def _events_table(slide, rows) -> None:
    shape = slide.shapes.add_table(len(rows) + 1, len(COLUMNS), Inches(0.3), Inches(1.05),
                                   Inches(12.7), Inches(0.4 + 0.9 * len(rows)))
    table = shape.table
    for j, (name, width) in enumerate(COLUMNS):
        table.columns[j].width = Inches(width)
        cell = table.cell(0, j)
        _text(cell.text_frame, name.capitalize(), 11, bold=True)
    for i, row in enumerate(rows.itertuples(index=False), start=1):
        values = dict(zip(rows.columns, row))
        for j, (name, _) in enumerate(COLUMNS):
            frame = table.cell(i, j).text_frame
            frame.word_wrap = True
            run = _text(frame, values[name], 9 if name == "evidence" else 10, colour=INK)
            if name == "outlet" and values["link"]:
                run.hyperlink.address = values["link"]


def _titled(prs, title: str):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    _place(slide.shapes.title, 0.08, 0.15, 12.8, 0.75)  # in line with the images' text
    _text(slide.shapes.title.text_frame, title, 28, bold=True)
    slide.shapes.title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    return slide


def _footer(slide, text: str) -> None:
    box = slide.shapes.add_textbox(Inches(0.4), Inches(6.95), Inches(12.5), Inches(0.4))
    _text(box.text_frame, text, 10, colour=MUTED)


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _place(shape, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(Inches(v)) for v in
                                                        (left, top, width, height))


def _text(frame, text: str, size: int, *, bold: bool = False, colour=None):
    """Replace a frame's text with one run; returns the run (python-pptx escapes XML)."""
    frame.clear()
    run = frame.paragraphs[0].add_run()
    _style(run, text, size, bold, colour)
    return run


def _paragraph(frame, text: str, size: int, *, bold: bool = False, colour=None):
    run = frame.add_paragraph().add_run()
    _style(run, text, size, bold, colour)
    return run


def _style(run, text: str, size: int, bold: bool, colour) -> None:
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    if colour is not None:
        run.font.color.rgb = colour
