"""One identity: the Impressum, the contact data, the business data and the owner's own page name
the same phone number, e-mail domain, address and person."""

from __future__ import annotations

import re
from typing import Any

from ..schema import position_of
from .context import CheckContext
from .findings import Rule, Texts

Hits = list[tuple[str, int, dict[str, str]]]

CONFIG = "zuhause.yaml"
PERSONAL_FORMS = ("sole_trader", "freelancer")
ADDRESS_KEYS = ("street", "postcode", "city")

_NOT_DIGIT = re.compile(r"\D")
_TRUNK_ZERO = re.compile(r"\(\s*0\s*\)")  # +49 (0) 351 ...
_STREET = re.compile(r"str\.|strasse|straße", re.IGNORECASE)
_SPACE = re.compile(r"[\s,.-]+")
_TITLES = frozenset({"dr", "prof", "dipl", "ing", "med", "phil", "rer", "nat", "mag", "herr",
                     "frau"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def normalise_phone(phone: str) -> str:
    """Digits only, German numbers in national form: '+49 351 1234' and '0351 1234' -> '03511234'."""
    text = _TRUNK_ZERO.sub("", phone.strip())
    digits = _NOT_DIGIT.sub("", text)
    if text.startswith("+"):
        return "0" + digits[2:] if digits.startswith("49") else "+" + digits
    if digits.startswith("0049"):
        return "0" + digits[4:]
    return digits


def normalise_address(part: Any) -> str:
    """An address part compared loosely: case, spaces and 'Str.' against 'Straße' do not count."""
    text = _STREET.sub("strasse", str(part).lower().replace("ß", "ss"))
    return _SPACE.sub("", text)


def _config_line(context: CheckContext, *keys: str) -> int:
    """The line of a value in zuhause.yaml."""
    return position_of(context.loaded.config.raw, *keys).line


def _owner_phone_hits(context: CheckContext, others: dict[str, str]) -> Hits:
    """A sole trader's own phone number that is none of the site-wide numbers."""
    config, owner = context.loaded.config, context.model.owner
    own = owner.invitation.phone
    if config.legal.get("form") not in PERSONAL_FORMS or not own or not others:
        return []
    if any(normalise_phone(own) == normalise_phone(p) for p in others.values()):
        return []
    where, other = next(iter(others.items()))
    line = context.line_of(owner.source, own)
    return [(owner.source, line, {"phone": own, "where": f"{owner.source}, invitation: phone",
                                  "other": other, "other_where": where})]


def phone_differs(context: CheckContext) -> Hits:
    """Contact and legal phone differ, or a sole trader's own phone is neither of them."""
    config = context.loaded.config
    legal, contact = config.legal.get("phone", ""), config.contact.get("phone", "")
    hits: Hits = []
    if legal and contact and normalise_phone(legal) != normalise_phone(contact):
        hits.append((CONFIG, _config_line(context, "contact", "phone"),
                     {"phone": contact, "where": "contact: phone", "other": legal,
                      "other_where": "legal: phone"}))
    others = {k: v for k, v in (("legal: phone", legal), ("contact: phone", contact)) if v}
    return hits + _owner_phone_hits(context, others)


def _domain(email: str) -> str:
    """The part of an address after the @, in lower case."""
    return email.rpartition("@")[2].strip().lower()


def email_differs(context: CheckContext) -> Hits:
    """Contact and legal e-mail addresses on different domains."""
    config = context.loaded.config
    legal, contact = config.legal.get("email", ""), config.contact.get("email", "")
    if not legal or not contact or _domain(legal) == _domain(contact):
        return []
    return [(CONFIG, _config_line(context, "contact", "email"),
             {"email": contact, "other": legal, "domain": _domain(contact),
              "other_domain": _domain(legal)})]


def _address(values: dict[str, Any]) -> str:
    """Street, postcode and city as one line."""
    street, postcode, city = (str(values.get(k, "")) for k in ADDRESS_KEYS)
    return ", ".join(p for p in (street, f"{postcode} {city}".strip()) if p)


def address_differs(context: CheckContext) -> Hits:
    """The business address and the Impressum address differ."""
    config = context.loaded.config
    legal, business = config.legal, config.business
    differing = [k for k in ADDRESS_KEYS if legal.get(k) and business.get(k)
                 and normalise_address(legal[k]) != normalise_address(business[k])]
    if not differing:
        return []
    return [(CONFIG, _config_line(context, "business", differing[0]),
             {"business": _address(business), "legal": _address(legal),
              "fields": ", ".join(differing)})]


def _name_words(name: str) -> set[str]:
    """The words of a name without titles, in lower case."""
    return {w for w in _WORD.findall(name.lower()) if w not in _TITLES}


def name_differs(context: CheckContext) -> Hits:
    """A sole trader's or freelancer's Impressum that does not name the owner."""
    config = context.loaded.config
    legal_name, owner = config.legal.get("name", ""), context.model.owner
    if config.legal.get("form") not in PERSONAL_FORMS or not legal_name:
        return []
    wanted = _name_words(owner.name)
    if not wanted or wanted <= _name_words(legal_name):
        return []
    return [(CONFIG, _config_line(context, "legal", "name"),
             {"legal": legal_name, "owner": owner.name, "source": owner.source})]


RULES: list[Rule] = [
    Rule("identity.phone-differs", "warning", {
        "de": Texts("Die Telefonnummer {phone} ({where}) ist eine andere als {other} "
                    "({other_where}).",
                    "Wer zwei verschiedene Nummern für dieselbe Sache findet, weiß nicht, wo er "
                    "Sie wirklich erreicht, und zweifelt, ob die Angaben stimmen.",
                    "Schreiben Sie an beiden Stellen dieselbe Nummer, oder streichen Sie die, "
                    "die nicht mehr gilt."),
        "en": Texts("The phone number {phone} ({where}) is not the same as {other} "
                    "({other_where}).",
                    "Visitors who find two numbers for the same thing do not know where they "
                    "really reach you, and doubt that your details are right.",
                    "Write the same number in both places, or delete the one that is no longer "
                    "valid."),
    }, phone_differs),
    Rule("identity.email-differs", "hint", {
        "de": Texts("Die Kontakt-Adresse {email} liegt bei {domain}, die im Impressum ({other}) "
                    "bei {other_domain}.",
                    "Zwei Adressen bei verschiedenen Anbietern wirken wie zwei verschiedene "
                    "Absender; Besucher fragen sich, welche wirklich zu Ihnen gehört.",
                    "Nutzen Sie, wenn es geht, Adressen Ihrer eigenen Domain für contact: email "
                    "und legal: email."),
        "en": Texts("The contact address {email} is at {domain}, the one in the legal notice "
                    "({other}) at {other_domain}.",
                    "Two addresses with different providers look like two different senders; "
                    "visitors wonder which one really belongs to you.",
                    "Where you can, use addresses of your own domain for contact: email and "
                    "legal: email."),
    }, email_differs),
    Rule("identity.address-differs", "warning", {
        "de": Texts("Die Anschrift unter business: ({business}) passt nicht zu der im Impressum "
                    "unter legal: ({legal}); anders ist: {fields}.",
                    "Suchmaschinen und Karten zeigen die eine Adresse, das Impressum die andere; "
                    "Besucher wissen nicht, wohin sie kommen sollen.",
                    "Schreiben Sie unter business: und legal: dieselbe Anschrift."),
        "en": Texts("The address below business: ({business}) does not match the one for the "
                    "legal notice below legal: ({legal}); different: {fields}.",
                    "Search engines and maps show one address, the legal notice another; visitors "
                    "do not know where to come.",
                    "Write the same address below business: and legal:."),
    }, address_differs),
    Rule("identity.name-differs", "warning", {
        "de": Texts("Das Impressum nennt „{legal}“, aber nicht {owner}, die Person der "
                    "Startseite ({source}).",
                    "Bei Einzelunternehmen und Freiberuflern steht der Mensch hinter dem Angebot "
                    "im Impressum; Besucher sollen sehen, dass es dieselbe Person ist, die sie "
                    "auf der Startseite begrüßt.",
                    "Schreiben Sie unter legal: name Ihren vollen Namen, z. B. „{owner}, "
                    "{legal}“."),
        "en": Texts("The legal notice names \"{legal}\", but not {owner}, the person of the home "
                    "page ({source}).",
                    "A sole trader's or freelancer's legal notice names the person behind the "
                    "business; visitors should see it is the same person who greets them on the "
                    "home page.",
                    "Write your full name below legal: name, e.g. \"{owner}, {legal}\"."),
    }, name_differs),
]
