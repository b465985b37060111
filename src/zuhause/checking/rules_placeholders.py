"""Placeholders: nothing `zuhause new` wrote for the owner to replace goes live. What counts as
a placeholder is kept with the starter site (zuhause/starter/), so the two cannot drift."""

from __future__ import annotations

from ..starter.recognise import Placeholder, find_placeholders
from .context import CheckContext
from .findings import Rule, Texts

Hits = list[tuple[str, int, dict[str, str]]]
_OTHER = {"address", "phone", "portrait"}


def _found(context: CheckContext, keep: set[str] | None, leave: set[str]) -> Hits:
    found: list[Placeholder] = find_placeholders(context.root, context.model, context.source_text)
    return [(p.path, p.line, {"text": p.text if len(p.text) <= 60 else p.text[:57] + "..."})
            for p in found if (keep is None or p.key in keep) and p.key not in leave]


def starter_texts(context: CheckContext) -> Hits:
    return _found(context, None, _OTHER)


def example_addresses(context: CheckContext) -> Hits:
    return _found(context, {"address", "phone"}, set())


def drawn_portrait(context: CheckContext) -> Hits:
    return _found(context, {"portrait"}, set())


RULES = [
    Rule("placeholder.text", "error", {
        "de": Texts("Hier steht noch ein Platzhalter von zuhause new: „{text}“.",
                    "Besucherinnen und Besucher läsen einen Text, der nur für Sie gedacht war.",
                    "Ersetzen Sie ihn durch Ihre eigenen Worte."),
        "en": Texts("A placeholder from zuhause new is still here: “{text}”.",
                    "Visitors would read a text that was meant only for you.",
                    "Replace it with your own words."),
    }, starter_texts),
    Rule("placeholder.example-address", "error", {
        "de": Texts("{text} ist eine Beispieladresse oder -nummer, die niemand erreicht.",
                    "Solche Adressen und Nummern sind nur für Beispiele reserviert; wer Ihnen "
                    "schreibt oder Sie anruft, landet nirgends, und das Impressum ist falsch.",
                    "Tragen Sie Ihre echte Adresse oder Nummer ein."),
        "en": Texts("{text} is an example address or number that reaches nobody.",
                    "Such addresses and numbers are reserved for examples; whoever writes or "
                    "calls you reaches no one, and the legal notice is wrong.",
                    "Write your real address or number."),
    }, example_addresses),
    Rule("placeholder.portrait", "error", {
        "de": Texts("Das Porträt ist noch der gezeichnete Umriss von zuhause new ({text}).",
                    "Menschen kaufen bei Menschen: Die Startseite soll Ihr Gesicht zeigen.",
                    "Legen Sie ein Foto von sich nach static/images/ und schreiben Sie seinen "
                    "Namen hinter portrait:, z. B. images/anna.jpg."),
        "en": Texts("The portrait is still the drawn outline from zuhause new ({text}).",
                    "People buy from people: the home page should show your face.",
                    "Put a photo of yourself into static/images/ and write its name after "
                    "portrait:, e.g. images/anna.jpg."),
    }, drawn_portrait),
]
