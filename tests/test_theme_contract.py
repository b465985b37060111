"""The theme contract: the blocks a child theme overrides, and the sections the rendered home
page marks so the person-first order can be checked for any theme."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import EXAMPLE_SITE, run_cli, tree_bytes
from zuhause import build_site
from zuhause.checking import check_site

META = '<meta name="x" content="y">'
SECTIONS = ["person", "story", "values", "invitation", "offers", "journal"]
BOOKKEEPING = ".zuhause-manifest.json"  # file times and fingerprints, not output for visitors


def example_copy(tmp_path: Path) -> Path:
    """A copy of the example site the test may change."""
    root = tmp_path / "site"
    shutil.copytree(EXAMPLE_SITE, root, ignore=shutil.ignore_patterns("public", ".zuhause"))
    return root


def child_theme(root: Path, name: str, templates: dict[str, str]) -> None:
    """A theme in the site's themes/ that extends the default theme, used by the site."""
    theme = root / "themes" / name
    (theme / "templates").mkdir(parents=True)
    (theme / "theme.yaml").write_text(f"name: {name}\nextends: default\n")
    for file, text in templates.items():
        (theme / "templates" / file).write_text(text)
    config = root / "zuhause.yaml"
    config.write_text(re.sub(r"(?m)^theme:.*\n", "", config.read_text()) + f"theme: {name}\n")


def test_home_page_marks_its_sections_in_person_first_order(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    build_site(root, tmp_path / "out")
    home = (tmp_path / "out" / "index.html").read_text()
    assert re.findall(r'data-section="([a-z]+)"', home) == SECTIONS


def test_child_theme_overriding_only_head_adds_a_meta_and_changes_nothing_else(
        tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    build_site(root, tmp_path / "plain")
    child_theme(root, "x", {"base.html": '{% extends "default:base.html" %}'
                                         f"{{% block head %}}{META}{{% endblock %}}"})
    build_site(root, tmp_path / "child")
    plain, child = tree_bytes(tmp_path / "plain"), tree_bytes(tmp_path / "child")
    assert plain.keys() == child.keys()
    pages = [name for name in plain if name.endswith(".html")]
    assert len(pages) > 5
    for name in plain.keys() - {BOOKKEEPING}:
        if name in pages:
            text = child[name].decode()
            assert text.count(META) == 1 and text.index(META) < text.index("</head>"), name
            assert text.replace(META, "").encode() == plain[name], name
        else:
            assert child[name] == plain[name], name


def test_check_names_the_child_theme_that_moves_offers_above_the_person(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    child_theme(root, "laden", {"home.html": (  # by its markers only: no offer is named
        '{% extends "base.html" %}\n{% block main %}\n'
        '<section data-section="offers"><h2>{{ offers|length }}</h2></section>\n'
        '<section data-section="person"><h1>{{ page.person.name }}</h1></section>\n'
        "{% endblock %}\n")})
    report = check_site(root)
    hits = [f for f in report.findings if f.id == "person.offer-before-person"]
    assert [(f.path, f.line) for f in hits] == [("themes/laden/templates/home.html", 3)]
    assert "„laden“" in hits[0].message and "themes/laden/templates/home.html" in hits[0].message
    assert report.exit_code() == 1


def test_check_passes_the_default_theme_by_its_markers(tmp_path: Path) -> None:
    report = check_site(example_copy(tmp_path))
    assert [f for f in report.findings if f.id == "person.offer-before-person"] == []


def first_person_shown(html: str, names: list[str]) -> str:
    """Which of these names a page shows first."""
    return min(names, key=lambda name: html.index(name) if name in html else len(html))


def test_people_order_decides_who_comes_first_on_home_contact_and_people_pages(
        tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    config = root / "zuhause.yaml"
    names = ["Marie Lindner", "Jonas Albrecht"]
    build_site(root, tmp_path / "default")  # the home page's person first, without people_order
    config.write_text(config.read_text() + "people_order: [jonas, marie]\n")
    build_site(root, tmp_path / "jonas")
    for page in ["kontakt/index.html", "ueber-uns/index.html"]:
        main = {out: (tmp_path / out / page).read_text().split("<main", 1)[1]
                for out in ("default", "jonas")}
        assert first_person_shown(main["default"], names) == "Marie Lindner", page
        assert first_person_shown(main["jonas"], names) == "Jonas Albrecht", page
    home = (tmp_path / "jonas" / "index.html").read_text().split("<main", 1)[1]
    assert first_person_shown(home, names) == "Marie Lindner"  # the home page's person


def test_people_order_with_an_unknown_id_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    config = root / "zuhause.yaml"
    config.write_text(config.read_text() + "people_order:\n  - marie\n  - jonaz\n")
    line = config.read_text().count("\n")
    result = run_cli("build", root, "-o", tmp_path / "out")
    assert result.code == 1
    assert f"zuhause.yaml:{line}" in result.err and "jonas" in result.err


def test_the_home_page_shows_everyone_when_the_site_says_so(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    quiet = tmp_path / "quiet"
    build_site(root, quiet)
    home = (quiet / "index.html").read_text("utf-8")
    assert 'data-section="people"' not in home  # by default the home page is its person's
    config = root / "zuhause.yaml"
    config.write_text(config.read_text("utf-8") + "theme_settings:\n  everyone_on_home: true\n",
                      "utf-8")
    out = tmp_path / "everyone"
    build_site(root, out)
    home = (out / "index.html").read_text("utf-8")
    people = home[home.index('data-section="people"'):]
    people = people[:people.index("</section>")]
    assert "Wer noch für Sie da ist" in people
    assert "Jonas Albrecht" in people and "Tischler und Restaurator" in people
    assert "Schicken Sie mir ein Foto von Ihrem Sorgenstück" in people  # his invitation
    assert "<img" in people and "Marie Lindner" not in people  # his face; the owner came first
    sections = re.findall(r'data-section="([a-z]+)"', home)
    assert sections.index("invitation") < sections.index("people") < sections.index("offers")
