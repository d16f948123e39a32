"""Documents people save reports in besides text and web pages: .docx, .pdf, .mhtml.

Each is reduced to text (or, for MHTML, to the page inside it) and handed to the text or
HTML reader, so the same title, date-line and boilerplate rules apply.
"""

from __future__ import annotations

import email
import email.policy
import io
import zipfile

from lxml import etree

from .base import Meta, Parsed

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PDF_PAGES = 2000


def read_docx(data: bytes, hint: Meta) -> Parsed:
    """A Word document's paragraphs as a text report."""
    from .text import read_text

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(xml, parser)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError) as err:
        return Parsed.rejected("unreadable", f"is not a readable Word document ({err})")
    paragraphs = []
    for p in root.iter(f"{_W}p"):
        parts = []
        for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
            parts.append(el.text or "" if el.tag == f"{_W}t" else
                         " " if el.tag == f"{_W}tab" else "\n")
        paragraphs.append("".join(parts))
    return read_text("\n\n".join(paragraphs), is_markdown=False, hint=hint)


def read_pdf(data: bytes, hint: Meta) -> Parsed:
    """A PDF's text layer as a text report (scanned PDFs without one are rejected)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    from .text import read_text

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, IndexError,
            AttributeError, RecursionError, ZeroDivisionError) as err:
        return Parsed.rejected("unreadable", f"is not a readable PDF ({type(err).__name__}: "
                                             f"{err})")
    text = "\n\n".join(pages)
    if not text.strip():
        return Parsed.rejected("empty", "is a PDF without a text layer (a scan?); run OCR "
                                        "on it first")
    return read_text(text, is_markdown=False, hint=hint)


def read_mhtml(data: bytes, hint: Meta) -> Parsed:
    """A web page saved as a single file (.mhtml/.mht): its HTML part, read as a page."""
    from .html import read_html
    from .text import read_text

    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        parts = list(message.walk())
    except (ValueError, TypeError, IndexError, LookupError) as err:
        return Parsed.rejected("unreadable", f"is not a readable MHTML page ({err})")
    for wanted, reader in (("text/html", read_html), ("text/plain", None)):
        for part in parts:
            if part.get_content_type() != wanted:
                continue
            try:
                content = part.get_content()
            except (LookupError, ValueError, AssertionError):
                continue
            if isinstance(content, bytes):
                content = content.decode("utf-8", "replace")
            if reader is read_html:
                return read_html(content, hint=hint)
            return read_text(content, is_markdown=False, hint=hint)
    return Parsed.rejected("not_a_report", "is an MHTML file without an HTML or text part")
