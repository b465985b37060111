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


PORTRAIT = ["picture", "/site/static/anna.jpg", "static/anna.jpg", "", "people/anna.md", 4, 11]
OG = ["og", "/site/static/anna.jpg", "static/anna.jpg", "", "people/anna.md", 4, 11]
BREAD = ["picture", "/site/content/brot.jpg", "content/brot.jpg", "", "content/brot.md", 5, 1]


def _pages(shown: dict[str, list[list[object]]]) -> dict[str, dict[str, object]]:
    return {name: {"sha256": "a" * 64, "size": 10, "images": [list(job) for job in jobs]}
            for name, jobs in shown.items()}


def _read_back(tmp_path: Path, text: str) -> Manifest:
    (tmp_path / MANIFEST).write_text(text, "utf-8")
    manifest = load_manifest(tmp_path)
    assert manifest is not None
    return manifest


def test_each_picture_is_listed_once_and_records_name_it_by_number(tmp_path: Path) -> None:
    files = _pages({f"seite-{n}/index.html": [OG, PORTRAIT] for n in range(50)})
    text = manifest_text(files, frozenset())
    data = json.loads(text)
    assert data["images"] == [OG, PORTRAIT]
    assert {tuple(record["images"]) for record in data["files"].values()} == {(0, 1)}
    assert text.count("/site/static/anna.jpg") == 2  # in the list alone
    manifest = _read_back(tmp_path, text)
    assert manifest.files == files
    shared = {id(job) for record in manifest.files.values() for job in record["images"]}
    assert len(shared) == 2  # one list per picture, however many pages show it


def test_pictures_keep_their_numbers_and_new_ones_come_after_them(tmp_path: Path) -> None:
    files = _pages({"a/index.html": [OG, PORTRAIT], "b/index.html": [PORTRAIT]})
    previous = _read_back(tmp_path, manifest_text(files, frozenset()))
    changed = {**previous.files, "0/index.html": _pages({"x": [BREAD, PORTRAIT]})["x"]}
    text = manifest_text(changed, frozenset(), previous)
    data = json.loads(text)
    assert data["images"] == [OG, PORTRAIT, BREAD]
    assert data["files"]["0/index.html"]["images"] == [2, 1]
    assert data["files"]["a/index.html"]["images"] == [0, 1]  # (its line taken as it was)
    assert _read_back(tmp_path, text).files == changed


def test_a_picture_no_page_shows_any_more_leaves_the_list(tmp_path: Path) -> None:
    files = _pages({"a/index.html": [OG, PORTRAIT], "b/index.html": [BREAD]})
    previous = _read_back(tmp_path, manifest_text(files, frozenset()))
    changed = {name: record for name, record in previous.files.items() if name != "a/index.html"}
    text = manifest_text(changed, frozenset(), previous)
    assert json.loads(text)["images"] == [BREAD]
    assert _read_back(tmp_path, text).files == changed


def test_manifests_with_pictures_in_each_record_are_read_and_bad_numbers_are_not(
        tmp_path: Path) -> None:
    files = _pages({"a/index.html": [OG, PORTRAIT]})
    older = json.dumps({"generator": "zuhause", "files": files, "folders": []})
    previous = _read_back(tmp_path, older)
    assert previous.files == files  # (as earlier versions wrote them)
    rewritten = json.loads(manifest_text(files, frozenset(), previous))  # every line anew
    assert rewritten["images"] == [OG, PORTRAIT]
    assert rewritten["files"]["a/index.html"]["images"] == [0, 1]
    text = manifest_text(files, frozenset())
    for bad in ('"images": [0, 7]', '"images": [0, -1]', '"images": [0, true]'):
        (tmp_path / MANIFEST).write_text(text.replace('"images": [0, 1]', bad), "utf-8")
        assert load_manifest(tmp_path) is None, bad
    (tmp_path / MANIFEST).write_text(text.replace('"images": [[', '"images": [5, ['), "utf-8")
    assert load_manifest(tmp_path) is None  # (a list whose entries are no pictures)
    (tmp_path / MANIFEST).write_text("[" * 100_000, "utf-8")
    assert load_manifest(tmp_path) is None
