"""Files, folders, zips and uploads: every input accounted for, ids unique and stable."""

import gzip
import io
import json
import zipfile

import pytest

from nkviz.readers import read_bytes, read_paths
from nkviz.readers.dedupe import clean_url, normalise_url, text_key

T1 = "Security officials in Onsong questioned four families on Tuesday, a source said."
T2 = "Rice prices in Hoeryong rose by a third in March as fewer goods crossed the river."
T3 = "Factory workers in Chongjin were ordered to attend weekly lectures on foreign films."


def write(root, files: dict):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())


def zipped(files: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def test_folder_is_walked_recursively_and_in_order(tmp_path):
    write(tmp_path, {"b/2019/one.txt": T1, "a/two.md": T2, "a/deep/er/three.txt": T3})
    reports, ingest = read_paths([tmp_path])
    assert [r.report_id for r in reports] == ["three", "two", "one"]  # sorted, depth first
    assert ingest.balanced() and len(ingest.files) == 3
    assert reports[2].input == str(tmp_path / "b" / "2019" / "one.txt")


def test_hidden_files_clutter_and_browser_asset_folders_are_skipped(tmp_path):
    page = f"<html><body><article><p>{T1}</p></article></body></html>"
    write(tmp_path, {"a.txt": T1.replace("four", "five"), ".hidden.txt": T2, ".git/x.txt": T2,
                     "__MACOSX/._a.txt": b"\x00\x05", "Thumbs.db": b"\x00",
                     "page.html": page, "page_files/style.css": "body{}",
                     "page_files/app.js": "x=1"})
    reports, ingest = read_paths([tmp_path])
    assert sorted(r.report_id for r in reports) == ["a", "page"]
    assert len(ingest.entries) == 2


def test_same_stem_in_two_folders_gets_a_suffix(tmp_path):
    write(tmp_path, {"2019/report.txt": T1, "2020/report.txt": T2, "2021/report.csv":
                     f"text\n{T3}\n"})
    reports, _ = read_paths([tmp_path])
    assert [r.report_id for r in reports] == ["report", "report~2", "report~3#1"]
    again, _ = read_paths([tmp_path])
    assert [r.report_id for r in again] == ["report", "report~2", "report~3#1"]


def test_a_literal_tilde_name_does_not_collide(tmp_path):
    write(tmp_path, {"a/x.txt": T1, "b/x.txt": T2, "c/x~2.txt": T3})
    reports, _ = read_paths([tmp_path])
    ids = [r.report_id for r in reports]
    assert len(set(ids)) == 3


def test_the_same_file_given_twice_is_read_once(tmp_path):
    write(tmp_path, {"a.txt": T1})
    reports, ingest = read_paths([tmp_path, tmp_path / "a.txt"])
    assert len(reports) == 1 and len(ingest.entries) == 1


def test_missing_path_is_rejected(tmp_path):
    _, ingest = read_paths([tmp_path / "nope.txt"])
    (e,) = ingest.entries
    assert (e.status, e.reason) == ("rejected", "unreadable")
    assert "no such file" in e.detail


def test_single_path_string_is_accepted(tmp_path):
    write(tmp_path, {"a.txt": T1})
    reports, _ = read_paths(str(tmp_path / "a.txt"))
    assert len(reports) == 1


def test_zip_members_are_read_like_files(tmp_path):
    data = zipped({"posts/a.txt": T1, "posts/a.json": json.dumps({"title": "Families"}),
                   "posts/b.csv": f"text\n{T2}\n{T3}\n", "__MACOSX/posts/._a.txt": "x",
                   "posts/.DS_Store": "x", "empty/": ""})
    (tmp_path / "bundle.zip").write_bytes(data)
    reports, ingest = read_paths([tmp_path / "bundle.zip"])
    assert [r.report_id for r in reports] == ["a", "b#1", "b#2"]
    assert reports[0].input == f"{tmp_path / 'bundle.zip'}!posts/a.txt"
    assert reports[0].title == "Families"  # the sidecar inside the zip
    assert ingest.balanced() and len(ingest.entries) == 3


def test_uploaded_zip_and_nested_zip():
    inner = zipped({"c.txt": T3})
    reports, ingest = read_bytes("upload.zip", zipped({"a.txt": T1, "inner.zip": inner}))
    assert [r.input for r in reports] == ["upload.zip!a.txt", "upload.zip!inner.zip!c.txt"]


def test_truncated_zip_is_rejected():
    data = zipped({"a.txt": T1 * 50, "b.txt": T2 * 50})
    reports, ingest = read_bytes("broken.zip", data[: len(data) // 2])
    assert reports == []
    (e,) = ingest.entries
    assert e.reason == "unreadable" and "zip" in e.detail


def test_empty_zip():
    _, ingest = read_bytes("empty.zip", zipped({}))
    assert ingest.entries[0].reason == "empty"


def test_damaged_zip_member_is_rejected_alone():
    data = bytearray(zipped({"a.txt": T1 * 20, "b.txt": T2 * 20}))
    start = data.find(b"b.txt") + 10  # corrupt b's compressed bytes, not the directory
    data[start:start + 20] = b"\xff" * 20
    reports, ingest = read_bytes("x.zip", bytes(data))
    assert ingest.balanced() and len(ingest.entries) == 2
    assert any(e.status == "rejected" for e in ingest.entries)


def test_gzip_file():
    reports, _ = read_bytes("export.csv.gz", gzip.compress(f"text\n{T1}\n".encode()))
    assert [r.report_id for r in reports] == ["export#1"]


def test_too_large_files_are_rejected(tmp_path):
    write(tmp_path, {"big.txt": T1 * 100, "small.txt": T2})
    reports, ingest = read_paths([tmp_path], max_bytes=1000)
    assert [r.report_id for r in reports] == ["small"]
    big = next(e for e in ingest.entries if e.input.endswith("big.txt"))
    assert big.reason == "too_large" and "MB" in big.detail


def test_zip_member_too_large_and_gzip_bomb():
    _, ingest = read_bytes("x.zip", zipped({"big.txt": "a " * 5000, "ok.txt": T1}),
                           max_bytes=2000)
    assert [e.reason for e in ingest.entries] == ["too_large", ""]
    _, ingest = read_bytes("bomb.txt.gz", gzip.compress(b"a" * 100_000), max_bytes=10_000)
    assert ingest.entries[0].reason == "too_large"


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n   ", "empty"),
    ("bom.txt", b"\xef\xbb\xbf  \n", "empty"),
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "unsupported"),
    ("photo.txt", b"\xff\xd8\xff\xe0" + bytes(100), "unsupported"),  # a JPEG named .txt
    ("noise.txt", bytes(range(256)) * 8, "unreadable"),
    ("style.css", b"body { color: red }", "unsupported"),
    ("old.doc", b"\xd0\xcf\x11\xe0" + bytes(100), "unsupported"),
    ("digits.txt", b"12345 67890\n", "not_a_report"),
    ("tiny.txt", b"ok", "not_a_report"),
])
def test_rejections_have_reason_and_sentence(name, data, reason):
    reports, ingest = read_bytes(name, data)
    assert reports == []
    (e,) = ingest.entries
    assert (e.status, e.reason, e.record) == ("rejected", reason, "")
    assert e.detail.startswith(name + " ") and len(e.detail) > len(name) + 8


def test_docx_document():
    xml = ('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Families questioned in Onsong'
           f'</w:t></w:r></w:p><w:p><w:r><w:t>{T1}</w:t></w:r></w:p></w:body></w:document>')
    (r,), _ = read_bytes("memo.docx", zipped({"word/document.xml": xml}))
    assert (r.title, r.text) == ("Families questioned in Onsong", T1)


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer, built by hand."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({x}) '" for x in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = "%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_pdf_text_layer():
    (r,), _ = read_bytes("levy.pdf", _pdf(["Grain levy in Kowon", "",
                                           "Farmers in Kowon county were told to hand over",
                                           "more grain this month, residents said."]))
    assert r.title == "Grain levy in Kowon"
    assert r.text == ("Farmers in Kowon county were told to hand over more grain this month, "
                      "residents said.")


def test_damaged_pdf():
    _, ingest = read_bytes("x.pdf", b"%PDF-1.4\n garbage")
    assert ingest.entries[0].status == "rejected"


# Duplicates ------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("https://www.dailynk.com/english/x/", "http://dailynk.com/english/x"),
    ("https://www.dailynk.com/english/x/?utm_source=tw&utm_medium=rss", "https://dailynk.com/english/x"),
    ("https://dailynk.com/english/x#comments", "https://dailynk.com/english/x/"),
    ("https://m.rfa.org/a.html?fbclid=1", "https://www.rfa.org/a.html"),
    ("https://example.org/read.php?num=1&cat=2", "https://example.org/read.php?cat=2&num=1"),
    ("https://EXAMPLE.org/a", "https://example.org/a"),
])
def test_same_url(a, b):
    assert normalise_url(a) == normalise_url(b) != ""


@pytest.mark.parametrize("a, b", [
    ("https://example.org/read.php?num=1", "https://example.org/read.php?num=2"),
    ("https://example.org/a", "https://example.org/b"),
    ("https://freekorea.us/?p=29471", "https://freekorea.us/?p=26403"),
])
def test_different_url(a, b):
    assert normalise_url(a) != normalise_url(b)


def test_clean_url_drops_only_tracking():
    assert clean_url("https://x.org/a?num=3&utm_source=y#top") == "https://x.org/a?num=3"
    assert clean_url("https://x.org/a") == "https://x.org/a"


def test_same_text_ignores_case_spacing_and_quotes():
    assert text_key("“Guards,” he said.\n\nThey   left.") == text_key('"guards" he said they left')
    assert text_key(T1) != text_key(T2)


def test_duplicates_are_counted_once(tmp_path):
    write(tmp_path, {
        "a.txt": T1,
        "b.txt": T1.upper().replace(" ", "  "),  # the same words
        "c.md": f"---\nurl: https://www.dailynk.com/english/x/\n---\n{T2}",
        "d.md": f"---\nurl: http://dailynk.com/english/x?utm_source=rss\n---\n{T3}",
        "e.csv": f'text\n"{T1}"\n"{T2}"\n"{T3}"\n',
    })
    reports, ingest = read_paths([tmp_path])
    # d repeats c's URL, so d's own text was never counted: e#3 is the first T3.
    assert [r.report_id for r in reports] == ["a", "c", "e#3"]
    dups = {(e.report_id, e.reason, e.duplicate_of) for e in ingest.duplicates()}
    assert dups == {("b", "same text", "a"), ("d", "same url", "c"),
                    ("e#1", "same text", "a"), ("e#2", "same text", "c")}
    c = ingest.counts()
    assert c["records"] == c["accepted"] + c["rejected"] + c["duplicates"] == 7
    assert c["duplicates"] == 4


def test_entry_per_record_and_accounting_invariant(tmp_path):
    write(tmp_path, {"rows.csv": f"title,text\nA,{T1}\nB,\nC,{T2}\n", "bad.json": "[1,",
                     "ok.txt": T3})
    reports, ingest = read_paths([tmp_path])
    by_file = {}
    for e in ingest.entries:
        by_file.setdefault(e.input.rsplit("/", 1)[-1], []).append(e)
    assert [e.record for e in by_file["rows.csv"]] == ["row 1", "row 2", "row 3"]
    assert [e.record for e in by_file["bad.json"]] == [""]
    assert ingest.balanced() and len(reports) == 3
    accepted = [e.report_id for e in ingest.entries if e.status == "accepted"]
    assert accepted == [r.report_id for r in reports]
