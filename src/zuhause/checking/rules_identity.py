"""One identity: the Impressum, the contact data, the business data and the owner's own page name
the same phone number, e-mail domain, address and person."""

from __future__ import annotations

import re
from typing import Any

from ..schema import position_of
from .context import CheckContext
from .findings import Rule
from .rules_safety import mask_code

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
# A phone number in text: + or 0, then digits, blanks, / - ( ); never right after a letter,
# digit group, path or date, nor before a letter (IBANs, file names, URLs, 01.02.2025).
_PHONE = re.compile(r"(?<![\w+/.,:=-])(?<!\d )\(?(?:\+|0)[\d \t/()-]{5,}\d(?![\w.,]\d)(?!\w)")
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


def phones_in(text: str) -> list[tuple[int, str]]:
    """(line, number as written) of every phone number in a text: it starts with + or 0 and
    has 7 to 15 digits; not a part of a word, a path, a date or a longer run of digit groups
    (an IBAN)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _PHONE.finditer(line):
            if 7 <= len(_NOT_DIGIT.sub("", match[0])) <= 15:
                found.append((number, match[0]))
    return found


def _configured_phones(context: CheckContext) -> dict[str, str]:
    """Where a phone number is configured -> the number: contact:, legal:, each invitation."""
    config = context.loaded.config
    phones = {"contact: phone": config.contact.get("phone", ""),
              "legal: phone": config.legal.get("phone", "")}
    phones |= {f"{person.source}, invitation: phone": person.invitation.phone
               for person in context.people}
    return {where: phone for where, phone in phones.items() if phone}


def _text_phone_hits(context: CheckContext, configured: dict[str, str]) -> Hits:
    """Numbers written in the text of pages and people (stories, invitations) that are none of
    the configured ones; the same number written another way (+49 351 …, 0351/…) is the same.
    Every number counts, also one introduced as someone else's: a partner's number is better
    a link to the partner's site."""
    known = {normalise_phone(phone) for phone in configured.values()}
    if not known:
        return []
    other_where, other = next(iter(configured.items()))
    sources = [p.entry.source for p in context.pages if p.entry.source]
    sources += [person.source for person in context.people]
    return [(source, line, {"phone": phone, "where": source, "other": other,
                            "other_where": other_where})
            for source in dict.fromkeys(sources)
            for line, phone in phones_in(mask_code(context.source_text(source)))
            if normalise_phone(phone) not in known]


def phone_differs(context: CheckContext) -> Hits:
    """Contact and legal phone differ, a sole trader's own phone is neither of them, or a page
    or person text gives a number that is none of the configured ones."""
    config = context.loaded.config
    legal, contact = config.legal.get("phone", ""), config.contact.get("phone", "")
    hits: Hits = []
    if legal and contact and normalise_phone(legal) != normalise_phone(contact):
        hits.append((CONFIG, _config_line(context, "contact", "phone"),
                     {"phone": contact, "where": "contact: phone", "other": legal,
                      "other_where": "legal: phone"}))
    others = {k: v for k, v in (("legal: phone", legal), ("contact: phone", contact)) if v}
    return hits + _owner_phone_hits(context, others) + \
        _text_phone_hits(context, _configured_phones(context))


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
    Rule("identity.phone-differs", "warning", phone_differs),
    Rule("identity.email-differs", "hint", email_differs),
    Rule("identity.address-differs", "warning", address_differs),
    Rule("identity.name-differs", "warning", name_differs),
]
