"""The output folder: staged and swapped, the owner's files kept, dangerous folders refused."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from support import run_cli, tree_bytes
from zuhause import build_site, rawfiles
from zuhause.output import MANIFEST, UnsafePath, safe_join


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.startswith(".zuhause-")]


def test_failed_build_leaves_previous_output_byte_for_byte(site: Callable[..., Path]) -> None:
    root = site()
    assert run_cli("build", root).code == 0
    before = tree_bytes(root / "public")
    (root / "content" / "index.md").write_text("---\ntitle: Neu\nperson: niemand\n---\nx\n")
    result = run_cli("build", root)
    assert result.code == 1
    assert tree_bytes(root / "public") == before
    assert leftovers(root) == []


def test_write_failure_leaves_previous_output_and_says_disk_full(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = site()
    assert run_cli("build", root).code == 0
    before = tree_bytes(root / "public")
    (root / "content" / "index.md").write_text("---\ntitle: Neu\nperson: anna\n---\nNeu\n")
    calls = {"n": 0}
    real_write = rawfiles.write_bytes

    def failing_write(path: str | os.PathLike[str], data: bytes) -> os.stat_result:
        calls["n"] += 1
        if calls["n"] == 1:  # the one page that changed
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write(path, data)

    monkeypatch.setattr(rawfiles, "write_bytes", failing_write)
    result = run_cli("build", root)
    assert result.code == 1
    assert "der Speicher ist voll" in result.err
    assert "Traceback" not in result.err
    monkeypatch.undo()
    assert tree_bytes(root / "public") == before
    assert leftovers(root) == []


def test_failed_swap_restores_previous_output(site: Callable[..., Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    root = site()
    (root / "public").mkdir()  # the owner's folder, never built: the build swaps a whole one in
    (root / "public" / "googleabc.html").write_text("google-site-verification")
    before = tree_bytes(root / "public")
    real_rename = os.rename
    calls = {"n": 0}

    def failing_rename(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the staging folder moving into place
            raise OSError(errno.EIO, "I/O error", str(src))
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_rename)
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == 1
    assert tree_bytes(root / "public") == before
    assert leftovers(root) == []


@pytest.mark.parametrize("where", ["site", "parent", "home", "content"])
def test_dangerous_output_folders_are_refused(site: Callable[..., Path], where: str) -> None:
    root = site()
    out = {"site": root, "parent": root.parent, "home": Path.home(),
           "content": root / "content" / "out"}[where]
    before = sorted(p.name for p in out.iterdir()) if out.exists() else []
    result = run_cli("build", root, "-o", out)
    assert result.code == 1
    assert "Wählen Sie einen eigenen Ordner" in result.err
    assert (sorted(p.name for p in out.iterdir()) if out.exists() else []) == before


def test_owner_files_survive_and_stale_pages_go(site: Callable[..., Path]) -> None:
    root = site(content__preise_dot_md="---\ntitle: Preise\nperson: anna\n---\nBrot 4 €\n")
    out = root / "public"
    assert run_cli("build", root).code == 0
    assert (out / "preise" / "index.html").is_file()
    (out / "googleabc.html").write_text("google-site-verification")
    (out / ".well-known").mkdir()
    (out / ".well-known" / "security.txt").write_text("Contact: mailto:anna@example.org")
    (root / "content" / "preise.md").rename(root / "content" / "brotpreise.md")
    result = run_cli("build", root)
    assert result.code == 0, result.err
    assert not (out / "preise").exists()
    assert (out / "brotpreise" / "index.html").is_file()
    assert (out / "googleabc.html").read_text() == "google-site-verification"
    assert (out / ".well-known" / "security.txt").is_file()
    assert leftovers(root) == []


def test_owner_file_where_a_page_goes_is_an_error_and_untouched(site: Callable[..., Path]) -> None:
    root = site()
    out = root / "public"
    (out / "impressum").mkdir(parents=True)
    (out / "impressum" / "index.html").write_text("mein eigenes Impressum")
    result = run_cli("build", root)
    assert result.code == 1
    assert ("public/impressum/index.html:1:1: Diese Datei im Ausgabeordner stammt nicht von "
            "zuhause") in result.err
    assert (out / "impressum" / "index.html").read_text() == "mein eigenes Impressum"


def test_manifest_lists_every_generated_file(site: Callable[..., Path]) -> None:
    import json
    root = site()
    assert run_cli("build", root).code == 0
    manifest = json.loads((root / "public" / MANIFEST).read_text())
    on_disk = set(tree_bytes(root / "public")) - {MANIFEST}
    assert set(manifest["files"]) == on_disk


def test_interrupted_swap_is_recovered_by_the_next_build(site: Callable[..., Path]) -> None:
    root = site()
    assert run_cli("build", root).code == 0
    # what a SIGKILL between the two renames leaves behind
    os.rename(root / "public", root / ".zuhause-old-public-999999-abcd1234")
    stale = root / ".zuhause-build-public-999999-ef01ef01"
    stale.mkdir()
    (stale / ".zuhause-staging").write_text("")
    result = run_cli("build", root)
    assert result.code == 0, result.err
    assert (root / "public" / "index.html").is_file()
    assert leftovers(root) == []


def test_second_build_reuses_unchanged_pages(site: Callable[..., Path]) -> None:
    root = site(content__preise_dot_md="---\ntitle: Preise\nperson: anna\n---\nBrot 4 €\n")
    first = build_site(root)
    assert first.reused == 0
    second = build_site(root)
    assert second.rendered == 0 and second.reused == first.pages
    (root / "content" / "preise.md").write_text("---\ntitle: Preise\nperson: anna\n---\nBrot 5 €\n")
    third = build_site(root)
    assert third.rendered == 1
    assert "Brot 5\u00a0€" in (root / "public" / "preise" / "index.html").read_text()


@pytest.mark.parametrize("relative", ["../x", "/etc/passwd", "a/../../x", "a\\..\\x", "a/\x00",
                                      "", ".", "a//b"])
def test_safe_join_refuses_escapes(tmp_path: Path, relative: str) -> None:
    with pytest.raises(UnsafePath):
        safe_join(tmp_path, relative)


def small_name_limits(monkeypatch: pytest.MonkeyPatch, name_max: int, path_max: int) -> None:
    """A disk that takes shorter names than this one (eCryptfs takes 143 bytes, for example)."""
    real = os.pathconf

    def pathconf(path: str | os.PathLike[str] | int, name: str | int) -> int:
        limits = {"PC_NAME_MAX": name_max, "PC_PATH_MAX": path_max}
        return limits[name] if isinstance(name, str) and name in limits else real(path, name)

    monkeypatch.setattr(os, "pathconf", pathconf)


@pytest.mark.parametrize("limit", ["name", "path"])
def test_a_page_whose_output_name_is_too_long_is_an_error_naming_its_source(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, limit: str) -> None:
    root = site(**{f"content__{'b' * 80}_dot_md": "---\ntitle: Lang\nperson: anna\n---\nx\n"})
    assert run_cli("build", root).code == 0
    before = tree_bytes(root / "public")
    path_max = len(os.fsencode(root / "public")) + 60  # room for the short names only
    small_name_limits(monkeypatch, 64 if limit == "name" else 255,
                      4096 if limit == "name" else path_max)
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == 1
    assert (f"content/{'b' * 80}.md:1:1: Der Name der Datei, die daraus im Ausgabeordner wird, "
            "ist länger, als das Laufwerk erlaubt") in result.err
    assert "Speicher" not in result.err and ".zuhause-build-" not in result.err
    assert tree_bytes(root / "public") == before
    assert leftovers(root) == []


def test_disk_full_names_the_output_folder_not_a_file_being_copied(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    root = site()

    def full_disk(source: str, target: str, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(source))

    monkeypatch.setattr(shutil, "copyfile", full_disk)
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == 1
    assert result.err.startswith(f"{root / 'public'}:1:1: Die Website ließ sich nicht schreiben: "
                                 "der Speicher ist voll")
    assert "fonts" not in result.err and "static" not in result.err
    assert leftovers(root) == []


def test_a_mount_point_as_output_folder_is_refused_before_building(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = site()
    out = root / "public"
    out.mkdir()
    real_ismount = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: path == out or real_ismount(path))
    result = run_cli("build", root)
    monkeypatch.undo()
    assert result.code == 1
    assert "Der Ausgabeordner ist ein Einhängepunkt" in result.err
    assert f"-o {out / 'site'}" in result.err
    assert list(out.iterdir()) == [] and leftovers(root) == []


def test_a_page_saved_while_the_site_is_built_stops_the_build_and_keeps_the_old_site(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A single build keeps no page's text in memory: it reads each again when rendering it.
    When the file is no longer the one it read, the build stops (in the site's language) and
    the previous site stays, rather than mixing the old front matter with a new text."""
    import zuhause.build as build_module

    root = site()
    assert run_cli("build", root).code == 0
    before = tree_bytes(root / "public")
    home = root / "content" / "index.md"
    home.write_text(home.read_text("utf-8") + "\nNeu gebacken.\n", "utf-8")
    original = build_module.placeholder_warning

    def saved_meanwhile(loaded: object) -> object:  # after reading, before rendering
        home.write_text(home.read_text("utf-8") + "\nUnd noch ein Satz.\n", "utf-8")
        return original(loaded)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "placeholder_warning", saved_meanwhile)
    result = run_cli("build", root)
    assert result.code == 1
    assert "content/index.md" in result.err
    assert "hat sich geändert, während die Website gebaut wurde" in result.err
    assert "Bauen Sie noch einmal" in result.err and "Traceback" not in result.err
    assert tree_bytes(root / "public") == before
    assert leftovers(root) == []
    monkeypatch.undo()
    assert run_cli("build", root).code == 0
    assert "Und noch ein Satz." in (root / "public" / "index.html").read_text("utf-8")
