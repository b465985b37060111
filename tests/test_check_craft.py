"""`zuhause check`, craft family: broken links and anchors, missing images and alternative
texts, oversized images and heavy pages, titles and descriptions, heading levels. Each rule
fires on a small site at the right file and line, and stays silent where all is well."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from support import EXAMPLE_BASE_URL, EXAMPLE_SITE, MINIMAL_SITE, REPO, write_site
from zuhause import build_site
from zuhause.checking import check_site
from zuhause.errors import SiteError

FACELESS = REPO / "tests" / "sites" / "faceless"
PLAIN_TEMPLATE = """<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title></title>
</head>
<body><main>{{ page.content }}</main></body>
</html>
"""


def page(title: str = "Seite", body: str = "Text\n", extra: str = "") -> str:
    """A content page for Anna; its body starts on line 5 (6 with one `extra` line)."""
    return f"---\ntitle: {title}\nperson: anna\n{extra}---\n{body}"


def found(root: Path, rule_id: str, base_url: str | None = None) -> list[tuple[str, int]]:
    """(path, line) of every finding of one rule."""
    return [(f.path, f.line) for f in check_site(root, base_url).findings if f.id == rule_id]


def messages(root: Path, rule_id: str) -> list[str]:
    return [f.message for f in check_site(root).findings if f.id == rule_id]


def site_with(tmp_path: Path, **overrides: str | None) -> Path:
    return write_site(tmp_path / "site", MINIMAL_SITE, **overrides)


def noise_png(path: Path, width: int, height: int, seed: int = 1) -> int:
    """A PNG of random pixels (which does not compress); returns its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pixels = random.Random(seed).randbytes(width * height * 3)
    Image.frombytes("RGB", (width, height), pixels).save(path)
    return path.stat().st_size


def plain_png(path: Path, width: int, height: int = 10) -> None:
    """A small-in-bytes PNG of one colour."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (width, height), "white").save(path)


# --- links -------------------------------------------------------------------------------


def test_broken_internal_links_are_errors_at_their_line(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "Unsere [Preise](/preise/) und\n"
        "<a href=\"https://baeckerei-korn.example/gibt-es-nicht/\">alte Seite</a>.\n"
        "Und [hier](../brot/) ebenso.\n")))
    assert found(root, "craft.broken-link") == [
        ("content/seite.md", 5), ("content/seite.md", 6), ("content/seite.md", 7)]
    assert messages(root, "craft.broken-link")[0] == \
        "Der Link zu /preise/ führt ins Leere: diese Seite gibt es nicht."


def test_working_and_outside_links_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "[Impressum](https://baeckerei-korn.example/impressum/), "
        "[Datenschutz](/datenschutz), [Start](../), [Bild](/images/anna.png?v=2),\n"
        "[Mail](mailto:anna@baeckerei-korn.example), [Anruf](tel:+493511234),\n"
        "[Andere](https://andere.example/gibt-es-nicht/), <a href=\"//cdn.example/x/\">CDN</a>\n")))
    assert found(root, "craft.broken-link") == []


def test_links_under_a_sub_path_must_stay_inside_it(tmp_path: Path) -> None:
    # On GitHub Pages the site lives under /korn/: Markdown links are adjusted, raw HTML is not.
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "[Impressum](/impressum/)\n\n<a href=\"/impressum/\">Impressum</a>\n"
        "<a href=\"https://user.github.io/anderes-projekt/\">Nachbar</a>\n")))
    assert found(root, "craft.broken-link", base_url="https://user.github.io/korn/") == [
        ("content/seite.md", 7)]


def test_anchor_to_a_missing_heading_is_a_warning(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "## Backzeiten\n\n"
        "Siehe [Öffnungszeiten](#oeffnungszeiten) und das [Impressum](/impressum/#bank).\n")))
    assert found(root, "craft.broken-anchor") == [("content/seite.md", 7)] * 2
    assert messages(root, "craft.broken-anchor")[1] == \
        "Der Link /impressum/#bank springt zur Stelle #bank, die es auf /impressum/ nicht gibt."
    assert next(f.level for f in check_site(root).findings if f.id == "craft.broken-anchor") == \
        "warning"


def test_anchors_that_exist_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "## Öffnungszeiten\n\nSiehe [oben](#oeffnungszeiten), [Anfang](#top), [Inhalt](#inhalt)"
        " und [Start](/#person-name).\n")))
    assert found(root, "craft.broken-anchor") == []


# --- images ------------------------------------------------------------------------------


def test_missing_image_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "Text\n\n![Der Ofen am Morgen](/images/ofen.jpg)\n")))
    # the build itself stops at a missing Markdown image, so check reports that problem
    with pytest.raises(SiteError) as stopped:
        found(root, "craft.missing-image")
    assert [(p.path, p.line, p.code) for p in stopped.value.problems] == [
        ("content/seite.md", 7, "image.missing")]


def test_missing_image_written_as_html_is_an_error_at_its_line(tmp_path: Path) -> None:
    # an <img> written as HTML is published as written, so the build goes on and check reports it
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "Text\n\n<img src=\"/images/ofen.jpg\" alt=\"Der Ofen am Morgen\">\n")))
    assert found(root, "craft.missing-image") == [("content/seite.md", 7)]
    assert messages(root, "craft.missing-image") == ["Das Bild /images/ofen.jpg gibt es nicht."]


def test_existing_images_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "![Anna](/images/anna.png)\n\n<img src=\"../images/anna.png\" alt=\"Anna\">\n")))
    assert found(root, "craft.missing-image") == []


def test_image_without_alt_is_an_error(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "Text\n\n<img src=\"/images/anna.png\">\n")))
    assert found(root, "craft.image-without-alt") == [("content/seite.md", 7)]


def test_empty_alt_marks_a_decorative_image_and_is_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "<img src=\"/images/anna.png\" alt=\"\">\n\n![](/images/anna.png)\n")))
    assert found(root, "craft.image-without-alt") == []


def test_image_wider_than_twice_its_shown_width_is_a_warning(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "Text\n\n<img src=\"/images/mittel.png\" alt=\"Brote\" width=\"100\">\n")))
    plain_png(root / "static" / "images" / "mittel.png", 201)
    # at the picture: that is what to make smaller, however many pages show it
    assert found(root, "craft.image-too-large") == [("static/images/mittel.png", 1)]
    finding = next(f for f in check_site(root).findings if f.id == "craft.image-too-large")
    assert finding.message == "Das Bild static/images/mittel.png ist 201 Pixel breit und 0 KB groß."
    assert "höchstens 200 Pixel" in finding.fix


def test_very_wide_or_heavy_images_point_at_the_file(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "![Laden](/images/breit.png)\n\n![Brot](/images/schwer.png)\n")))
    plain_png(root / "static" / "images" / "breit.png", 2401)
    assert noise_png(root / "static" / "images" / "schwer.png", 420, 420) > 500_000
    assert found(root, "craft.image-too-large") == [
        ("static/images/breit.png", 1), ("static/images/schwer.png", 1)]


def test_images_within_the_limits_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "<img src=\"/images/doppelt.png\" alt=\"Brote\" width=\"100\">\n\n"
        "![Laden](/images/breit.png)\n")))
    plain_png(root / "static" / "images" / "doppelt.png", 200)
    plain_png(root / "static" / "images" / "breit.png", 2400)
    assert noise_png(root / "static" / "images" / "mittel.png", 300, 300) < 500_000
    assert found(root, "craft.image-too-large") == []


# --- weight ------------------------------------------------------------------------------


def test_big_kept_image_on_three_pages_is_one_finding_at_its_source(tmp_path: Path) -> None:
    pages = {f"content__seite{n}_dot_md": page(title=f"Seite {n}", body=(
        f"Text\n\n![Brot {n}](/images/schwer.png)\n\n<img src=\"/images/schwer.png\" "
        f"alt=\"Noch einmal\" width=\"100\">\n")) for n in (1, 2, 3)}
    root = site_with(tmp_path, **pages)
    assert noise_png(root / "static" / "images" / "schwer.png", 420, 420) > 500_000
    config = root / "zuhause.yaml"
    config.write_text(config.read_text("utf-8") + "images:\n  keep: [images/schwer.png]\n", "utf-8")
    report = check_site(root)
    hits = [f for f in report.findings if f.id == "craft.image-too-large"]
    assert [(f.path, f.line) for f in hits] == [("static/images/schwer.png", 1)]
    assert hits[0].fix.startswith("Verkleinern Sie es auf höchstens 200 Pixel Breite")


def test_processed_picture_is_judged_at_its_source_not_at_its_variants(tmp_path: Path) -> None:
    pages = {f"content__seite{n}_dot_md": page(title=f"Seite {n}", body=(
        f"Text\n\n![Laden {n}](/images/breit.png)\n")) for n in (1, 2, 3)}
    root = site_with(tmp_path, **pages)
    plain_png(root / "static" / "images" / "breit.png", 2401)  # published at its own path too
    assert found(root, "craft.image-too-large") == [("static/images/breit.png", 1)]
    (root / "static" / "images" / "breit.png").unlink()
    (root / "content" / "breit.png").parent.mkdir(exist_ok=True)
    plain_png(root / "content" / "breit.png", 2401)  # beside the pages: only its variants
    for n in (1, 2, 3):
        (root / "content" / f"seite{n}.md").write_text(page(title=f"Seite {n}", body=(
            f"Text\n\n![Laden {n}](breit.png)\n")), "utf-8")
    assert found(root, "craft.image-too-large") == []


def test_page_over_one_megabyte_is_a_warning_at_its_heaviest_file(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "![Eins](/images/eins.png)\n\n![Zwei](/images/zwei.png)\n")))
    noise_png(root / "static" / "images" / "eins.png", 380, 380, seed=1)
    heaviest = noise_png(root / "static" / "images" / "zwei.png", 480, 480, seed=2)
    config = root / "zuhause.yaml"  # kept as they are: made into WebP they would weigh little
    config.write_text(config.read_text("utf-8") + "images:\n  keep: [images/eins.png, "
                      "images/zwei.png]\n", "utf-8")
    assert found(root, "craft.page-too-heavy") == [("content/seite.md", 7)]
    message = messages(root, "craft.page-too-heavy")[0]
    assert message.startswith("Die Seite /seite/ lädt zusammen 1,")
    assert message.endswith(f"am schwersten ist static/images/zwei.png ({round(heaviest / 1000)} KB).")


def test_fonts_of_the_stylesheet_count_once(tmp_path: Path) -> None:
    css = ("@font-face { font-family: A; src: url(\"../fonts/gross.woff2\"); }\n"
           "@font-face { font-family: B; src: url('/fonts/gross.woff2'); }\n")
    root = site_with(tmp_path, static__css__zuhause_dot_css=css)
    (root / "static" / "fonts").mkdir()
    (root / "static" / "fonts" / "gross.woff2").write_bytes(b"\0" * 600_000)
    assert found(root, "craft.page-too-heavy") == []  # 600 KB once, not twice
    (root / "static" / "fonts" / "gross.woff2").write_bytes(b"\0" * 1_000_000)
    assert messages(root, "craft.page-too-heavy")[0].endswith(
        "am schwersten ist static/fonts/gross.woff2 (1,0 MB).")


def test_a_picture_weighs_the_one_file_a_browser_loads(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body="Text\n\n![Eins](/images/eins.png)\n"))
    noise_png(root / "static" / "images" / "eins.png", 960, 960, seed=1)
    out = tmp_path / "out"
    build_site(root, out)
    variants = [p.stat().st_size for p in (out / "media").glob("eins-*")]
    largest_webp = max(p.stat().st_size for p in (out / "media").glob("eins-*.webp"))
    assert sum(variants) > 1_000_000 > largest_webp  # every candidate together is too much
    assert found(root, "craft.page-too-heavy") == []  # ... but a browser loads only one
    (root / "content" / "seite.md").write_text(page(body=(
        "Text\n\n![Eins](/images/eins.png)\n\n![Zwei](/images/zwei.png)\n")), "utf-8")
    noise_png(root / "static" / "images" / "zwei.png", 880, 880, seed=2)
    assert found(root, "craft.page-too-heavy") == [("content/seite.md", 7)]
    assert messages(root, "craft.page-too-heavy")[0].endswith(
        f"am schwersten ist static/images/eins.png ({round(largest_webp / 1000)} KB).")


def test_the_same_image_twice_counts_once(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "![Eins](/images/eins.png)\n\n![Noch einmal](/images/eins.png)\n")))
    assert 500_000 < noise_png(root / "static" / "images" / "eins.png", 420, 420) < 900_000
    assert found(root, "craft.page-too-heavy") == []


# --- title and description ---------------------------------------------------------------


def test_page_with_empty_title_and_no_description(tmp_path: Path) -> None:
    # Only this page uses the contact template, which the site overrides with a bare one.
    root = site_with(tmp_path, templates__contact_dot_html=PLAIN_TEMPLATE,
                     content__seite_dot_md=page(extra="template: contact\n"))
    assert found(root, "craft.missing-title") == [("content/seite.md", 2)]
    assert found(root, "craft.missing-description") == [("content/seite.md", 2)]
    assert messages(root, "craft.missing-title") == ["Kein Seitentitel auf /seite/."]


def test_blank_title_in_the_front_matter_stops_the_build(tmp_path: Path) -> None:
    # A title of spaces would make "<title> · Bäckerei Korn</title>"; the build refuses it.
    root = site_with(tmp_path, content__seite_dot_md=page(title="' '"))
    with pytest.raises(SiteError, match="content/seite.md:2:8: 'title' is empty"):
        check_site(root)


def test_missing_description_line_points_at_the_front_matter(tmp_path: Path) -> None:
    root = site_with(tmp_path, templates__contact_dot_html=PLAIN_TEMPLATE,
                     content__seite_dot_md=page(extra="template: contact\ndescription: ''\n"))
    assert found(root, "craft.missing-description") == [("content/seite.md", 5)]


def test_a_template_without_title_is_one_finding_at_the_template(tmp_path: Path) -> None:
    root = site_with(tmp_path, templates__base_dot_html=PLAIN_TEMPLATE)
    assert found(root, "craft.missing-title") == [("templates/base.html", 6)]
    assert found(root, "craft.missing-description") == [("templates/base.html", 6)]
    assert messages(root, "craft.missing-title") == ["Kein Seitentitel auf allen Seiten."]


def test_titles_and_descriptions_of_the_minimal_site_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path)
    report = check_site(root)
    assert [f for f in report.findings if f.id in ("craft.missing-title",
                                                   "craft.missing-description")] == []


def test_two_pages_with_the_same_title(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__brot_dot_md=page("Unser Brot"),
                     content__zweites_dot_md=page("Unser Brot"))
    assert found(root, "craft.duplicate-title") == [("content/zweites.md", 2)]
    assert messages(root, "craft.duplicate-title") == [
        "Zwei Seiten heißen „Unser Brot · Bäckerei Korn“: /brot/ und /zweites/."]


def test_different_titles_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__brot_dot_md=page("Unser Brot"),
                     content__brote_dot_md=page("Unsere Brote"))
    assert found(root, "craft.duplicate-title") == []


# --- headings ----------------------------------------------------------------------------


def test_heading_that_skips_a_level_is_a_warning_at_its_line(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "## Unser Sauerteig\n\nText\n\n#### „Mutter“ seit 1998\n")),
        content__tief_dot_md=page("Drei", "### Drei\n"))  # not the title: line
    assert found(root, "craft.heading-skip") == [("content/seite.md", 9), ("content/tief.md", 5)]
    assert messages(root, "craft.heading-skip")[0] == (
        "Auf die Überschrift „Unser Sauerteig“ (Ebene 2) folgt „„Mutter“ seit 1998“ auf "
        "Ebene 4: eine Ebene fehlt.")


def test_headings_going_up_again_are_no_alarm(tmp_path: Path) -> None:
    root = site_with(tmp_path, content__seite_dot_md=page(body=(
        "## Brot\n\n### Roggen\n\n#### Mit Kümmel\n\n## Kuchen\n\n### Streusel\n")))
    assert found(root, "craft.heading-skip") == []


# --- all rules, the example site, the faceless fixture ----------------------------------


def test_example_site_has_no_craft_finding() -> None:
    for base_url in (None, EXAMPLE_BASE_URL):
        report = check_site(EXAMPLE_SITE, base_url=base_url)
        assert [f.format() for f in report.findings if f.id.startswith("craft.")] == []


def test_faceless_site_has_its_broken_link_and_image_without_alt() -> None:
    report = check_site(FACELESS)
    assert sorted((f.id, f.path, f.line) for f in report.findings if f.id.startswith("craft.")) == [
        ("craft.broken-link", "content/index.md", 16),
        ("craft.image-without-alt", "content/index.md", 14),
        ("craft.missing-description", "templates/base.html", 9),
    ]
