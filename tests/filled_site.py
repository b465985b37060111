"""A site from `zuhause new --yes` with every placeholder replaced by real-looking words, as an
owner would do it: the starter's placeholder texts, the portrait and the example email."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from zuhause.starter import placeholders

REAL = {
    "de": {
        "name": "Anna Korn", "greeting": "Hallo, ich bin Anna.",
        "role": "Bäckermeisterin, ich backe Brot mit Zeit",
        "value": "Ich verkaufe nur Brot, das ich selbst esse.",
        "invitation": "Kommen Sie vorbei und probieren Sie ein Stück Sauerteigbrot.",
        "email": "anna@baeckerei-korn.de", "street": "Brotgasse 3", "postcode": "01067",
        "city": "Dresden", "register_court": "Amtsgericht Dresden", "register_number": "HRB 4711",
        "partner": "Jonas Korn", "portrait_alt": "Anna Korn lacht in ihrer Backstube, Mehl an den Händen",
        "interest": "Ich fahre gern mit dem Rad an der Elbe entlang",
        "like": "Ich mag den Duft von frischem Roggen am Morgen",
        "dislike": "Ich mag kein Brot aus der Tüte",
        "story": "Ich habe das Backen bei meiner Großmutter gelernt. Seit zwölf Jahren backe ich\n"
                 "in Dresden Brot mit langer Teigführung.\n",
        "home": "Bei mir finden Sie Sauerteigbrot, Brötchen am Samstag und Kuchen zum Geburtstag.\n",
        "about": "Ich bin Bäckermeisterin und backe in der Neustadt.\n",
        "contact": "Ich rufe Sie am selben Tag zurück. Sie können auch einfach vorbeikommen.\n",
        "offer_title": "Sauerteigbrot", "offer_summary": "Roggenbrot mit 24 Stunden Teigruhe.",
        "offer": "Ich backe jeden Morgen zwanzig Laibe. Ein Laib kostet sechs Euro.\n",
        "post_title": "Warum Brot Zeit braucht",
        "post_summary": "Was eine lange Teigruhe mit dem Geschmack macht.",
        "post": "Ein Teig, der über Nacht ruht, schmeckt kräftiger. Ich erkläre Ihnen, warum.\n",
    },
    "en": {
        "name": "Anna Korn", "greeting": "Hello, I am Anna.",
        "role": "Master baker, I bake bread that takes its time",
        "value": "I only sell bread I would eat myself.",
        "invitation": "Come by and taste a slice of sourdough bread.",
        "email": "anna@korn-bakery.com", "street": "Brotgasse 3", "postcode": "01067",
        "city": "Dresden", "register_court": "Amtsgericht Dresden", "register_number": "HRB 4711",
        "partner": "Jonas Korn", "portrait_alt": "Anna Korn laughing in her bakery, flour on her hands",
        "interest": "I like cycling along the Elbe",
        "like": "I love the smell of fresh rye in the morning",
        "dislike": "I dislike bread from a plastic bag",
        "story": "I learned to bake from my grandmother. For twelve years I have baked bread in\n"
                 "Dresden, with dough that rests overnight.\n",
        "home": "Here you find my sourdough bread, rolls on Saturdays and birthday cakes.\n",
        "about": "I am a master baker and I bake in the Neustadt.\n",
        "contact": "I call you back on the same day. You can also simply drop by.\n",
        "offer_title": "Sourdough bread", "offer_summary": "Rye bread with dough that rests 24 hours.",
        "offer": "I bake twenty loaves every morning. A loaf costs six euros.\n",
        "post_title": "Why bread needs time",
        "post_summary": "What a long rest does to the taste of the dough.",
        "post": "Dough that rests overnight tastes stronger. I explain why.\n",
    },
}


# What a master baker adds below legal: (§ 5 Abs. 1 Nr. 5 DDG), after `employees`.
CHAMBER_DETAILS = """\
  chamber: Handwerkskammer Dresden, Am Lagerplatz 8, 01099 Dresden
  professional_title: Bäckermeisterin
  title_state: {state}
  professional_rules:
    - name: Handwerksordnung
      url: https://www.gesetze-im-internet.de/hwo/
"""


def fill_placeholders(site: Path, language: str) -> None:
    """Write real-looking values into every placeholder spot of a new site, the chamber details
    of a master baker, and a photo."""
    real = REAL[language]
    config = site / "zuhause.yaml"
    state = "Deutschland" if language == "de" else "Germany"
    config.write_text(config.read_text("utf-8").replace(
        "  employees: 1\n", "  employees: 1\n" + CHAMBER_DETAILS.format(state=state), 1), "utf-8")
    texts = sorted(placeholders(language).items(), key=lambda item: -len(item[1]))
    for path in [site / "zuhause.yaml", *site.glob("people/*.md"), *site.rglob("content/**/*.md")]:
        text = path.read_text("utf-8")
        for key, placeholder in texts:
            text = text.replace(placeholder, real[key])
        path.write_text(text, "utf-8")
    person = next(site.glob("people/*.md"))
    photo = site / "static/images/anna.jpg"
    Image.new("RGB", (800, 1000), (180, 150, 120)).save(photo, quality=80)
    person.write_text(person.read_text("utf-8").replace('"images/portrait.svg"', '"images/anna.jpg"'),
                      "utf-8")
