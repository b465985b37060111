"""The words of `zuhause new` in German and English: questions, notes, page file names.
The starter pages and their placeholders are package data in `zuhause/starter/`.

The starter's page files are `str.format` templates; every answer put into them is quoted for
YAML (see `quoting.yaml_quote`), so answers never reach Markdown bodies.
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

# Words the new site is made of that are no placeholders (those are in starter/<lang>/).
WORDS: Final[dict[str, dict[str, str]]] = {
    "de": {"site_name": "meine-website", "tld": "de", "person_id": "ich",
           "greeting": "Hallo, ich bin {first}."},
    "en": {"site_name": "my-website", "tld": "com", "person_id": "me",
           "greeting": "Hello, I am {first}."},
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

GITIGNORE: Final = "public/\n.zuhause/\n__pycache__/\n"

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
