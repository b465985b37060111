"""One case per problem id: what it means, and a small site (or command) that triggers it.

`tests/test_error_catalogue.py` runs every case, checks that the id is among the problems it
raises, and writes the example messages of `docs/errors.md` from them, so the catalogue can
neither miss an id nor show a message zuhause no longer prints.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support import MINIMAL_SITE, minimal_file, write_site
from zuhause import build_site
from zuhause.checking import check_site
from zuhause.scaffold import answers_from_options, create_site
from zuhause.serve import DevSession
from zuhause.theme_tools import new_theme

CONFIG = minimal_file("zuhause.yaml").replace("language: de", "language: en")
PERSON = minimal_file("people/anna.md")
HOME = minimal_file("content/index.md")


def english_site(tmp: Path, **overrides: str | None) -> Path:
    """The minimal site in English, with some files replaced (`None` deletes one)."""
    return write_site(tmp / "my-site", MINIMAL_SITE, **{"zuhause_dot_yaml": CONFIG, **overrides})


def build(tmp: Path, **overrides: str | None) -> None:
    """Build an English variation of the minimal site into my-site/public."""
    root = english_site(tmp, **overrides)
    build_site(root, root / "public")


def page(front: str, body: str = "Hello.\n") -> str:
    return f"---\n{front}---\n{body}"


@contextlib.contextmanager
def patched(owner: object, name: str, value: object) -> Iterator[None]:
    """Replace `owner.name` for a moment: for failures a test machine cannot make for real
    (a full disk, a file root may not read, a converter bug)."""
    original = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


@dataclass(frozen=True)
class Case:
    """A problem id, what it means in one line, and how to make zuhause raise it."""

    id: str
    about: str
    trigger: Callable[[Path], object]


def _new(tmp: Path, *flags: str, target: str = "my-site") -> None:
    options: dict[str, object] = {"language": "en", "yes": True}
    for flag, value in zip(flags[::2], flags[1::2], strict=True):
        options[flag.removeprefix("--").replace("-", "_")] = value
    create_site(tmp / target, answers_from_options(options, None))


def _serve_error(tmp: Path) -> None:
    import zuhause.serve as serve_module
    from zuhause.errors import SiteError

    def no_space(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    session = DevSession(english_site(tmp), port=0, log=lambda text: None, language="en")
    try:
        with patched(serve_module, "build_site", no_space):
            session.rebuild(set())
        _, problems = session.state.snapshot()
    finally:
        session.stop()
    raise SiteError(problems)


def _unreadable(tmp: Path) -> None:
    from zuhause import rawfiles
    root = english_site(tmp, content__about_dot_md=page("title: About\nperson: anna\n"))
    original = rawfiles.read_bytes

    def refused(path: str | os.PathLike[str]) -> bytes:  # root reads any file: simulated
        if os.path.basename(path) == "about.md":
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    with patched(rawfiles, "read_bytes", refused):
        build_site(root, root / "public")


def _changed_while_building(tmp: Path) -> None:
    import zuhause.build as build_module

    root = english_site(tmp, content__about_dot_md=page("title: About\nperson: anna\n"))
    original = build_module.placeholder_warning

    def saved_meanwhile(loaded: Any) -> Any:  # after reading, before rendering
        about = root / "content" / "about.md"
        about.write_text(about.read_text("utf-8") + "One more sentence.\n", "utf-8")
        return original(loaded)

    with patched(build_module, "placeholder_warning", saved_meanwhile):
        build_site(root, root / "public", jobs=1)


def _foreign_file(tmp: Path) -> None:
    root = english_site(tmp)
    (root / "public").mkdir()
    (root / "public" / "index.html").write_text("<p>my own page</p>")
    build_site(root, root / "public")


def _write_failed(tmp: Path) -> None:
    import zuhause.output as output_module

    root = english_site(tmp)

    def no_space(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device", str(root / "public" / "index.html"))

    with patched(output_module, "write_file", no_space):
        build_site(root, root / "public", jobs=1)


def _name_too_long(tmp: Path) -> None:
    root = english_site(tmp, **{f"content__{'b' * 80}_dot_md": page("title: Long\nperson: anna\n")})
    real = os.pathconf

    def short_names(path: str, name: str) -> int:  # a disk with short names, like eCryptfs
        return 64 if name == "PC_NAME_MAX" else real(path, name)

    with patched(os, "pathconf", short_names):
        build_site(root, root / "public")


def _mount_point(tmp: Path) -> None:
    root = english_site(tmp)
    out = root / "public"
    out.mkdir()
    real = os.path.ismount
    with patched(os.path, "ismount", lambda path: Path(path) == out or real(path)):
        build_site(root, out)


CASES: list[Case] = [
    Case("site.missing", "The site folder given to zuhause does not exist.",
         lambda tmp: build_site(tmp / "nowhere", tmp / "out")),
    Case("site.no-people", "There is no file in people/: every site needs its person.",
         lambda tmp: build(tmp, people__anna_dot_md=None)),
    Case("site.no-home", "There is no content/index.md, the home page.",
         lambda tmp: build(tmp, content__index_dot_md=None)),
    Case("config.missing", "The site folder has no zuhause.yaml.",
         lambda tmp: build(tmp, zuhause_dot_yaml=None)),
    Case("config.not-mapping", "zuhause.yaml is not a list of `key: value` lines.",
         lambda tmp: build(tmp, zuhause_dot_yaml="- title\n- language\n")),
    Case("config.timezone", "The `timezone` is not a time zone zuhause knows.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "timezone: Europe/Dresden\n")),
    Case("config.people-order", "`people_order` names a person who has no file in people/.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "people_order: [ana]\n")),
    Case("legal.missing-field", "The Impressum lacks a detail German law requires.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG.replace("  street: Brotgasse 3\n", ""))),
    Case("source.encoding", "A file is not saved as UTF-8.",
         lambda tmp: _latin1(tmp)),
    Case("source.failed", "Reading a file failed in a way zuhause did not foresee (a bug to report).",
         lambda tmp: _reader_bug(tmp)),
    Case("source.unreadable", "A file cannot be read at all (a folder in its place, no rights).",
         _unreadable),
    Case("source.changed", "A page was saved while the site was being built (build again).",
         _changed_while_building),
    Case("yaml.syntax", "The front matter or zuhause.yaml is not valid YAML.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Offer: bread\nperson: anna\n"))),
    Case("frontmatter.unclosed", "The front matter starts with --- but never ends with ---.",
         lambda tmp: build(tmp, content__index_dot_md="---\ntitle: Welcome\nperson: anna\nHello\n")),
    Case("frontmatter.not-mapping", "The front matter is not `key: value` lines.",
         lambda tmp: build(tmp, content__index_dot_md=page("- title\n- person\n"))),
    Case("page.no-front-matter", "A page has no front matter at all.",
         lambda tmp: build(tmp, content__index_dot_md="Hello.\n")),
    Case("person.no-front-matter", "A person file has no front matter at all.",
         lambda tmp: build(tmp, people__anna_dot_md="I bake bread.\n")),
    Case("schema.unknown-key", "A key zuhause does not know, often a typo.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Welcome\nperson: anna\ntitel: x\n"))),
    Case("schema.missing", "A required key is missing.",
         lambda tmp: build(tmp, content__index_dot_md=page("person: anna\n"))),
    Case("schema.empty", "A required key is there but has no value.",
         lambda tmp: build(tmp, content__index_dot_md=page("title:\nperson: anna\n"))),
    Case("schema.type", "A key needs a block of keys or a list, and got a single value.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG.replace(
             "legal:\n", "legal: yes\nx:\n"))),
    Case("schema.value", "A value has the wrong form (a date, a number, an address, a choice).",
         lambda tmp: build(tmp, content__journal__brot_dot_md=page(
             "title: Bread\nperson: anna\ndate: 30.02.2025\n"))),
    Case("page.unknown-person", "A page names a person who has no file in people/.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Welcome\nperson: ana\n"))),
    Case("page.missing-date", "A journal post has no date.",
         lambda tmp: build(tmp, content__journal__brot_dot_md=page("title: Bread\nperson: anna\n"))),
    Case("page.price-not-offer", "A page that is not an offer has a price.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Welcome\nperson: anna\nprice: 5 €\n"))),
    Case("page.url-collision", "Two files would become the same page address.",
         lambda tmp: build(tmp, **{"content__Über uns_dot_md": page("title: About\nperson: anna\n"),
                                   "content__ueber-uns_dot_md": page("title: About 2\nperson: anna\n")})),
    Case("person.missing-portrait", "The portrait file named in a person file does not exist.",
         lambda tmp: build(tmp, people__anna_dot_md=PERSON.replace("anna.png", "anna.jpg"))),
    Case("person.bad-portrait", "The portrait file is not a picture zuhause can read.",
         lambda tmp: _bad_portrait(tmp)),
    Case("image.missing", "A Markdown text or a page's image: names a picture that is not there.",
         lambda tmp: build(tmp, content__brot_dot_md=page("title: Bread\nperson: anna\n",
                                                           "![Our bread](brot.jpg)\n"))),
    Case("image.not-an-image", "A picture a page shows is no image (or one zuhause cannot read).",
         lambda tmp: _bad_image(tmp, "brot.jpg", lambda _: b"a shopping list")),
    Case("image.broken", "A picture breaks off before its end (a file copied only in part).",
         lambda tmp: _bad_image(tmp, "brot.jpg", lambda photos: photos.truncated_jpeg())),
    Case("image.too-many-pixels", "A picture with more pixels than any photo (a decompression "
         "bomb); zuhause refuses to open it.",
         lambda tmp: _bad_image(tmp, "brot.png", lambda photos: photos.bomb_png(50_000, 50_000))),
    Case("image.unreadable", "A picture the build may not read.",
         lambda tmp: _unreadable_image(tmp)),
    Case("image.svg-script", "An SVG carries a script, which would run on the site.",
         lambda tmp: _bad_image(tmp, "logo.svg", lambda _: b'<svg onload="alert(1)"></svg>')),
    Case("image.needs-both", "A page names an image: without image_alt: (or the other way round).",
         lambda tmp: build(tmp, content__brot_dot_md=page("title: Bread\nperson: anna\n"
                                                           "image: brot.jpg\n"))),
    Case("image.bad-widths", "A theme's image_widths are not whole numbers of pixels.",
         lambda tmp: _bad_widths(tmp)),
    Case("person.empty-story", "A person file has no story below its front matter.",
         lambda tmp: build(tmp, people__anna_dot_md=PERSON.replace(
             "Ich backe seit zwanzig Jahren Brot.\n", "\n"))),
    Case("person.no-channel", "The invitation gives no way to reach the person.",
         lambda tmp: build(tmp, people__anna_dot_md=PERSON.replace(
             "  email: anna@baeckerei-korn.example\n", ""))),
    Case("link.missing", "A link points to a Markdown file that does not exist.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Welcome\nperson: anna\n",
                                                         "See [prices](prices.md).\n"))),
    Case("link.scheduled", "A link points to a post that is not published yet.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Welcome\nperson: anna\n",
                                                         "See [soon](journal/soon.md).\n"),
                           content__journal__soon_dot_md=page(
                               "title: Soon\nperson: anna\ndate: 2999-01-01\n"))),
    Case("markdown.pathological", "A text would take the Markdown converter minutes.",
         lambda tmp: build(tmp, content__index_dot_md=page("title: Welcome\nperson: anna\n",
                                                         "`" * 200 + "\n"))),
    Case("markdown.too-deep", "A text is nested too deeply to convert.",
         lambda tmp: _too_deep(tmp)),
    Case("markdown.failed", "The Markdown converter failed on a text.",
         lambda tmp: _converter_fails(tmp)),
    Case("template.missing", "A template names a template that does not exist.",
         lambda tmp: build(tmp, templates__page_dot_html="{% extends 'nothing.html' %}\n",
                           content__about_dot_md=page("title: About\nperson: anna\n"))),
    Case("template.syntax", "A template is not valid Jinja.",
         lambda tmp: build(tmp, templates__page_dot_html="{% if %}\n",
                           content__about_dot_md=page("title: About\nperson: anna\n"))),
    Case("template.error", "A template fails while a page is rendered.",
         lambda tmp: build(tmp, templates__page_dot_html="{{ page.nothing.deeper }}\n",
                           content__about_dot_md=page("title: About\nperson: anna\n"))),
    Case("theme.missing", "The theme named in zuhause.yaml does not exist.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "theme: sunshine\n")),
    Case("theme.circle", "Themes extend each other in a circle.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "theme: themes/a\n",
                           themes__a__theme_dot_yaml="extends: themes/b\n",
                           themes__b__theme_dot_yaml="extends: themes/a\n")),
    Case("theme.not-mapping", "A theme.yaml is not `key: value` lines.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "theme: themes/a\n",
                           themes__a__theme_dot_yaml="- extends\n")),
    Case("theme.bad-setting", "A setting in a theme.yaml lacks its type, choices or default.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "theme: themes/a\n",
                           themes__a__theme_dot_yaml="name: a\nextends: default\nsettings:\n"
                                                     "  font:\n    default: serif\n")),
    Case("theme.bad-background", "A theme's backgrounds are not colours (#rrggbb).",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + "theme: themes/a\n",
                           themes__a__theme_dot_yaml="name: a\nextends: default\n"
                                                     "backgrounds:\n  light: cream\n")),
    Case("theme.bad-name", "zuhause theme new was given a name a theme folder cannot have.",
         lambda tmp: new_theme(english_site(tmp), "Meine Werkstatt!", "default", "en")),
    Case("theme.builtin-name", "zuhause theme new was given the name of a theme that comes with "
         "zuhause.", lambda tmp: new_theme(english_site(tmp), "default", "default", "en")),
    Case("theme.exists", "zuhause theme new would overwrite a folder in themes/.",
         lambda tmp: new_theme(english_site(tmp, themes__a__theme_dot_yaml="name: a\n"), "a",
                               "default", "en")),
    Case("theme.contrast", "A colour setting has too little contrast with a background.",
         lambda tmp: build(tmp, zuhause_dot_yaml=CONFIG + 'theme_settings:\n  accent: "#ff9900"\n')),
    Case("output.refused", "The output folder is one zuhause must not write into.",
         lambda tmp: build_site(english_site(tmp), english_site(tmp))),
    Case("output.not-a-folder", "The output path is a file.",
         lambda tmp: _output_is_a_file(tmp)),
    Case("output.foreign-file", "A file of yours in the output folder has the path of a page.",
         _foreign_file),
    Case("output.duplicate", "A file in static/ has the path of a file zuhause generates.",
         lambda tmp: build(tmp, static__robots_dot_txt="User-agent: *\n")),
    Case("output.name-too-long", "A page's or file's name is longer than the disk allows.",
         _name_too_long),
    Case("output.mount-point", "The output folder is a mount point, which cannot be swapped.",
         _mount_point),
    Case("output.write-failed", "The output could not be written (no space, no rights).",
         _write_failed),
    Case("check.unknown-id", "zuhause.yaml switches off a check that does not exist.",
         lambda tmp: check_site(english_site(tmp, zuhause_dot_yaml=CONFIG + (
             "check:\n  skip:\n    - id: person.no-first-persn\n      reason: We write as a team.\n")))),
    Case("new.answer", "`zuhause new` got a value it cannot use.",
         lambda tmp: _new(tmp, "--email", "anna at korn")),
    Case("new.not-a-folder", "`zuhause new` was given a file, not a folder.",
         lambda tmp: ((tmp / "my-site").write_text(""), _new(tmp))),
    Case("new.not-empty", "`zuhause new` was given a folder that already holds files.",
         lambda tmp: ((tmp / "my-site").mkdir(), (tmp / "my-site" / "notes.txt").write_text("x"),
                      _new(tmp))),
    Case("new.write-failed", "`zuhause new` could not write the site.",
         lambda tmp: ((tmp / "file").write_text(""), _new(tmp, target="file/my-site"))),
    Case("serve.error", "`zuhause serve` could not build at all (no space, no rights).",
         _serve_error),
]


def _reader_bug(tmp: Path) -> None:
    import zuhause.memory as memory_module  # where a build reads its pages

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("a reader bug")

    root = english_site(tmp)
    with patched(memory_module, "read_page", broken):
        build_site(root, root / "public")


def _latin1(tmp: Path) -> None:
    root = english_site(tmp)
    (root / "content" / "index.md").write_bytes(
        "---\ntitle: Grüße\nperson: anna\n---\nHallo\n".encode("latin-1"))
    build_site(root, root / "public")


def _bad_portrait(tmp: Path) -> None:
    root = english_site(tmp)
    (root / "static" / "images" / "anna.png").write_bytes(b"not a picture")
    build_site(root, root / "public")


def _bad_image(tmp: Path, name: str, make: Callable[[Any], bytes]) -> None:
    import photos
    root = english_site(tmp, content__brot_dot_md=page("title: Bread\nperson: anna\n",
                                                        f"![Our bread]({name})\n"))
    (root / "content" / name).write_bytes(make(photos))
    build_site(root, root / "public")


def _unreadable_image(tmp: Path) -> None:
    import photos
    root = english_site(tmp, content__brot_dot_md=page("title: Bread\nperson: anna\n",
                                                        "![Our bread](brot.jpg)\n"))
    picture = root / "content" / "brot.jpg"
    picture.write_bytes(photos.jpeg_bytes(64, 48))
    original = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path.name == "brot.jpg":
            raise PermissionError(13, "Permission denied")
        return original(path)
    with patched(Path, "read_bytes", refused):
        build_site(root, root / "public")


def _bad_widths(tmp: Path) -> None:
    root = english_site(tmp, zuhause_dot_yaml=CONFIG.replace("language: en", "language: en\n"
                                                             "theme: mine"))
    (root / "mine").mkdir()
    (root / "mine" / "theme.yaml").write_text("name: mine\nextends: default\n"
                                              "image_widths: [wide, 2]\n", "utf-8")
    build_site(root, root / "public")


def _too_deep(tmp: Path) -> None:
    _converter_fails(tmp, RecursionError("maximum recursion depth exceeded"))


def _converter_fails(tmp: Path, error: Exception | None = None) -> None:
    import markdown

    root = english_site(tmp)

    def broken(self: markdown.Markdown, source: str) -> str:
        raise error or ValueError("a converter bug")

    with patched(markdown.Markdown, "convert", broken):
        build_site(root, root / "public", jobs=1)


def _output_is_a_file(tmp: Path) -> None:
    root = english_site(tmp)
    (root / "public").write_text("")
    build_site(root, root / "public")

