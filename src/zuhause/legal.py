"""The Impressum (§ 5 DDG, § 18 Abs. 2 MStV, § 36 VSBG) and the privacy page, generated from
the structured legal data in zuhause.yaml, in the site's language."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .config import SiteConfig
from .errors import Problems
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
FORM_NAMES = {
    "de": {"sole_trader": "Einzelunternehmen", "freelancer": "Freiberufliche Tätigkeit",
           "gmbh": "GmbH", "ug": "UG (haftungsbeschränkt)", "gbr": "GbR"},
    "en": {"sole_trader": "sole trader", "freelancer": "freelancer", "gmbh": "GmbH",
           "ug": "UG (haftungsbeschränkt)", "gbr": "GbR (civil-law partnership)"},
}
HOSTS = {
    "netlify": "Netlify, Inc., 101 2nd Street, San Francisco, CA 94105, USA",
    "github": "GitHub, Inc., 88 Colin P. Kelly Jr. Street, San Francisco, CA 94107, USA",
}
ARBITRATION_BOARD = ("Universalschlichtungsstelle des Bundes, Zentrum für Schlichtung e.V., "
                     "Straßburger Straße 8, 77694 Kehl am Rhein")


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
                         f"the Impressum lacks '{key}', which German law requires"
                         + (f" for the legal form '{legal['form']}'" if key not in BASE_REQUIRED
                            else ""),
                         f"Add '{key}:' below 'legal:' (see docs/site-folder.md, section legal).",
                         "legal.missing-field")


def _lines(*parts: Any) -> Markup:
    return Markup("<br>").join(escape(p) for p in parts if p)


def address_of(legal: dict[str, Any]) -> str:
    """Street, postcode and city in one line."""
    return ", ".join(p for p in (legal.get("street"), " ".join(
        x for x in (legal.get("postcode"), legal.get("city")) if x)) if p)


def impressum_html(config: SiteConfig, has_journal: bool) -> Markup:
    """The Impressum's HTML for the site's language."""
    legal, de = config.legal, config.language == "de"
    form = legal.get("form", "")
    out: list[Markup] = []

    def section(heading: str, body: Markup) -> None:
        out.append(Markup("<h2>{}</h2>\n<p>{}</p>").format(heading, body))

    section("Angaben gemäß § 5 DDG" if de else "Information according to § 5 DDG (German law)",
            _lines(legal.get("name"), FORM_NAMES[config.language].get(form, ""),
                   legal.get("street"),
                   " ".join(x for x in (legal.get("postcode"), legal.get("city")) if x),
                   legal.get("country", "DE") if legal.get("country", "DE") != "DE" else ""))
    if legal.get("managing_directors"):
        section("Vertreten durch" if de else "Represented by",
                _lines(*legal["managing_directors"]))
    if legal.get("partners"):
        section("Gesellschafter" if de else "Partners", _lines(*legal["partners"]))
    contact = []
    if legal.get("phone"):
        contact.append(Markup('{}: <a href="tel:{}">{}</a>').format(
            "Telefon" if de else "Phone", phone_uri(legal["phone"]), legal["phone"]))
    if legal.get("email"):
        contact.append(Markup('{}: <a href="mailto:{}">{}</a>').format(
            "E-Mail" if de else "Email", legal["email"], legal["email"]))
    section("Kontakt" if de else "Contact", Markup("<br>").join(contact))
    if legal.get("register_court") or legal.get("register_number"):
        section("Registereintrag" if de else "Register entry",
                _lines(("Registergericht: " if de else "Register court: ")
                       + legal.get("register_court", ""),
                       ("Registernummer: " if de else "Register number: ")
                       + legal.get("register_number", "")))
    if legal.get("vat_id"):
        section("Umsatzsteuer-ID" if de else "VAT ID",
                escape(("Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz: "
                        if de else "VAT identification number: ") + legal["vat_id"]))
    if legal.get("profession") or legal.get("chamber") or legal.get("profession_rules"):
        section("Berufsbezeichnung und berufsrechtliche Regelungen" if de
                else "Professional title and rules",
                _lines(legal.get("profession"),
                       (("Zuständige Kammer: " if de else "Chamber: ") + legal["chamber"])
                       if legal.get("chamber") else "",
                       (("Berufsrechtliche Regelungen: " if de else "Professional rules: ")
                        + legal["profession_rules"]) if legal.get("profession_rules") else ""))
    if legal.get("supervisory_authority"):
        section("Aufsichtsbehörde" if de else "Supervisory authority",
                escape(legal["supervisory_authority"]))
    if has_journal:
        responsible = legal.get("content_responsible") or {
            "name": legal.get("name", ""), "address": address_of(legal)}
        section("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" if de
                else "Responsible for content according to § 18 (2) MStV",
                _lines(responsible.get("name"), responsible.get("address")))
    if legal.get("employees") is None or legal["employees"] > 10:
        willing = legal.get("dispute_resolution") == "willing"
        if de:
            text = ("Wir sind bereit, an Streitbeilegungsverfahren vor einer "
                    f"Verbraucherschlichtungsstelle teilzunehmen. Zuständig ist die {ARBITRATION_BOARD}."
                    if willing else "Wir sind nicht bereit und nicht verpflichtet, an "
                    "Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.")
        else:
            text = ("We are willing to take part in dispute resolution proceedings before a "
                    f"consumer arbitration board. The competent board is the {ARBITRATION_BOARD}."
                    if willing else "We are neither willing nor obliged to take part in dispute "
                    "resolution proceedings before a consumer arbitration board.")
        section("Verbraucherstreitbeilegung (§ 36 VSBG)" if de
                else "Consumer dispute resolution (§ 36 VSBG)", escape(text))
    return Markup("\n").join(out)


def phone_uri(phone: str) -> str:
    """`+49 351 123-45` -> `+4935112345` for tel: links."""
    return "".join(c for c in phone if c.isdigit() or c == "+")


def privacy_html(config: SiteConfig, owner_text: Markup) -> Markup:
    """The privacy page's HTML: what this site truly does with visitors' data."""
    legal, de = config.legal, config.language == "de"
    hosting = config.privacy.get("hosting", "")
    host = HOSTS.get(hosting.lower(), hosting) if hosting else ""
    contact = config.contact
    paragraphs: list[tuple[str, str]] = []
    controller = "\n".join(p for p in (legal.get("name"), address_of(legal), legal.get("email")) if p)
    if de:
        paragraphs += [
            ("Wer verantwortlich ist", f"Verantwortlich für diese Website im Sinne der DSGVO ist:\n{controller}"),
            ("Kurz gesagt", "Diese Website setzt keine Cookies, verwendet kein Tracking und keine "
             "Analysewerkzeuge und lädt nichts von fremden Servern: Schriften und Bilder liegen auf "
             "demselben Server wie die Seiten. Es gibt deshalb auch kein Cookie-Banner."),
            ("Hosting und Server-Protokolle", "Wenn Sie diese Seiten aufrufen, verarbeitet der Server "
             "technisch notwendige Daten (IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browserkennung), "
             "um die Seiten auszuliefern und Angriffe abzuwehren (Art. 6 Abs. 1 lit. f DSGVO). "
             + (f"Die Website wird betrieben bei: {host}. Mit dem Anbieter besteht ein Vertrag zur "
                "Auftragsverarbeitung; Übermittlungen in die USA stützen sich auf das EU-US Data "
                "Privacy Framework bzw. Standardvertragsklauseln." if host else
                "Die Protokolle werden nach kurzer Zeit gelöscht.")),
        ]
        ways = [w for w, on in (("per E-Mail", contact.get("email")), ("per Telefon", contact.get("phone"))) if on]
        paragraphs.append(("Wenn Sie uns schreiben oder anrufen", "Wenn Sie uns "
                           + (" oder ".join(ways) if ways else "per E-Mail oder Telefon")
                           + " kontaktieren, verwenden wir Ihre Angaben nur, um Ihr Anliegen zu "
                           "beantworten (Art. 6 Abs. 1 lit. b und f DSGVO), und löschen sie, wenn sie "
                           "dafür nicht mehr gebraucht werden und keine Aufbewahrungspflicht besteht."))
        if contact.get("form") == "netlify":
            paragraphs.append(("Kontaktformular", "Das Kontaktformular wird von Netlify verarbeitet. "
                               "Um Spam abzuwehren, prüft Netlify eingehende Nachrichten mit dem Dienst "
                               "Akismet (Automattic Inc., USA). Dabei werden die Angaben im Formular und "
                               "technische Daten wie die IP-Adresse übermittelt (Art. 6 Abs. 1 lit. f DSGVO)."))
        paragraphs.append(("Ihre Rechte", "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, "
                           "Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch "
                           "(Art. 15 bis 21 DSGVO) sowie das Recht, sich bei einer "
                           "Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO)."))
    else:
        paragraphs += [
            ("Who is responsible", f"The controller of this website under the GDPR is:\n{controller}"),
            ("In short", "This website sets no cookies, uses no tracking and no analytics, and "
             "loads nothing from other servers: fonts and images come from the same server as the "
             "pages. That is why there is no cookie banner."),
            ("Hosting and server logs", "When you visit these pages, the server processes "
             "technically necessary data (IP address, time, address requested, browser identifier) "
             "to deliver the pages and fend off attacks (Art. 6(1)(f) GDPR). "
             + (f"The website is hosted by: {host}. A data processing agreement is in place; "
                "transfers to the USA rely on the EU-US Data Privacy Framework or standard "
                "contractual clauses." if host else "The logs are deleted after a short time.")),
            ("When you write or call us", "When you contact us, we use your details only to "
             "answer you (Art. 6(1)(b) and (f) GDPR) and delete them when they are no longer "
             "needed and no retention duty applies."),
        ]
        if contact.get("form") == "netlify":
            paragraphs.append(("Contact form", "The contact form is processed by Netlify. To fend "
                               "off spam, Netlify checks incoming messages with the Akismet service "
                               "(Automattic Inc., USA), which receives the form's content and technical "
                               "data such as the IP address (Art. 6(1)(f) GDPR)."))
        paragraphs.append(("Your rights", "You have the right of access, rectification, erasure, "
                           "restriction of processing, data portability and objection (Art. 15 to "
                           "21 GDPR) and the right to lodge a complaint with a supervisory authority "
                           "(Art. 77 GDPR)."))
    parts = [Markup("<h2>{}</h2>\n<p>{}</p>").format(h, _lines(*t.split("\n"))) for h, t in paragraphs]
    if owner_text:
        parts.append(owner_text)
    return Markup("\n").join(parts)
