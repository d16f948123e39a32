"""Property tests: no input makes the readers raise, and the accounts always balance."""

import io
import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkviz.readers import read_bytes, read_paths

DATA = Path(__file__).parent / "data" / "readers"
EXTENSIONS = ["txt", "md", "html", "htm", "csv", "tsv", "json", "jsonl", "xml", "rss",
              "zip", "gz", "xlsx", "docx", "pdf", "mhtml", "", "bin", "css", "weird"]
FIXTURES = sorted(p.read_bytes() for p in DATA.iterdir() if p.is_file())
# NKVIZ_FUZZ_EXAMPLES=2000 for a long local run; CI keeps the default small.
EXAMPLES = int(os.environ.get("NKVIZ_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(ingest, reports):
    assert ingest.balanced()
    assert ingest.entries, "every input leaves at least one entry"
    assert not [p for p in ingest.problems if p.reason == "internal_error"], ingest.problems
    ids = [r.report_id for r in reports]
    assert len(ids) == len(set(ids))
    accepted = [e.report_id for e in ingest.entries if e.status == "accepted"]
    assert accepted == ids
    for e in ingest.entries:
        if e.status == "rejected":
            assert e.reason and e.detail


names = st.builds(lambda stem, ext: f"{stem}.{ext}" if ext else stem,
                  st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1,
                          max_size=12),
                  st.sampled_from(EXTENSIONS))


@FAST
@given(name=names, data=st.binary(max_size=3000))
def test_random_bytes_never_raise(name, data):
    reports, ingest = read_bytes(name, data)
    check(ingest, reports)


@FAST
@given(name=names, text=st.text(max_size=2000),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp949", "cp1252", "utf-8-sig"]))
def test_random_text_in_any_encoding_never_raises(name, text, encoding):
    reports, ingest = read_bytes(name, text.encode(encoding, "replace"))
    check(ingest, reports)


@FAST
@given(name=names, fixture=st.sampled_from(FIXTURES), cut=st.floats(0, 1),
       flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_damaged_real_files_never_raise(name, fixture, cut, flips):
    data = bytearray(fixture[: int(len(fixture) * cut)])
    for where, byte in flips:
        if data:
            data[int(where * (len(data) - 1))] = byte
    reports, ingest = read_bytes(name, bytes(data))
    check(ingest, reports)


structured = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=80),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["text", "body", "title", "date", "url", "items", "source", "x"]),
        inner, max_size=5),
    max_leaves=25)


@FAST
@given(doc=structured, ext=st.sampled_from(["json", "jsonl", "csv"]))
def test_random_json_structures(doc, ext):
    import json

    text = json.dumps(doc) if ext != "jsonl" else "\n".join(
        json.dumps(d) for d in (doc if isinstance(doc, list) else [doc]))
    if ext == "csv":
        text = "title,text,date\n" + text
    reports, ingest = read_bytes(f"x.{ext}", text.encode())
    check(ingest, reports)


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(tree=st.dictionaries(
    st.lists(st.sampled_from(["a", "b", ".h", "__MACOSX", "x_files", "deep"]), max_size=3)
    .map(lambda parts: "/".join(parts)),
    st.lists(st.tuples(names, st.one_of(st.binary(max_size=300), st.sampled_from(FIXTURES))),
             max_size=4), max_size=4))
def test_random_folder_trees_balance(tree):
    with tempfile.TemporaryDirectory() as root:
        written = set()
        for folder, files in tree.items():
            for name, data in files:
                path = Path(root, folder, name)
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                    written.add(str(path))
                except OSError:  # a name that clashes with a folder
                    continue
        reports, ingest = read_paths([root])
        assert ingest.balanced()
        seen = {e.input for e in ingest.entries}
        visible = [p for p in written if not _skipped(Path(p), Path(root))]
        if visible:
            check(ingest, reports)
        else:
            assert ingest.problems[0].reason == "empty"  # the user learns the folder is empty
        for path in visible:
            if not path.endswith(".json"):  # a .json may be a sidecar
                assert path in seen, path


def _skipped(path: Path, root: Path) -> bool:
    """Hidden, OS clutter, or inside a browser asset folder beside a saved page."""
    for part in path.relative_to(root).parts:
        if part.startswith(".") or part == "__MACOSX":
            return True
    for folder in path.relative_to(root).parents:
        if folder.name.endswith("_files"):
            page = folder.name[: -len("_files")]
            if any((root / folder.parent / f"{page}.{e}").is_file() for e in ("html", "htm")):
                return True
    return False


@pytest.mark.filterwarnings("ignore:Duplicate name")  # zips may repeat a member name
@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(members=st.lists(st.tuples(st.sampled_from(["a", "b/c", "d/e/f", "g"]), names,
                                  st.one_of(st.binary(max_size=200),
                                            st.sampled_from(FIXTURES))), max_size=6),
       cut=st.floats(0.3, 1))
def test_random_zips_balance(members, cut):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for folder, name, data in members:
            z.writestr(f"{folder}/{name}", data)
    data = out.getvalue()
    reports, ingest = read_bytes("upload.zip", data[: int(len(data) * cut)])
    check(ingest, reports)
