"""The site configuration, `zuhause.yaml`: its field table and the validated SiteConfig."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import Problems
from .frontmatter import YamlMap, load_yaml
from .i18n import LANGUAGES
from .schema import Field, validate
from .sources import SourceError, read_source
from .urls import normalise_base_url

CONFIG_FILE = "zuhause.yaml"

LINK_FIELDS = (
    Field("name", "line", "the profile's name as visitors know it, e.g. Mastodon", True, "Mastodon"),
    Field("url", "url", "the full address of the profile", True, "https://mastodon.social/@anna"),
)

CONTACT_FIELDS = (
    Field("email", "email", "an email address", example="hallo@example.de"),
    Field("phone", "phone", "a phone number", example="+49 351 1234567"),
    Field("address", "line", "an address people may visit", example="Hauptstraße 1, 01067 Dresden"),
    Field("booking_url", "url", "a page where people book an appointment",
          example="https://cal.example.de/anna"),
    Field("hours", "line", "when you can be reached", example="Mo–Fr 8–17 Uhr"),
    Field("form", "choice", "a contact form where the host supports one", choices=("netlify", "none")),
)

BUSINESS_FIELDS = (
    Field("name", "line", "the business's name", example="Tischlerei Lindner"),
    Field("type", "choice", "what search engines call the business",
          choices=("LocalBusiness", "ProfessionalService")),
    Field("street", "line", "street and number", example="Hauptstraße 1"),
    Field("postcode", "line", "the postcode", example="01067"),
    Field("city", "line", "the town or city", example="Dresden"),
    Field("country", "line", "the country code", example="DE"),
)

RESPONSIBLE_FIELDS = (
    Field("name", "line", "the person responsible for the content", True, "Anna Beispiel"),
    Field("address", "line", "their address", True, "Hauptstraße 1, 01067 Dresden"),
)

LEGAL_FIELDS = (
    Field("form", "choice", "the legal form of the business",
          choices=("sole_trader", "freelancer", "gmbh", "ug", "gbr")),
    Field("name", "line", "the provider's full name (or the company's name with its legal form)",
          example="Anna Beispiel"),
    Field("street", "line", "street and number for legal documents", example="Hauptstraße 1"),
    Field("postcode", "line", "the postcode", example="01067"),
    Field("city", "line", "the town or city", example="Dresden"),
    Field("country", "line", "the country code (default DE)", example="DE"),
    Field("email", "email", "an email address for fast contact", example="hallo@example.de"),
    Field("phone", "phone", "a phone number", example="+49 351 1234567"),
    Field("vat_id", "line", "the VAT ID (USt-IdNr.), if you have one", example="DE123456789"),
    Field("register_court", "line", "the register court", example="Amtsgericht Dresden"),
    Field("register_number", "line", "the register number", example="HRB 12345"),
    Field("managing_directors", "list", "the managing directors", example="Anna Beispiel"),
    Field("partners", "list", "all partners of the GbR", example="Anna Beispiel"),
    Field("profession", "line", "the job title and the state that awarded it",
          example="Tischlermeisterin, verliehen in Deutschland"),
    Field("chamber", "line", "the chamber you belong to", example="Handwerkskammer Dresden"),
    Field("profession_rules", "line", "the professional rules and where to read them",
          example="Handwerksordnung, www.gesetze-im-internet.de/hwo"),
    Field("supervisory_authority", "line", "the authority that supervises your work",
          example="Landratsamt Meißen"),
    Field("employees", "integer", "how many people work for the business", example="3"),
    Field("content_responsible", "map", "who is responsible for the journal's content",
          fields=RESPONSIBLE_FIELDS),
    Field("dispute_resolution", "choice", "whether you take part in consumer arbitration",
          choices=("willing", "unwilling")),
)

PRIVACY_FIELDS = (
    Field("hosting", "text", "who serves the site: netlify, github, or a name and address",
          example="netlify"),
    Field("text", "text", "your own words for the privacy page (Markdown)"),
)

SKIP_FIELDS = (
    Field("id", "line", "the id of the check, as zuhause check prints it", True,
          "person.no-first-person"),
    Field("reason", "text", "why this check does not fit your site", True,
          "Wir schreiben bewusst in der dritten Person."),
)

CHECK_FIELDS = (
    Field("skip", "maplist", "checks of zuhause check you switch off, each with its reason",
          fields=SKIP_FIELDS),
)

SITE_FIELDS = (
    Field("title", "line", "the site's name", True, "Tischlerei Lindner"),
    Field("language", "choice", "the language visitors read", choices=LANGUAGES),
    Field("base_url", "url", "the address the site will live at", True,
          "https://www.example.de/"),
    Field("description", "text", "one or two sentences about the site"),
    Field("theme", "line", "the theme's name or folder", example="default"),
    Field("timezone", "line", "the time zone of dates without offset", example="Europe/Berlin"),
    Field("business", "map", "the business for search engines", fields=BUSINESS_FIELDS),
    Field("contact", "map", "the site-wide ways to reach you", fields=CONTACT_FIELDS),
    Field("social", "maplist", "profiles the site owns", fields=LINK_FIELDS),
    Field("domain", "line", "a custom domain; zuhause writes CNAME with it",
          example="www.example.de"),
    Field("legal", "map", "the data for the Impressum", True, fields=LEGAL_FIELDS),
    Field("privacy", "map", "hosting and your own text for the privacy page",
          fields=PRIVACY_FIELDS),
    Field("check", "map", "settings of zuhause check", fields=CHECK_FIELDS),
)


@dataclass(frozen=True)
class SiteConfig:
    """The validated `zuhause.yaml`."""

    root: Path
    title: str
    language: str
    base_url: str
    description: str
    theme: str
    timezone: ZoneInfo
    business: dict[str, Any]
    contact: dict[str, Any]
    social: list[dict[str, str]]
    domain: str
    legal: dict[str, Any]
    privacy: dict[str, Any]
    raw: YamlMap = field(repr=False, compare=False)
    check: dict[str, Any] = field(default_factory=dict)


def read_config(root: Path, problems: Problems, base_url: str | None = None) -> SiteConfig | None:
    """Read and validate `zuhause.yaml`; None when it cannot be used at all."""
    path = root / CONFIG_FILE
    if not path.is_file():
        problems.add(CONFIG_FILE, 0, 0, "the site folder has no zuhause.yaml",
                     f"Is '{root}' the right folder? Create a new site with: zuhause new FOLDER",
                     "config.missing")
        return None
    try:
        source = read_source(path, CONFIG_FILE)
    except SourceError as error:
        problems.extend([error.problem])
        return None
    data, yaml_problems = load_yaml(source.text, CONFIG_FILE)
    problems.extend(yaml_problems)
    if yaml_problems:
        return None
    if not isinstance(data, YamlMap):
        problems.add(CONFIG_FILE, 1, 1, "zuhause.yaml must be 'key: value' pairs",
                     "Start with a line like: title: Tischlerei Lindner", "config.not-mapping")
        return None
    values = validate(data, SITE_FIELDS, CONFIG_FILE, problems)
    zone_name = values.get("timezone", "Europe/Berlin")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        pos = data.value_at("timezone")
        problems.add(CONFIG_FILE, pos.line, pos.column, f"unknown time zone '{zone_name}'",
                     "Write a name like Europe/Berlin or Europe/Vienna.", "config.timezone")
        zone = ZoneInfo("UTC")
    if "title" not in values or "base_url" not in values or "legal" not in values:
        return None
    return SiteConfig(
        root=root,
        title=values["title"],
        language=values.get("language", "de"),
        base_url=normalise_base_url(base_url or values["base_url"]),
        description=values.get("description", ""),
        theme=values.get("theme", "default"),
        timezone=zone,
        business=values.get("business", {}),
        contact=values.get("contact", {}),
        social=values.get("social", []),
        domain=values.get("domain", ""),
        legal=values["legal"],
        privacy=values.get("privacy", {}),
        raw=data,
        check=values.get("check", {}),
    )
