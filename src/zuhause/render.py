"""Render the pages of a site model with the theme's Jinja templates."""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, TemplateError, TemplateNotFound, TemplateSyntaxError
from markupsafe import Markup

from .conversions import ConversionStore
from .errors import Problem, msg
from .i18n import Translator
from .images.catalog import ImageRef
from .images.facts import PictureFacts
from .images.plan import Job
from .images.show import ImageFailed, OgImage, pictures_for
from .legal import impressum_html, privacy_html
from .markup import MarkdownRenderer, MemoKey, Rendered
from .model import Channels, Link, PageEntry, PersonView, SiteModel, date_fields, reply_url
from .schedule import preview_marker
from .structured import page_data
from .themes import Theme, make_environment, static_folders, template_folders


class SeenPerson:
    """A person as templates see them, noting in `seen` that the page being rendered showed
    them: the page is rendered again when that person's file changes, and only then."""

    __slots__ = ("_person", "_seen")

    def __init__(self, person: PersonView, seen: set[str]) -> None:
        self._person = person
        self._seen = seen

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        self._seen.add(self._person.id)
        return getattr(self._person, name)


@dataclass
class PageView:
    """A page as templates see it."""

    title: str
    url: str
    canonical_url: str
    kind: str
    description: str
    person: PersonView | SeenPerson
    summary: str = ""
    price: str = ""
    date_iso: str = ""
    date_text: str = ""
    content: Markup = Markup("")
    template: str = "page"
    structured_data: dict[str, Any] | None = None
    reply_url: str = ""
    date: datetime | None = None
    preview_marker: str = ""  # zuhause serve only: "Noch nicht veröffentlicht: ..."
    image: ImageRef | None = None  # the page's picture, for image(page.image, alt=page.image_alt)
    image_alt: str = ""
    og_image: OgImage | None = None  # the 1200x630 crop of the page's picture or portrait


@dataclass
class SiteView:
    """The site as templates see it."""

    title: str
    language: str
    locale: str
    description: str
    base_url: str
    home_url: str
    menu: list[PageView]
    contact: Channels
    social: list[Link]
    business: dict[str, str]
    people: list[PersonView | SeenPerson]
    owner: PersonView | SeenPerson
    contact_url: str
    impressum_url: str
    privacy_url: str
    feed_url: str
    offers_url: str
    journal_url: str
    year: int


@dataclass(frozen=True)
class ThemeView:
    """The theme as templates see it: `theme.name`, `theme.settings.accent`."""

    name: str
    settings: dict[str, Any]


@dataclass
class RenderResult:
    """The HTML of one page, or the problems that kept it from rendering."""

    entry: PageEntry
    html: str = ""
    problems: list[Problem] = field(default_factory=list)
    images: list[Job] = field(default_factory=list)  # the images the page shows
    links: dict[str, str] = field(default_factory=dict)  # page files its text links to (markup)
    people: list[str] = field(default_factory=list)  # the ids of the people the page shows
    conversion: str = ""  # the key of its text's conversion in the store ('' for none)


class PageRenderer:
    """Renders pages of one site model; made once per build (or per worker process)."""

    def __init__(self, model: SiteModel, site_root: Path, chain: list[Theme],
                 memo: dict[MemoKey, Rendered] | None = None,
                 templates: BytecodeCache | None = None,
                 store: ConversionStore | None = None,
                 pictures: PictureFacts | None = None) -> None:
        """`memo` keeps the Markdown conversions for whoever reads them after the build;
        `templates` keeps compiled templates and `store` Markdown conversions between builds,
        `pictures` what picture files hold (in a worker process, what it notes is let go)."""
        self.model = model
        self.site_root = site_root
        self.labels = {str(path.resolve()): label for path, label in template_folders(site_root, chain)}
        self.static = static_folders(site_root, chain)
        self.env: Environment = make_environment(site_root, chain, templates)
        self.t = Translator(model.config.language)
        self.pictures = pictures_for(site_root, chain, model.config.images.get("keep", []),
                                     model.base_path, model.base_url, pictures)
        self.markdown = MarkdownRenderer(model.config.language, model.base_path,
                                         model.pages_by_source, model.held_back,
                                         pictures=self.pictures,
                                         content_sizes=self.pictures.catalog.settings.content_sizes,
                                         memo=memo, store=store)
        self._asset_versions: dict[str, str] = {}
        self.seen: set[str] = set()  # the people the page being rendered has shown so far
        self.env.globals.update(t=self.t, asset=self.asset, image=self.pictures.helper,
                                theme=ThemeView(chain[0].name if chain else "",
                                                model.theme_settings))
        self.site = self._site_view()
        self.env.globals["site"] = self.site

    def asset(self, path: str) -> str:
        """The URL of a static file with a version that changes when the file does."""
        path = path.lstrip("/")
        if path not in self._asset_versions:
            found = next((folder / path for folder in reversed(self.static)
                          if (folder / path).is_file()), None)
            if found is None:
                raise TemplateError(f"asset('{path}') names a file that is in no static/ folder")
            self._asset_versions[path] = hashlib.sha256(found.read_bytes()).hexdigest()[:10]
        return f"{self.model.url(path)}?v={self._asset_versions[path]}"

    def _site_view(self) -> SiteView:
        model, config = self.model, self.model.config
        business = {"name": config.business.get("name") or config.title,
                    **{k: v for k, v in config.business.items() if k != "name"}}
        special = model.special
        return SiteView(
            title=config.title, language=config.language, locale=self.t("locale"),
            description=config.description, base_url=model.base_url, home_url=model.url(""),
            menu=[self.page_view(e, teaser=True) for e in model.menu],
            contact=Channels.from_values(config.contact),
            social=[Link(s["name"], s["url"]) for s in config.social],
            business=business, people=[self.shown(p) for p in model.people.values()],
            owner=self.shown(model.owner),
            contact_url=model.url(special["contact"]),
            impressum_url=model.url(special["impressum"]),
            privacy_url=model.url(special["privacy"]),
            feed_url=model.url("feed.xml") if model.posts else "",
            offers_url=model.url(special["offers"]) if "offers" in special else "",
            journal_url=model.url(special["journal"]) if "journal" in special else "",
            year=model.now.astimezone(config.timezone).year,
        )

    def shown(self, person: PersonView) -> SeenPerson:
        """`person` as templates see them, noted as shown when a template reads them."""
        return SeenPerson(person, self.seen)

    def page_view(self, entry: PageEntry, teaser: bool = False,
                  content: Markup | None = None) -> PageView:
        """The view of a page; teasers (for lists and menus) skip content and structured data."""
        model = self.model
        person = model.people[entry.person_id]
        canonical = "" if entry.kind == "not_found" else model.absolute_url(entry.path)
        return PageView(
            title=entry.title, url=model.url(entry.path), canonical_url=canonical, kind=entry.kind,
            description=entry.description or model.config.description or entry.title,
            person=self.shown(person), summary=entry.summary, price=entry.price,
            content=content or Markup(""),
            template=entry.template, date=entry.date,
            structured_data=None if teaser else page_data(entry, model),
            reply_url=reply_url(person, model.config, entry.title) if entry.kind == "post" else "",
            preview_marker=preview_marker(entry.date, model.config.timezone, model.config.language)
            if model.preview and entry.scheduled and entry.date else "",
            image=entry.image, image_alt=entry.image_alt,
            og_image=None if teaser else self.pictures.og(entry.image or person.portrait_image),
            **date_fields(entry.date, model.config.language),
        )

    def content_of(self, entry: PageEntry) -> Rendered:
        """The HTML body of a page: its Markdown, or what zuhause generates for it."""
        if entry.path == self.model.special["impressum"] and entry.kind == "legal":
            return Rendered(impressum_html(self.model.config, bool(self.model.posts)))
        if entry.path == self.model.special["privacy"] and entry.kind == "legal":
            own = self.model.config.privacy.get("text", "")
            rendered = self.markdown.render(own, "zuhause.yaml", 1) if own else Rendered("")
            return Rendered(privacy_html(self.model.config, Markup(rendered.html)),
                            rendered.problems, rendered.links, stored=rendered.stored)
        text = self.markdown.render(entry.body, entry.source, entry.body_line, entry.page_dir) \
            if entry.source else Rendered("")
        parts = [Markup(text.html)] if entry.source else []
        if entry.generated_html:
            parts.append(entry.generated_html)
        return Rendered(Markup("\n").join(parts), text.problems, text.links, stored=text.stored)

    def render(self, entry: PageEntry) -> RenderResult:
        """Render one page to HTML; template and Markdown failures become problems."""
        self.pictures.catalog.take()
        self.seen.clear()
        text = self.content_of(entry)
        if text.problems:
            return RenderResult(entry, problems=text.problems)
        content = Markup(text.html)
        context = {
            "page": self.page_view(entry, content=content),
            "offers": [self.page_view(e, teaser=True) for e in self.model.offers]
            if entry.kind == "home" else [],
            "posts": [self.page_view(e, teaser=True) for e in self.model.posts[:3]]
            if entry.kind == "home" else [],
            "items": [self.page_view(e, teaser=True) for e in
                      (self.model.offers if entry.list_of == "offer" else self.model.posts)]
            if entry.list_of else [],
        }
        try:
            html = self.env.get_template(f"{entry.template}.html").render(context)
        except ImageFailed as failed:
            return RenderResult(entry, problems=[failed.problem])
        except Exception as error:  # noqa: BLE001 - every template failure is the designer's to fix
            return RenderResult(entry, problems=[self.template_problem(error, entry)])
        shown = sorted(self.seen | {entry.person_id})  # its own person: structured data, og image
        return RenderResult(entry, html, images=self.pictures.catalog.take(), links=text.links,
                            people=shown, conversion=text.stored)

    def template_problem(self, error: Exception, entry: PageEntry) -> Problem:
        """Turn a template failure into a problem naming the template file and line."""
        where = entry.source or f"/{entry.path}"
        if isinstance(error, TemplateSyntaxError) and error.filename:
            return Problem(self.label(error.filename), error.lineno or 1, 1,
                           msg("template.syntax", detail=error.message or ""),
                           msg("template.syntax-hint"), "template.syntax")
        if isinstance(error, TemplateNotFound):
            return Problem(where, 1, 1, msg("template.missing", template=str(error.name)),
                           msg("template.missing-hint"), "template.missing")
        frames = [f for f in traceback.extract_tb(error.__traceback__)
                  if f.filename.endswith((".html", ".xml"))]
        message = str(error) if not isinstance(error, KeyError) else str(error.args[0])
        if frames:
            frame = frames[-1]
            return Problem(self.label(frame.filename), frame.lineno or 1, 1,
                           msg("template.error-while", page=where, detail=message),
                           msg("template.error-while-hint"), "template.error")
        return Problem(where, 1, 1, msg("template.error", detail=message),
                       msg("template.error-hint"), "template.error")

    def label(self, filename: str) -> str:
        """A template file as the owner knows it, e.g. `templates/page.html`."""
        resolved = Path(filename).resolve()
        for folder, label in self.labels.items():
            try:
                return f"{label}/{resolved.relative_to(folder).as_posix()}"
            except ValueError:
                continue
        return filename
