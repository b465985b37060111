"""The site configuration, `zuhause.yaml`: its field table and the validated SiteConfig."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .catalogue import languages
from .errors import Problems, msg
from .frontmatter import YamlMap, load_yaml
from .schema import Field, validate
from .sources import SourceError, read_source
from .urls import normalise_base_url

CONFIG_FILE = "zuhause.yaml"

LINK_FIELDS = (
    Field("name", "line", msg("field.link.name"), True, "Mastodon"),
    Field("url", "url", msg("field.link.url"), True, "https://mastodon.social/@anna"),
)

CONTACT_FIELDS = (
    Field("email", "email", msg("field.contact.email"), example="hallo@example.de"),
    Field("phone", "phone", msg("field.contact.phone"), example="+49 351 1234567"),
    Field("address", "line", msg("field.contact.address"), example="Hauptstraße 1, 01067 Dresden"),
    Field("booking_url", "url", msg("field.contact.booking_url"),
          example="https://cal.example.de/anna"),
    Field("hours", "line", msg("field.contact.hours"), example="Mo–Fr 8–17 Uhr"),
    Field("form", "choice", msg("field.contact.form"), choices=("netlify", "none")),
)

BUSINESS_FIELDS = (
    Field("name", "line", msg("field.business.name"), example="Tischlerei Lindner"),
    Field("type", "choice", msg("field.business.type"),
          choices=("LocalBusiness", "ProfessionalService")),
    Field("street", "line", msg("field.business.street"), example="Hauptstraße 1"),
    Field("postcode", "line", msg("field.business.postcode"), example="01067"),
    Field("city", "line", msg("field.business.city"), example="Dresden"),
    Field("country", "line", msg("field.business.country"), example="DE"),
)

RESPONSIBLE_FIELDS = (
    Field("name", "line", msg("field.responsible.name"), True, "Anna Beispiel"),
    Field("address", "line", msg("field.responsible.address"), True, "Hauptstraße 1, 01067 Dresden"),
)

PROFESSIONAL_RULES_FIELDS = (
    Field("name", "line", msg("field.professional_rules.name"), True, "Handwerksordnung"),
    Field("url", "url", msg("field.professional_rules.url"), True,
          "https://www.gesetze-im-internet.de/hwo/"),
)

LEGAL_FIELDS = (
    Field("form", "choice", msg("field.legal.form"),
          choices=("sole_trader", "freelancer", "gmbh", "ug", "gbr")),
    Field("name", "line", msg("field.legal.name"),
          example="Anna Beispiel"),
    Field("street", "line", msg("field.legal.street"), example="Hauptstraße 1"),
    Field("postcode", "line", msg("field.legal.postcode"), example="01067"),
    Field("city", "line", msg("field.legal.city"), example="Dresden"),
    Field("country", "line", msg("field.legal.country"), example="DE"),
    Field("email", "email", msg("field.legal.email"), example="hallo@example.de"),
    Field("phone", "phone", msg("field.legal.phone"), example="+49 351 1234567"),
    Field("vat_id", "line", msg("field.legal.vat_id"), example="DE123456789"),
    Field("register_court", "line", msg("field.legal.register_court"), example="Amtsgericht Dresden"),
    Field("register_number", "line", msg("field.legal.register_number"), example="HRB 12345"),
    Field("managing_directors", "list", msg("field.legal.managing_directors"), example="Anna Beispiel"),
    Field("partners", "list", msg("field.legal.partners"), example="Anna Beispiel"),
    Field("regulated", "bool", msg("field.legal.regulated"), example="true"),
    Field("chamber", "line", msg("field.legal.chamber"),
          example="Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden"),
    Field("professional_title", "line", msg("field.legal.professional_title"),
          example="Tischlermeisterin"),
    Field("title_state", "line", msg("field.legal.title_state"), example="Deutschland"),
    Field("professional_rules", "maplist", msg("field.legal.professional_rules"),
          fields=PROFESSIONAL_RULES_FIELDS),
    Field("professional_register", "line", msg("field.legal.professional_register"),
          example="Handwerksrolle der Handwerkskammer Dresden, Nr. 12345"),
    # the older free-text spellings, still read: title with state, and the rules in one line
    Field("profession", "line", msg("field.legal.profession"),
          example="Tischlermeisterin, verliehen in Deutschland"),
    Field("profession_rules", "line", msg("field.legal.profession_rules"),
          example="Handwerksordnung, www.gesetze-im-internet.de/hwo"),
    Field("supervisory_authority", "line", msg("field.legal.supervisory_authority"),
          example="Landratsamt Meißen"),
    Field("employees", "integer", msg("field.legal.employees"), example="3"),
    Field("content_responsible", "map", msg("field.legal.content_responsible"),
          fields=RESPONSIBLE_FIELDS),
    Field("dispute_resolution", "choice", msg("field.legal.dispute_resolution"),
          choices=("willing", "unwilling")),
)

PRIVACY_FIELDS = (
    Field("hosting", "text", msg("field.privacy.hosting"),
          example="netlify"),
    Field("text", "text", msg("field.privacy.text")),
)

SKIP_FIELDS = (
    Field("id", "line", msg("field.skip.id"), True,
          "person.no-first-person"),
    Field("reason", "text", msg("field.skip.reason"), True,
          "Wir schreiben bewusst in der dritten Person."),
)

CHECK_FIELDS = (
    Field("skip", "maplist", msg("field.check.skip"),
          fields=SKIP_FIELDS),
)

IMAGE_FIELDS = (
    Field("keep", "list", msg("field.images.keep"), example="downloads/plan.jpg"),
)

SITE_FIELDS = (
    Field("title", "line", msg("field.site.title"), True, "Tischlerei Lindner"),
    Field("language", "choice", msg("field.site.language"), choices=languages()),
    Field("base_url", "url", msg("field.site.base_url"), True,
          "https://www.example.de/"),
    Field("description", "text", msg("field.site.description")),
    Field("theme", "line", msg("field.site.theme"), example="default"),
    Field("theme_settings", "block", msg("field.site.theme_settings")),  # theme_settings.py
    Field("timezone", "line", msg("field.site.timezone"), example="Europe/Berlin"),
    Field("business", "map", msg("field.site.business"), fields=BUSINESS_FIELDS),
    Field("contact", "map", msg("field.site.contact"), fields=CONTACT_FIELDS),
    Field("social", "maplist", msg("field.site.social"), fields=LINK_FIELDS),
    Field("domain", "line", msg("field.site.domain"),
          example="www.example.de"),
    Field("legal", "map", msg("field.site.legal"), True, fields=LEGAL_FIELDS),
    Field("privacy", "map", msg("field.site.privacy"),
          fields=PRIVACY_FIELDS),
    Field("check", "map", msg("field.site.check"), fields=CHECK_FIELDS),
    Field("images", "map", msg("field.site.images"), fields=IMAGE_FIELDS),
    Field("people_order", "list", msg("field.site.people_order"), example="anna"),
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
    images: dict[str, Any] = field(default_factory=dict)
    people_order: tuple[str, ...] = ()  # person ids, who comes first everywhere


def read_config(root: Path, problems: Problems, base_url: str | None = None) -> SiteConfig | None:
    """Read and validate `zuhause.yaml`; None when it cannot be used at all."""
    path = root / CONFIG_FILE
    if not path.is_file():
        problems.add(CONFIG_FILE, 0, 0, msg("config.missing"),
                     msg("config.missing-hint", root=str(root)), "config.missing")
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
        problems.add(CONFIG_FILE, 1, 1, msg("config.not-mapping"), msg("config.not-mapping-hint"),
                     "config.not-mapping")
        return None
    values = validate(data, SITE_FIELDS, CONFIG_FILE, problems)
    zone_name = values.get("timezone", "Europe/Berlin")
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        pos = data.value_at("timezone")
        problems.add(CONFIG_FILE, pos.line, pos.column, msg("config.timezone", zone=zone_name),
                     msg("config.timezone-hint"), "config.timezone")
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
        images=values.get("images", {}),
        people_order=tuple(str(p) for p in values.get("people_order", [])),
    )
