"""The words of `zuhause new` in German and English: questions, placeholders, page texts, notes.

Page texts are `str.format` templates; every value put into them is already quoted for YAML
(see `scaffold.yaml_quote`), so answers never reach Markdown bodies.
"""

from __future__ import annotations

from typing import Final

QUESTIONS: Final[dict[str, dict[str, str]]] = {
    "de": {
        "name": "Wie heißen Sie? (Vor- und Nachname)",
        "role": "Was tun Sie, in einer Zeile? (z. B. Bäckermeisterin, ich backe Brot mit Zeit)",
        "value": "Wofür stehen Sie? Ein Satz, z. B. Ich verkaufe nur, was ich selbst essen würde.",
        "more_values": "Noch etwas, wofür Sie stehen? (Eingabetaste: weiter)",
        "invitation": "Ein Satz, mit dem Sie Menschen einladen, sich bei Ihnen zu melden:",
        "email": "Ihre E-Mail-Adresse (steht auch im Impressum):",
        "phone": "Ihre Telefonnummer (Eingabetaste: keine):",
        "business": "Wie heißt Ihr Geschäft? (Eingabetaste: Ihr Name genügt)",
        "legal_form": "Ihre Rechtsform: 1 Einzelunternehmen, 2 freiberuflich, 3 GmbH, 4 UG, 5 GbR",
        "street": "Straße und Hausnummer für das Impressum (Eingabetaste: später eintragen):",
        "postcode": "Postleitzahl (Eingabetaste: später eintragen):",
        "city": "Ort:",
        "host": "Wo soll die Website wohnen?\n"
                "  1 netlify         bei Netlify: https://NAME.netlify.app/\n"
                "  2 github-user     bei GitHub Pages: https://BENUTZER.github.io/\n"
                "  3 github-project  bei GitHub Pages: https://BENUTZER.github.io/REPOSITORY/\n"
                "  4 domain          unter Ihrer eigenen Adresse: https://www.ihr-name.de/",
        "github_user": "Ihr Benutzername bei GitHub:",
        "repo": "Der Name des Repositorys bei GitHub:",
        "netlify_name": "Der Name der Seite bei Netlify (Kleinbuchstaben, Ziffern und -):",
        "domain": "Ihre eigene Adresse, z. B. www.baeckerei-korn.de:",
    },
    "en": {
        "name": "What is your name? (first and last name)",
        "role": "What do you do, in one line? (e.g. Master baker, I bake bread that takes its time)",
        "value": "What do you stand for? One sentence, e.g. I only sell what I would eat myself.",
        "more_values": "Anything else you stand for? (Enter: go on)",
        "invitation": "One sentence that invites people to get in touch with you:",
        "email": "Your email address (it also goes into the legal notice):",
        "phone": "Your phone number (Enter: none):",
        "business": "What is your business called? (Enter: your name is enough)",
        "legal_form": "Your legal form: 1 sole trader, 2 freelancer, 3 GmbH, 4 UG, 5 GbR",
        "street": "Street and number for the legal notice (Enter: fill in later):",
        "postcode": "Postcode (Enter: fill in later):",
        "city": "Town or city:",
        "host": "Where will the site live?\n"
                "  1 netlify         on Netlify: https://NAME.netlify.app/\n"
                "  2 github-user     on GitHub Pages: https://USER.github.io/\n"
                "  3 github-project  on GitHub Pages: https://USER.github.io/REPOSITORY/\n"
                "  4 domain          at your own address: https://www.your-name.com/",
        "github_user": "Your user name on GitHub:",
        "repo": "The name of the repository on GitHub:",
        "netlify_name": "The site's name on Netlify (lower-case letters, digits and -):",
        "domain": "Your own address, e.g. www.korn-bakery.com:",
    },
}

# What the site says where an answer was skipped: plain words that ask to be replaced.
PLACEHOLDERS: Final[dict[str, dict[str, str]]] = {
    "de": {
        "name": "Vorname Nachname",
        "role": "Hier steht in einer Zeile, was ich mache",
        "value": "Hier steht in einem Satz, wofür ich stehe",
        "invitation": "Schreiben Sie mir, ich freue mich darauf, von Ihnen zu hören.",
        "email": "ihre-adresse@example.org",
        "street": "Bitte Straße und Hausnummer eintragen",
        "postcode": "Bitte PLZ eintragen",
        "city": "Bitte Ort eintragen",
        "site_name": "meine-website",
        "tld": "de",
        "person_id": "ich",
        "greeting": "Hallo, ich bin {first}.",
        "portrait_alt": "Platzhalter: ein gezeichneter Umriss statt eines Fotos von {name}",
        "register_court": "Bitte Registergericht eintragen, z. B. Amtsgericht Dresden",
        "register_number": "Bitte Registernummer eintragen, z. B. HRB 12345",
        "partner": "Bitte die weiteren Gesellschafter eintragen",
    },
    "en": {
        "name": "First Last",
        "role": "Here goes one line about what I do",
        "value": "Here goes one sentence about what I stand for",
        "invitation": "Write to me, I look forward to hearing from you.",
        "email": "your-address@example.org",
        "street": "Please add street and number",
        "postcode": "Please add postcode",
        "city": "Please add town",
        "site_name": "my-website",
        "tld": "com",
        "person_id": "me",
        "greeting": "Hello, I am {first}.",
        "portrait_alt": "Placeholder: a drawn outline instead of a photo of {name}",
        "register_court": "Please add the register court, e.g. Amtsgericht Dresden",
        "register_number": "Please add the register number, e.g. HRB 12345",
        "partner": "Please add the other partners",
    },
}

# File names of the pages, per language.
PAGE_FILES: Final[dict[str, dict[str, str]]] = {
    "de": {"about": "content/ueber-mich.md", "contact": "content/kontakt.md",
           "offer": "content/angebote/erstes-angebot.md",
           "post": "content/journal/erster-beitrag.md"},
    "en": {"about": "content/about.md", "contact": "content/contact.md",
           "offer": "content/offers/first-offer.md", "post": "content/journal/first-post.md"},
}

CONFIG_COMMENTS: Final[dict[str, dict[str, str]]] = {
    "de": {
        "top": "# Die Einstellungen Ihrer Website. Ändern Sie, was zwischen den Anführungszeichen "
               "steht,\n# und lassen Sie die Anführungszeichen stehen. Alle Schlüssel: "
               "docs/site-folder.md\n",
        "legal": "# Die Angaben für das Impressum. Prüfen Sie sie, bevor die Seite online geht:\n"
                 "# Das Gesetz verlangt eine Anschrift, unter der man Ihnen Post schicken kann.\n",
    },
    "en": {
        "top": "# The settings of your website. Change what stands between the quotes and keep "
               "the quotes.\n# Every key is explained in docs/site-folder.md\n",
        "legal": "# The data for the legal notice (Impressum). Check it before the site goes "
                 "online:\n# German law asks for an address where you can receive letters.\n",
    },
}

PERSON: Final[dict[str, str]] = {
    "de": """\
---
# Das sind Sie. Ändern Sie, was zwischen den Anführungszeichen steht.
name: {name}
# Eine Zeile: was Sie tun.
role: {role}
# Die ersten Worte, die Besucherinnen und Besucher lesen.
greeting: {greeting}
# Ihr Foto: Legen Sie es in den Ordner static/images/ und schreiben Sie hier seinen Namen,
# z. B. "images/anna.jpg". Bis dahin steht hier ein gezeichneter Umriss.
portrait: "images/portrait.svg"
# Was auf dem Foto zu sehen ist, für Menschen, die es nicht sehen können.
portrait_alt: {portrait_alt}
{location}# Wofür Sie stehen: ein Satz pro Zeile, jede Zeile beginnt mit "- ".
values:
{values}
# Ein bisschen Leben neben der Arbeit: Ersetzen Sie die Sätze durch Ihre eigenen.
outside_work:
  interests:
    - "Was mich neben der Arbeit interessiert, z. B. Radfahren an der Elbe"
  likes:
    - "Was ich mag, z. B. frischen Kaffee am Morgen"
  dislikes:
    - "Was ich nicht mag, z. B. Termine, die niemand einhält"
# Ihre Einladung: ein Satz von Ihnen und mindestens ein Weg, Sie zu erreichen.
invitation:
  text: {invitation}
{channels}---

Hier erzählen Sie Ihre Geschichte, in Ihren eigenen Worten und in der Ich-Form. Wie sind
Sie zu Ihrer Arbeit gekommen? Was gefällt Ihnen daran? Was sollen Menschen über Sie wissen,
bevor sie Ihnen schreiben? Drei oder vier kurze Absätze genügen.

Dieser Text steht in der Datei people/{id}.md, unter den beiden Linien mit den drei Strichen.
""",
    "en": """\
---
# This is you. Change what stands between the quotes.
name: {name}
# One line: what you do.
role: {role}
# The first words visitors read.
greeting: {greeting}
# Your photo: put it into the folder static/images/ and write its name here,
# e.g. "images/anna.jpg". Until then a drawn outline stands in for it.
portrait: "images/portrait.svg"
# What the photo shows, for people who cannot see it.
portrait_alt: {portrait_alt}
{location}# What you stand for: one sentence per line, each line starts with "- ".
values:
{values}
# A little life outside work: replace these sentences with your own.
outside_work:
  interests:
    - "What interests me outside work, e.g. cycling along the river"
  likes:
    - "What I like, e.g. fresh coffee in the morning"
  dislikes:
    - "What I dislike, e.g. appointments nobody keeps"
# Your invitation: a sentence of your own and at least one way to reach you.
invitation:
  text: {invitation}
{channels}---

Here you tell your story, in your own words and in the first person. How did you come to
your work? What do you enjoy about it? What should people know about you before they
write to you? Three or four short paragraphs are enough.

This text lives in the file people/{id}.md, below the two lines of three dashes.
""",
}

HOME: Final[dict[str, str]] = {
    "de": """\
---
title: {title}
person: {person}
description: {description}
---

Hier schreiben Sie ein paar Sätze für die Startseite: was man bei Ihnen findet, wo Sie
arbeiten und was Sie besonders macht. Ihr Foto, Ihre Geschichte, Ihre Werte und Ihre
Einladung stehen schon darüber; sie kommen aus der Datei people/{id}.md.

Mehr über mich steht unter [Über mich](ueber-mich.md), und so erreichen Sie mich:
[Kontakt](kontakt.md).
""",
    "en": """\
---
title: {title}
person: {person}
description: {description}
---

Here you write a few sentences for the home page: what people find here, where you work and
what makes you different. Your photo, your story, your values and your invitation are
already above; they come from the file people/{id}.md.

There is more [about me](about.md), and this is how to reach me: [Contact](contact.md).
""",
}

ABOUT: Final[dict[str, str]] = {
    "de": """\
---
title: "Über mich"
person: {person}
template: "people"
menu: true
order: 1
---

Ein paar Sätze über Sie und Ihre Arbeit, die über Ihrem Profil stehen. Das Profil selbst,
mit Foto, Werten und dem, was Sie neben der Arbeit mögen, kommt aus people/{id}.md.
""",
    "en": """\
---
title: "About me"
person: {person}
template: "people"
menu: true
order: 1
---

A few sentences about you and your work, shown above your profile. The profile itself, with
photo, values and what you like outside work, comes from people/{id}.md.
""",
}

CONTACT: Final[dict[str, str]] = {
    "de": """\
---
title: "Kontakt"
person: {person}
template: "contact"
menu: true
order: 9
---

Schreiben Sie hier, wie man Sie am besten erreicht und was nach der ersten Nachricht
passiert: Wann rufen Sie zurück? Kommt man zu Ihnen, oder kommen Sie vorbei? Ihre E-Mail-Adresse
und Telefonnummer stehen schon auf dieser Seite.
""",
    "en": """\
---
title: "Contact"
person: {person}
template: "contact"
menu: true
order: 9
---

Write here how people reach you best and what happens after their first message: when do
you call back? Do they come to you, or do you visit them? Your email address and phone
number are already on this page.
""",
}

OFFER: Final[dict[str, str]] = {
    "de": """\
---
title: "Mein erstes Angebot"
person: {person}
price: "Preis auf Anfrage"
summary: "In einem Satz: was Sie hier anbieten und für wen."
order: 1
---

Beschreiben Sie hier ein Angebot so, wie Sie es einer Kundin am Telefon erzählen würden:
Was bekommt man? Wie läuft es ab? Was kostet es ungefähr? Für jedes weitere Angebot legen
Sie eine neue Datei in den Ordner content/angebote/. Aus dem Dateinamen wird die Adresse:
erstes-angebot.md wird zu /angebote/erstes-angebot/.

Fragen dazu? [Schreiben Sie mir](../kontakt.md).
""",
    "en": """\
---
title: "My first offer"
person: {person}
price: "Price on request"
summary: "One sentence: what you offer here and for whom."
order: 1
---

Describe an offer here the way you would tell a customer on the phone: what do they get?
How does it work? Roughly what does it cost? For each further offer, put a new file into the
folder content/offers/. The file name becomes the address: first-offer.md becomes
/offers/first-offer/.

Questions? [Write to me](../contact.md).
""",
}

POST: Final[dict[str, str]] = {
    "de": """\
---
title: "Mein erster Beitrag im Journal"
person: {person}
date: {date}
summary: "Worum es im Journal geht: Wissen, das ich gern verschenke."
---

Im Journal verschenken Sie Wissen: einen Tipp aus Ihrer Arbeit, eine Antwort auf eine Frage,
die Kundinnen und Kunden oft stellen, oder einen Blick hinter die Kulissen. Jeder Beitrag
ist eine Datei im Ordner content/journal/ mit einem Datum oben (date: Jahr-Monat-Tag).

Leserinnen und Leser können Ihnen auf jeden Beitrag per E-Mail antworten. So wird aus einem
Text ein Gespräch.
""",
    "en": """\
---
title: "My first journal post"
person: {person}
date: {date}
summary: "What the journal is about: knowledge I like to give away."
---

In the journal you give knowledge away: a tip from your work, an answer to a question
customers often ask, or a look behind the scenes. Each post is a file in the folder
content/journal/ with a date at the top (date: year-month-day).

Readers can answer every post by email. That is how a text becomes a conversation.
""",
}

# The deploy settings, `str.format` templates with {version} and {python}.
WORKFLOW: Final = """\
name: Publish on GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-python@v7
        with:
          python-version: "{python}"
      - name: Install zuhause
        run: pip install "zuhause=={version}"
      - name: Configure GitHub Pages
        id: pages
        uses: actions/configure-pages@v6
      - name: Build the site
        run: zuhause build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - name: Upload the site
        uses: actions/upload-pages-artifact@v5
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v5
"""

NETLIFY: Final = """\
[build]
  command = 'pip install "zuhause=={version}" && zuhause build --base-url "$URL/"'
  publish = "public"

[build.environment]
  PYTHON_VERSION = "{python}"
"""

PORTRAIT_SVG: Final = """\
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480">
  <rect width="480" height="480" fill="#efe7da"/>
  <circle cx="240" cy="190" r="92" fill="#b9a58c"/>
  <path d="M70 480c8-104 80-168 170-168s162 64 170 168z" fill="#b9a58c"/>
  <path d="M204 206q36 30 72 0" fill="none" stroke="#efe7da" stroke-width="10" stroke-linecap="round"/>
</svg>
"""

GITIGNORE: Final = "public/\n.zuhause/\n__pycache__/\n"

WORKFLOW_COMMENT: Final[dict[str, str]] = {
    "de": "# Baut die Website mit zuhause und veröffentlicht sie bei GitHub Pages.\n"
          "# Einmalig bei GitHub einstellen: Settings -> Pages -> Source: GitHub Actions.\n",
    "en": "# Builds the website with zuhause and publishes it on GitHub Pages.\n"
          "# Once, on GitHub: Settings -> Pages -> Source: GitHub Actions.\n",
}

NETLIFY_COMMENT: Final[dict[str, str]] = {
    "de": "# So baut Netlify die Website. Netlify setzt URL auf die Adresse der Seite.\n",
    "en": "# How Netlify builds the website. Netlify sets URL to the site's address.\n",
}

NOTES: Final[dict[str, dict[str, str]]] = {
    "de": {
        "github_terms": "Gut zu wissen: Nach den Nutzungsbedingungen von GitHub ist GitHub Pages "
                        "nicht für Websites gedacht, die vor allem geschäftlichen Transaktionen "
                        "dienen (Online-Geschäft, Webshop). Für ein Geschäft ist Netlify oder ein "
                        "eigener Webspace oft die bessere Wahl.",
        "placeholders": "Ersetzen Sie die Platzhalter durch Ihre eigenen Worte: in {person}, in "
                        "den Dateien in content/ und das Bild static/images/portrait.svg durch "
                        "ein Foto von Ihnen.",
        "legal_missing": "Im Impressum fehlt noch: {fields}. Tragen Sie die fehlenden Angaben "
                         "in zuhause.yaml unter legal: ein, bevor die Seite online geht.",
        "build": "Die Website bauen: zuhause build {target}",
        "netlify": "Veröffentlichen bei Netlify: Laden Sie den Ordner in ein Git-Repository "
                   "(z. B. bei GitHub), wählen Sie bei Netlify \"Add new project\" -> \"Import an "
                   "existing project\" und nennen Sie die Seite {netlify_name}. Wie gebaut wird, "
                   "steht schon in netlify.toml. Adresse: {base_url}",
        "github": "Veröffentlichen bei GitHub Pages: Legen Sie bei GitHub das Repository {repo} "
                  "an, laden Sie den Ordner hoch und stellen Sie unter Settings -> Pages -> "
                  "Source \"GitHub Actions\" ein. Adresse: {base_url}",
        "domain": "Eigene Adresse {domain}: Tragen Sie sie bei Ihrem Anbieter ein (bei Netlify "
                  "unter Domain management, bei GitHub unter Settings -> Pages -> Custom domain) "
                  "und lassen Sie Ihren Domain-Anbieter dorthin zeigen. Die Schritte stehen in "
                  "docs/new-site.md.",
        "not_github": "Der Ordner enthält auch .github/workflows/pages.yml für GitHub Pages. "
                      "Veröffentlichen Sie nicht bei GitHub Pages, löschen Sie diese Datei, bevor "
                      "Sie den Ordner zu GitHub hochladen.",
        "street": "Straße", "postcode": "PLZ", "city": "Ort", "email": "E-Mail-Adresse",
    },
    "en": {
        "github_terms": "Good to know: GitHub's terms say GitHub Pages is not meant for websites "
                        "run mainly for commercial transactions (an online business, a web shop). "
                        "For a business, Netlify or your own web host is often the better choice.",
        "placeholders": "Replace the placeholders with your own words: in {person}, in the files "
                        "in content/, and the picture static/images/portrait.svg with a photo "
                        "of you.",
        "legal_missing": "The legal notice still lacks: {fields}. Add what is missing in "
                         "zuhause.yaml below legal: before the site goes online.",
        "build": "Build the website: zuhause build {target}",
        "netlify": "Publish on Netlify: put the folder into a Git repository (e.g. on GitHub), "
                   "choose \"Add new project\" -> \"Import an existing project\" on Netlify and "
                   "name the site {netlify_name}. netlify.toml already tells Netlify how to "
                   "build. Address: {base_url}",
        "github": "Publish on GitHub Pages: create the repository {repo} on GitHub, upload the "
                  "folder and choose Settings -> Pages -> Source \"GitHub Actions\". "
                  "Address: {base_url}",
        "domain": "Your own address {domain}: enter it at your host (on Netlify under Domain "
                  "management, on GitHub under Settings -> Pages -> Custom domain) and let your "
                  "domain provider point to it. docs/new-site.md explains the steps.",
        "not_github": "The folder also holds .github/workflows/pages.yml for GitHub Pages. If you "
                      "do not publish on GitHub Pages, delete that file before you upload the "
                      "folder to GitHub.",
        "street": "street", "postcode": "postcode", "city": "town", "email": "email address",
    },
}

# Answers people type for the legal form and the host, mapped to zuhause's keys.
LEGAL_FORM_WORDS: Final[dict[str, str]] = {
    "1": "sole_trader", "sole_trader": "sole_trader", "sole trader": "sole_trader",
    "einzelunternehmen": "sole_trader", "einzelunternehmer": "sole_trader",
    "einzelunternehmerin": "sole_trader",
    "2": "freelancer", "freelancer": "freelancer", "freiberuflich": "freelancer",
    "freiberufler": "freelancer", "freiberuflerin": "freelancer",
    "3": "gmbh", "gmbh": "gmbh", "4": "ug", "ug": "ug", "ug (haftungsbeschränkt)": "ug",
    "5": "gbr", "gbr": "gbr",
}
HOST_WORDS: Final[dict[str, str]] = {
    "1": "netlify", "netlify": "netlify",
    "2": "github-user", "github-user": "github-user", "github_user": "github-user",
    "3": "github-project", "github-project": "github-project", "github_project": "github-project",
    "4": "domain", "domain": "domain", "own domain": "domain", "eigene domain": "domain",
}
