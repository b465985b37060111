"""Every text a visitor reads, in German and English, and dates written in the site's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LANGUAGES = ("de", "en")

_MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}

CATALOGUE: dict[str, dict[str, str]] = {
    "de": {
        "locale": "de_DE",
        "skip_to_content": "Zum Inhalt springen",
        "main_menu": "Hauptmenü",
        "footer_menu": "Rechtliches und Kontakt",
        "home": "Startseite",
        "contact": "Kontakt",
        "contact_slug": "kontakt",
        "contact_intro": "Schreiben Sie mir, rufen Sie an oder kommen Sie vorbei. Ich freue mich darauf, von Ihnen zu hören.",
        "impressum": "Impressum",
        "impressum_slug": "impressum",
        "privacy": "Datenschutz",
        "privacy_slug": "datenschutz",
        "feed": "Feed (Atom)",
        "footer_note": "Ohne Cookies, ohne Tracking.",
        "journal": "Journal",
        "journal_slug": "journal",
        "journal_intro": "Wissen und Tipps aus unserer Arbeit, frei für alle.",
        "offers": "Angebote",
        "offers_slug": "angebote",
        "offers_intro": "Was wir für Sie tun können.",
        "email": "E-Mail",
        "phone": "Telefon",
        "visit": "Besuch",
        "booking": "Termin",
        "book_appointment": "Termin vereinbaren",
        "hours": "Erreichbar",
        "invitation_heading": "Lassen Sie uns sprechen",
        "who_speaks": "Wer hier spricht",
        "since": "seit {year}",
        "story_heading": "Meine Geschichte",
        "values_heading": "Wofür ich stehe",
        "outside_work_heading": "Wenn ich nicht arbeite",
        "outside_interests": "Was mich interessiert",
        "outside_likes": "Was ich mag",
        "outside_dislikes": "Was ich nicht mag",
        "all_offers": "Alle Angebote",
        "latest_posts": "Neu im Journal",
        "all_posts": "Alle Beiträge im Journal",
        "reply_by_email": "Antworten Sie mir per E-Mail",
        "reply_subject": "Zu Ihrem Beitrag",
        "nothing_yet": "Hier steht bald etwas.",
        "ways_to_reach": "So erreichen Sie uns",
        "write_to_us": "Schreiben Sie uns",
        "form_honeypot": "Dieses Feld bitte leer lassen:",
        "form_name": "Ihr Name",
        "form_email": "Ihre E-Mail-Adresse",
        "form_message": "Ihre Nachricht",
        "form_privacy_note": "Wir nutzen Ihre Angaben nur, um Ihnen zu antworten. Mehr dazu:",
        "form_send": "Nachricht senden",
        "back_home": "Zur Startseite",
        "table": "Tabelle",
        "not_found_title": "Diese Seite gibt es nicht",
        "not_found_text": "Vielleicht hat sich die Adresse geändert. Auf der Startseite finden Sie alles – und wenn nicht, fragen Sie uns einfach.",
    },
    "en": {
        "locale": "en_GB",
        "skip_to_content": "Skip to content",
        "main_menu": "Main menu",
        "footer_menu": "Legal and contact",
        "home": "Home",
        "contact": "Contact",
        "contact_slug": "contact",
        "contact_intro": "Write to me, call, or come by. I look forward to hearing from you.",
        "impressum": "Legal notice",
        "impressum_slug": "legal-notice",
        "privacy": "Privacy",
        "privacy_slug": "privacy",
        "feed": "Feed (Atom)",
        "footer_note": "No cookies, no tracking.",
        "journal": "Journal",
        "journal_slug": "journal",
        "journal_intro": "Knowledge and tips from our work, free for everyone.",
        "offers": "Offers",
        "offers_slug": "offers",
        "offers_intro": "What we can do for you.",
        "email": "Email",
        "phone": "Phone",
        "visit": "Visit",
        "booking": "Appointment",
        "book_appointment": "Book an appointment",
        "hours": "Available",
        "invitation_heading": "Let's talk",
        "who_speaks": "Who is speaking here",
        "since": "since {year}",
        "story_heading": "My story",
        "values_heading": "What I stand for",
        "outside_work_heading": "When I am not working",
        "outside_interests": "What interests me",
        "outside_likes": "What I like",
        "outside_dislikes": "What I dislike",
        "all_offers": "All offers",
        "latest_posts": "New in the journal",
        "all_posts": "All journal posts",
        "reply_by_email": "Reply to me by email",
        "reply_subject": "About your post",
        "nothing_yet": "Something will be here soon.",
        "ways_to_reach": "How to reach us",
        "write_to_us": "Write to us",
        "form_honeypot": "Please leave this field empty:",
        "form_name": "Your name",
        "form_email": "Your email address",
        "form_message": "Your message",
        "form_privacy_note": "We use your details only to answer you. More about this:",
        "form_send": "Send message",
        "back_home": "Back to the home page",
        "table": "Table",
        "not_found_title": "This page does not exist",
        "not_found_text": "Perhaps the address has changed. You will find everything on the home page, and if not, just ask us.",
    },
}


@dataclass(frozen=True)
class Translator:
    """Looks up visitor strings for one language: `t("contact")`, `t("since", year=2009)`."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = CATALOGUE[self.language][key]
        except KeyError:
            raise KeyError(f"no text '{key}' in the {self.language} catalogue") from None
        return text.format(**values) if values else text


def format_date(day: date, language: str) -> str:
    """`8. Dezember 2025` in German, `8 December 2025` in English."""
    month = _MONTHS[language][day.month - 1]
    return f"{day.day}. {month} {day.year}" if language == "de" else f"{day.day} {month} {day.year}"
