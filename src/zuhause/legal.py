"""The Impressum (§ 5 DDG, § 18 Abs. 2 MStV, § 36 VSBG) and the privacy page, generated from
the structured legal data in zuhause.yaml, in the site's language."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .config import SiteConfig
from .errors import Problems, msg
from .legal_texts import LEGAL_TEXTS
from .schema import position_of

# Required for a site in Germany, by legal form (beyond the fields every form needs).
BASE_REQUIRED = ("form", "name", "street", "postcode", "city", "email")
REQUIRED_BY_FORM = {
    "sole_trader": (),
    "freelancer": (),
    "gmbh": ("register_court", "register_number", "managing_directors"),
    "ug": ("register_court", "register_number", "managing_directors"),
    "gbr": ("partners",),
}
# The Impressum's details of a regulated profession (and the older free-text spellings).
PROFESSION_KEYS = ("professional_title", "title_state", "chamber", "professional_register",
                   "professional_rules", "profession", "profession_rules")
HOSTS = {
    "netlify": "Netlify, Inc., 101 2nd Street, San Francisco, CA 94105, USA",
    "github": "GitHub, Inc., 88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, USA",
}


def check_legal(config: SiteConfig, problems: Problems) -> None:
    """Record a problem for every mandatory Impressum field a German site lacks."""
    legal = config.legal
    if legal.get("country", "DE").upper() != "DE":
        return
    required = BASE_REQUIRED + REQUIRED_BY_FORM.get(legal.get("form", ""), ())
    for key in required:
        if not legal.get(key):
            pos = position_of(config.raw, "legal")
            problems.add("zuhause.yaml", pos.line, pos.column,
                         msg("legal.missing", key=key) if key in BASE_REQUIRED
                         else msg("legal.missing-for-form", key=key, form=legal["form"]),
                         msg("legal.missing-hint", key=key),
                         "legal.missing-field")


def _lines(*parts: Any) -> Markup:
    return Markup("<br>").join(escape(p) for p in parts if p)


def _postcode_city(legal: dict[str, Any]) -> str:
    return " ".join(x for x in (legal.get("postcode"), legal.get("city")) if x)


def address_of(legal: dict[str, Any]) -> str:
    """Street, postcode and city in one line."""
    return ", ".join(p for p in (legal.get("street"), _postcode_city(legal)) if p)


def _profession(legal: dict[str, Any], text: dict[str, str]) -> Markup:
    """Title and state, chamber, register and professional rules (§ 5 Abs. 1 Nr. 5 DDG), with
    each rule linked to where it can be read."""
    title = legal.get("professional_title", "")
    if title and legal.get("title_state"):
        title = f"{title} ({text['title_state'].format(value=legal['title_state'])})"
    rules = [Markup('<a href="{}">{}</a>').format(rule["url"], rule["name"])
             for rule in legal.get("professional_rules", []) if rule.get("name") and rule.get("url")]
    lines: list[Markup] = [escape(line) for line in (
        text["professional_title"].format(value=title) if title else "",
        legal.get("profession", ""),
        text["chamber"].format(value=legal["chamber"]) if legal.get("chamber") else "",
        text["professional_register"].format(value=legal["professional_register"])
        if legal.get("professional_register") else "") if line]
    if rules:
        lines.append(escape(text["profession_rules"].format(value="")) + Markup(", ").join(rules))
    if legal.get("profession_rules"):
        lines.append(escape(text["profession_rules"].format(value=legal["profession_rules"])))
    return Markup("<br>").join(lines)


def impressum_html(config: SiteConfig, has_journal: bool) -> Markup:
    """The Impressum's HTML for the site's language."""
    legal = config.legal
    text = LEGAL_TEXTS[config.language]
    out: list[Markup] = []

    def section(key: str, body: Markup) -> None:
        out.append(Markup("<h2>{}</h2>\n<p>{}</p>").format(text[key], body))

    def labelled(key: str, field: str) -> str:
        return text[key].format(value=legal[field]) if legal.get(field) else ""

    country = legal.get("country", "DE")
    section("provider", _lines(legal.get("name"), text.get(f"form_{legal.get('form')}", ""),
                               legal.get("street"), _postcode_city(legal),
                               country if country != "DE" else ""))
    if legal.get("managing_directors"):
        section("represented_by", _lines(*legal["managing_directors"]))
    if legal.get("partners"):
        section("partners", _lines(*legal["partners"]))
    contact = []
    if legal.get("phone"):
        contact.append(Markup('{}: <a href="tel:{}">{}</a>').format(
            text["phone"], phone_uri(legal["phone"]), legal["phone"]))
    if legal.get("email"):
        contact.append(Markup('{}: <a href="mailto:{}">{}</a>').format(
            text["email"], legal["email"], legal["email"]))
    section("contact", Markup("<br>").join(contact))
    if legal.get("register_court") or legal.get("register_number"):
        section("register", _lines(labelled("register_court", "register_court"),
                                   labelled("register_number", "register_number")))
    if legal.get("vat_id"):
        section("vat", escape(labelled("vat_text", "vat_id")))
    if any(legal.get(key) for key in PROFESSION_KEYS):
        section("profession", _profession(legal, text))
    if legal.get("supervisory_authority"):
        section("authority", escape(legal["supervisory_authority"]))
    if has_journal:
        responsible = legal.get("content_responsible") or {
            "name": legal.get("name", ""), "address": address_of(legal)}
        section("responsible", _lines(responsible.get("name"), responsible.get("address")))
    if legal.get("employees") is None or legal["employees"] > 10:
        willing = legal.get("dispute_resolution") == "willing"
        section("arbitration", escape(text["arbitration_willing" if willing
                                           else "arbitration_unwilling"]))
    return Markup("\n").join(out)


def phone_uri(phone: str) -> str:
    """`+49 351 123-45` -> `+4935112345` for tel: links."""
    return "".join(c for c in phone if c.isdigit() or c == "+")


def privacy_html(config: SiteConfig, owner_text: Markup) -> Markup:
    """The privacy page's HTML: what this site truly does with visitors' data."""
    legal, text = config.legal, LEGAL_TEXTS[config.language]
    hosting = config.privacy.get("hosting", "")
    host = HOSTS.get(hosting.lower(), hosting) if hosting else ""
    controller = [p for p in (legal.get("name"), address_of(legal), legal.get("email")) if p]
    sections = [
        ("privacy_controller", [text["privacy_controller_text"], *controller]),
        ("privacy_short", [text["privacy_short_text"]]),
        ("privacy_hosting", [text["privacy_hosting_text"] + " " + (
            text["privacy_host"].format(host=host) if host else text["privacy_no_host"])]),
        ("privacy_contact", [text["privacy_contact_text"]]),
    ]
    if config.contact.get("form") == "netlify":
        sections.append(("privacy_form", [text["privacy_form_text"]]))
    sections.append(("privacy_rights", [text["privacy_rights_text"]]))
    parts = [Markup("<h2>{}</h2>\n<p>{}</p>").format(text[key], _lines(*lines))
             for key, lines in sections]
    if owner_text:
        parts.append(owner_text)
    return Markup("\n").join(parts)
