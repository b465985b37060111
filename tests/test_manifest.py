"""The manifest's text: one line per record, and a rewrite that encodes only changed records."""

from __future__ import annotations

import json
from pathlib import Path

from zuhause.manifest import MANIFEST, Manifest, load_manifest, manifest_text

FILES: dict[str, dict[str, object]] = {
    "index.html": {"sha256": "a" * 64, "size": 10, "links": {"kontakt.md": "/kontakt/"}},
    'journal/"zitat"/index.html': {"sha256": "b" * 64, "size": 20, "people": {"anna": "c"}},
    "feed.xml": {"sha256": "d" * 64, "size": 30},
    "über-mich/index.html": {"sha256": "f" * 64, "size": 50},
    'a": b/index.html': {"sha256": "0" * 64, "size": 60},
}


def _written(tmp_path: Path, files: dict[str, dict[str, object]]) -> Manifest:
    (tmp_path / MANIFEST).write_text(manifest_text(files, frozenset({"journal"})), "utf-8")
    manifest = load_manifest(tmp_path)
    assert manifest is not None
    return manifest


def test_the_lines_of_unchanged_records_are_taken_from_the_previous_text(tmp_path: Path) -> None:
    previous = _written(tmp_path, FILES)
    assert previous.record_lines() == {
        name: f" {json.dumps(name)}: {json.dumps(record, sort_keys=True)}"
        for name, record in FILES.items()}
    changed = {name: dict(record) for name, record in FILES.items()}
    changed["feed.xml"]["size"] = 31
    changed["neu/index.html"] = {"sha256": "e" * 64, "size": 40}
    text = manifest_text(changed, frozenset({"journal", "neu"}), previous)
    assert text == manifest_text(changed, frozenset({"journal", "neu"}))  # as if made afresh
    assert json.loads(text)["files"] == changed


def test_the_previous_line_is_taken_for_an_equal_record_and_not_for_a_changed_one(tmp_path: Path) -> None:
    """(The line is doctored to show which was taken.)"""
    previous = _written(tmp_path, FILES)
    doctored = Manifest(previous.files, previous.folders,
                        previous.text.replace('"size": 10', '"size": 11'))
    text = manifest_text(FILES, previous.folders, doctored)
    assert json.loads(text)["files"]["index.html"]["size"] == 11  # equal record: line taken
    fresh = {name: dict(record) for name, record in FILES.items()}
    fresh["index.html"]["size"] = 12
    assert json.loads(manifest_text(fresh, previous.folders, doctored))["files"][
        "index.html"]["size"] == 12


def test_a_text_in_another_layout_gives_no_lines() -> None:
    assert Manifest({}, frozenset(), '{"files": {}, "folders": []}').record_lines() == {}
