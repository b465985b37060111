"""Draw the pictures of the example site's offers, beside their Markdown files.

Run it from anywhere with a Python that has Pillow:

    python scripts/make_example_offer_pictures.py

It writes example-site/content/angebote/kuechen.jpg, moebel-nach-mass.jpg and
reparatur-und-restaurierung.jpg with the drawing tools of make_example_portraits.py: drawn at
four times the size and scaled down, deterministic (fixed seeds), so reruns give the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

from make_example_portraits import Canvas, wood_planks

OUT = Path(__file__).resolve().parent.parent / "example-site" / "content" / "angebote"
W, H = 960, 640


def kitchen() -> None:
    """A kitchen of oak fronts under a window, a stone worktop, a pot on the hob."""
    c = Canvas(W, H, (238, 230, 214))
    wood_planks(c, (240, 232, 216), (214, 200, 176), 120, seed=11)
    c.rect((330, 60, 630, 250), fill=(204, 224, 232), outline=(150, 112, 72), width=10)
    c.line([(480, 60), (480, 250)], fill=(150, 112, 72), width=8)
    c.rect((0, 330, W, 352), fill=(120, 124, 128))  # worktop
    for i, x in enumerate(range(0, W, 160)):
        c.rect((x + 6, 356, x + 154, 600), fill=(196, 150, 96), outline=(150, 108, 64), width=4)
        c.rect((x + 66, 380 + (i % 2) * 150, x + 94, 388 + (i % 2) * 150), fill=(80, 70, 60),
               radius=3)
    c.rect((0, 600, W, H), fill=(150, 110, 72))
    for x in (40, 200, 680, 840):  # wall cabinets
        c.rect((x, 60, x + 120, 230), fill=(204, 160, 106), outline=(150, 108, 64), width=4)
    c.ellipse((600, 300, 700, 336), fill=(60, 60, 64))  # hob and pot
    c.rect((612, 262, 688, 320), fill=(180, 60, 44), radius=10)
    rnd = random.Random(3)
    for _ in range(8):
        x = rnd.uniform(620, 680)
        c.arc((x - 10, 220, x + 10, 258), 200, 340, fill=(250, 250, 250), width=3)
    c.save(OUT / "kuechen.jpg", quality=80)


def furniture() -> None:
    """A tall shelf built into an alcove under a sloping roof, books and a plant on it."""
    c = Canvas(W, H, (242, 236, 224))
    c.poly([(0, 0), (W, 0), (W, 120), (0, 300)], fill=(226, 216, 198))  # the roof slope
    c.rect((0, 580, W, H), fill=(150, 110, 72))
    c.poly([(180, 240), (780, 128), (780, 580), (180, 580)], fill=(200, 156, 100),
           outline=(140, 100, 60), width=6)
    rnd = random.Random(5)
    for shelf_y in (300, 400, 490):
        c.rect((180, shelf_y, 780, shelf_y + 12), fill=(170, 124, 76))
        x = 200.0
        while x < 740:
            width = rnd.uniform(14, 30)
            height = rnd.uniform(50, 80)
            colour = rnd.choice([(120, 60, 50), (60, 90, 110), (200, 170, 90), (80, 110, 80)])
            c.rect((x, shelf_y - height, x + width, shelf_y), fill=colour)
            x += width + rnd.uniform(1, 6)
    c.rect((820, 500, 880, 580), fill=(184, 100, 70))
    for dx, dy in ((-20, -40), (0, -60), (20, -40)):
        c.ellipse((850 + dx - 14, 500 + dy - 8, 850 + dx + 14, 500 + dy + 20), fill=(90, 140, 90))
    c.save(OUT / "moebel-nach-mass.jpg", quality=80)


def repair() -> None:
    """An old chair on the workbench, a glue clamp on its leg, a chisel beside it."""
    c = Canvas(W, H, (226, 210, 184))
    wood_planks(c, (230, 212, 184), (190, 160, 120), 110, seed=9)
    c.rect((60, 430, 900, 470), fill=(196, 150, 96), outline=(140, 100, 60), width=4)
    c.rect((90, 470, 124, 640), fill=(160, 116, 72))
    c.rect((836, 470, 870, 640), fill=(160, 116, 72))
    chair = (110, 64, 38)
    c.rect((360, 120, 380, 430), fill=chair)  # back legs and backrest
    c.rect((540, 120, 560, 430), fill=chair)
    for y in (150, 200, 250):
        c.rect((360, y, 560, y + 16), fill=(130, 80, 48))
    c.rect((340, 300, 600, 322), fill=(150, 96, 56))  # seat
    c.rect((350, 322, 370, 430), fill=chair)
    c.rect((570, 322, 590, 430), fill=chair)
    c.rect((560, 350, 620, 366), fill=(190, 60, 50))  # clamp
    c.rect((596, 340, 608, 420), fill=(190, 60, 50))
    c.rect((680, 410, 820, 422), fill=(170, 110, 62), radius=4)  # chisel
    c.rect((820, 412, 880, 420), fill=(188, 192, 198))
    c.save(OUT / "reparatur-und-restaurierung.jpg", quality=80)


if __name__ == "__main__":
    kitchen()
    furniture()
    repair()
