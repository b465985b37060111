"""The catalogue of the Impressum's and the privacy page's texts, in German and English.

Placeholders in braces are filled by `legal.py` with the owner's data.
"""

from __future__ import annotations

ARBITRATION_BOARD = ("Universalschlichtungsstelle des Bundes, Zentrum für Schlichtung e.V., "
                     "Straßburger Straße 8, 77694 Kehl am Rhein")

LEGAL_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "provider": "Angaben gemäß § 5 DDG",
        "represented_by": "Vertreten durch",
        "partners": "Gesellschafter",
        "contact": "Kontakt",
        "phone": "Telefon",
        "email": "E-Mail",
        "register": "Registereintrag",
        "register_court": "Registergericht: {value}",
        "register_number": "Registernummer: {value}",
        "vat": "Umsatzsteuer-ID",
        "vat_text": "Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz: {value}",
        "profession": "Berufsbezeichnung und berufsrechtliche Regelungen",
        "chamber": "Zuständige Kammer: {value}",
        "profession_rules": "Berufsrechtliche Regelungen: {value}",
        "professional_title": "Gesetzliche Berufsbezeichnung: {value}",
        "title_state": "verliehen in: {value}",
        "professional_register": "Eingetragen in: {value}",
        "authority": "Aufsichtsbehörde",
        "responsible": "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
        "arbitration": "Verbraucherstreitbeilegung (§ 36 VSBG)",
        "arbitration_willing": "Wir sind bereit, an Streitbeilegungsverfahren vor einer "
        "Verbraucherschlichtungsstelle teilzunehmen. Zuständig ist die " + ARBITRATION_BOARD + ".",
        "arbitration_unwilling": "Wir sind nicht bereit und nicht verpflichtet, an "
        "Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.",
        "form_sole_trader": "Einzelunternehmen",
        "form_freelancer": "Freiberufliche Tätigkeit",
        "form_gmbh": "GmbH",
        "form_ug": "UG (haftungsbeschränkt)",
        "form_gbr": "GbR",
        "privacy_controller": "Wer verantwortlich ist",
        "privacy_controller_text": "Verantwortlich für diese Website im Sinne der DSGVO ist:",
        "privacy_short": "Kurz gesagt",
        "privacy_short_text": "Diese Website setzt keine Cookies, verwendet kein Tracking und keine "
        "Analysewerkzeuge und lädt nichts von fremden Servern: Schriften und Bilder liegen auf "
        "demselben Server wie die Seiten. Es gibt deshalb auch kein Cookie-Banner.",
        "privacy_hosting": "Hosting und Server-Protokolle",
        "privacy_hosting_text": "Wenn Sie diese Seiten aufrufen, verarbeitet der Server technisch "
        "notwendige Daten (IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browserkennung), um die "
        "Seiten auszuliefern und Angriffe abzuwehren (Art. 6 Abs. 1 lit. f DSGVO).",
        "privacy_host": "Die Website wird betrieben bei: {host}. Mit dem Anbieter besteht ein "
        "Vertrag zur Auftragsverarbeitung; Übermittlungen in die USA stützen sich auf das EU-US "
        "Data Privacy Framework bzw. Standardvertragsklauseln.",
        "privacy_no_host": "Die Protokolle werden nach kurzer Zeit gelöscht.",
        "privacy_contact": "Wenn Sie uns schreiben oder anrufen",
        "privacy_contact_text": "Wenn Sie uns per E-Mail oder Telefon kontaktieren, verwenden wir "
        "Ihre Angaben nur, um Ihr Anliegen zu beantworten (Art. 6 Abs. 1 lit. b und f DSGVO), und "
        "löschen sie, wenn sie dafür nicht mehr gebraucht werden und keine Aufbewahrungspflicht "
        "besteht.",
        "privacy_form": "Kontaktformular",
        "privacy_form_text": "Das Kontaktformular wird von Netlify verarbeitet. Um Spam "
        "abzuwehren, prüft Netlify eingehende Nachrichten mit dem Dienst Akismet (Automattic "
        "Inc., USA). Dabei werden die Angaben im Formular und technische Daten wie die "
        "IP-Adresse übermittelt (Art. 6 Abs. 1 lit. f DSGVO).",
        "privacy_rights": "Ihre Rechte",
        "privacy_rights_text": "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, "
        "Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15 bis 21 "
        "DSGVO) sowie das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren "
        "(Art. 77 DSGVO).",
    },
    "en": {
        "provider": "Information according to § 5 DDG (German law)",
        "represented_by": "Represented by",
        "partners": "Partners",
        "contact": "Contact",
        "phone": "Phone",
        "email": "Email",
        "register": "Register entry",
        "register_court": "Register court: {value}",
        "register_number": "Register number: {value}",
        "vat": "VAT ID",
        "vat_text": "VAT identification number: {value}",
        "profession": "Professional title and rules",
        "chamber": "Chamber: {value}",
        "profession_rules": "Professional rules: {value}",
        "professional_title": "Legal professional title: {value}",
        "title_state": "awarded in: {value}",
        "professional_register": "Registered in: {value}",
        "authority": "Supervisory authority",
        "responsible": "Responsible for content according to § 18 (2) MStV",
        "arbitration": "Consumer dispute resolution (§ 36 VSBG)",
        "arbitration_willing": "We are willing to take part in dispute resolution proceedings "
        "before a consumer arbitration board. The competent board is the " + ARBITRATION_BOARD + ".",
        "arbitration_unwilling": "We are neither willing nor obliged to take part in dispute "
        "resolution proceedings before a consumer arbitration board.",
        "form_sole_trader": "sole trader",
        "form_freelancer": "freelancer",
        "form_gmbh": "GmbH",
        "form_ug": "UG (haftungsbeschränkt)",
        "form_gbr": "GbR (civil-law partnership)",
        "privacy_controller": "Who is responsible",
        "privacy_controller_text": "The controller of this website under the GDPR is:",
        "privacy_short": "In short",
        "privacy_short_text": "This website sets no cookies, uses no tracking and no analytics, "
        "and loads nothing from other servers: fonts and images come from the same server as "
        "the pages. That is why there is no cookie banner.",
        "privacy_hosting": "Hosting and server logs",
        "privacy_hosting_text": "When you visit these pages, the server processes technically "
        "necessary data (IP address, time, address requested, browser identifier) to deliver "
        "the pages and fend off attacks (Art. 6(1)(f) GDPR).",
        "privacy_host": "The website is hosted by: {host}. A data processing agreement is in "
        "place; transfers to the USA rely on the EU-US Data Privacy Framework or standard "
        "contractual clauses.",
        "privacy_no_host": "The logs are deleted after a short time.",
        "privacy_contact": "When you write or call us",
        "privacy_contact_text": "When you contact us by email or phone, we use your details only "
        "to answer you (Art. 6(1)(b) and (f) GDPR) and delete them when they are no longer "
        "needed and no retention duty applies.",
        "privacy_form": "Contact form",
        "privacy_form_text": "The contact form is processed by Netlify. To fend off spam, "
        "Netlify checks incoming messages with the Akismet service (Automattic Inc., USA), "
        "which receives the form's content and technical data such as the IP address "
        "(Art. 6(1)(f) GDPR).",
        "privacy_rights": "Your rights",
        "privacy_rights_text": "You have the right of access, rectification, erasure, "
        "restriction of processing, data portability and objection (Art. 15 to 21 GDPR) and "
        "the right to lodge a complaint with a supervisory authority (Art. 77 GDPR).",
    },
}
