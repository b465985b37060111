"""Draw the illustrated portraits and the workshop picture of the example site.

Run it from anywhere with a Python that has Pillow:

    python scripts/make_example_portraits.py

It writes example-site/static/images/marie.jpg, jonas.jpg and werkstatt.jpg.
Everything is drawn at four times the size and scaled down, so edges are smooth.
The drawing is deterministic (fixed random seed), so reruns give the same files.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "example-site" / "static" / "images"
S = 4  # supersampling factor


def sc(*values: float) -> list[float]:
    return [v * S for v in values]


class Canvas:
    def __init__(self, width: int, height: int, background: tuple[int, int, int]):
        self.width, self.height = width, height
        self.img = Image.new("RGB", (width * S, height * S), background)
        self.d = ImageDraw.Draw(self.img)

    def ellipse(self, box, fill=None, outline=None, width=0):
        self.d.ellipse(sc(*box), fill=fill, outline=outline, width=int(width * S))

    def rect(self, box, fill=None, outline=None, width=0, radius=0):
        if radius:
            self.d.rounded_rectangle(
                sc(*box), radius=radius * S, fill=fill, outline=outline, width=int(width * S)
            )
        else:
            self.d.rectangle(sc(*box), fill=fill, outline=outline, width=int(width * S))

    def poly(self, points, fill=None, outline=None, width=0):
        pts = [(x * S, y * S) for x, y in points]
        self.d.polygon(pts, fill=fill, outline=outline, width=int(width * S) if outline else 0)

    def line(self, points, fill, width, joint="curve"):
        pts = [(x * S, y * S) for x, y in points]
        self.d.line(pts, fill=fill, width=int(width * S), joint=joint)
        # round caps
        r = width * S / 2
        for x, y in (pts[0], pts[-1]):
            self.d.ellipse([x - r, y - r, x + r, y + r], fill=fill)

    def arc(self, box, start, end, fill, width):
        self.d.arc(sc(*box), start, end, fill=fill, width=int(width * S))

    def chord(self, box, start, end, fill):
        self.d.chord(sc(*box), start, end, fill=fill)

    def pieslice(self, box, start, end, fill):
        self.d.pieslice(sc(*box), start, end, fill=fill)

    def save(self, path: Path, quality: int = 80):
        small = self.img.resize((self.width, self.height), Image.LANCZOS)
        small = small.filter(ImageFilter.UnsharpMask(radius=1, percent=40, threshold=2))
        path.parent.mkdir(parents=True, exist_ok=True)
        small.save(path, "JPEG", quality=quality, optimize=True, progressive=True)
        print(f"{path} {path.stat().st_size // 1024} KB")


def bezier(p0, p1, p2, steps=16):
    """Points of a quadratic Bezier curve from p0 to p2, pulled towards p1."""
    pts = []
    for k in range(steps + 1):
        t = k / steps
        x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0]
        y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1]
        pts.append((x, y))
    return pts


def ellipse_arc(cx, cy, rx, ry, a0, a1, steps=32):
    """Points on an ellipse from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
    return [
        (cx + rx * math.cos(math.radians(a0 + (a1 - a0) * k / steps)),
         cy + ry * math.sin(math.radians(a0 + (a1 - a0) * k / steps)))
        for k in range(steps + 1)
    ]


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def wood_planks(c: Canvas, base, dark, plank_w: float, seed: int, vertical=True):
    """Planks with soft grain lines, as a background wall."""
    rnd = random.Random(seed)
    w, h = c.width, c.height
    n = int((w if vertical else h) / plank_w) + 1
    for i in range(n):
        tone = mix(base, dark, rnd.uniform(0.0, 0.25))
        x0 = i * plank_w
        if vertical:
            c.rect((x0, 0, x0 + plank_w, h), fill=tone)
        else:
            c.rect((0, x0, w, x0 + plank_w), fill=tone)
        # grain: long wavy lines
        for _ in range(7):
            off = rnd.uniform(6, plank_w - 6)
            col = mix(tone, dark, rnd.uniform(0.25, 0.5))
            pts = []
            phase = rnd.uniform(0, 6.28)
            amp = rnd.uniform(1.0, 3.5)
            steps = 24
            length = h if vertical else w
            for k in range(steps + 1):
                t = k / steps * length
                wob = amp * math.sin(phase + t / rnd.uniform(40, 90))
                pts.append((x0 + off + wob, t) if vertical else (t, x0 + off + wob))
            c.line(pts, fill=col, width=rnd.uniform(0.8, 1.6))
        # a knot now and then
        if rnd.random() < 0.45:
            kx = x0 + plank_w / 2 + rnd.uniform(-8, 8)
            ky = rnd.uniform(40, (h if vertical else w) - 40)
            if not vertical:
                kx, ky = ky, kx
            for r, t in ((11, 0.35), (7, 0.5), (3.5, 0.7)):
                c.ellipse((kx - r * 0.7, ky - r, kx + r * 0.7, ky + r), outline=mix(tone, dark, t), width=1.4)
        # the gap between planks
        if vertical:
            c.line([(x0, 0), (x0, h)], fill=mix(base, dark, 0.8), width=2)
        else:
            c.line([(0, x0), (w, x0)], fill=mix(base, dark, 0.8), width=2)


def face_common(c: Canvas, cx, cy, skin, skin_shadow, *, eye_col, brow_col, lip_col, brow_lift=0.0):
    """Neck, ears, face, eyes, brows, nose, smile, cheeks. (cx, cy) is the face centre."""
    # ears
    for side in (-1, 1):
        ex = cx + side * 66
        c.ellipse((ex - 13, cy - 10, ex + 13, cy + 26), fill=skin)
        c.ellipse((ex - 6, cy - 2, ex + 6, cy + 18), fill=skin_shadow)
    # face
    c.ellipse((cx - 68, cy - 84, cx + 68, cy + 88), fill=skin)
    # soft jaw shading
    c.chord((cx - 66, cy - 30, cx + 66, cy + 88), 20, 160, fill=mix(skin, skin_shadow, 0.25))
    c.ellipse((cx - 64, cy - 82, cx + 64, cy + 80), fill=skin)
    # eyes
    for side in (-1, 1):
        ex = cx + side * 27
        ey = cy + 6
        c.ellipse((ex - 11, ey - 8, ex + 11, ey + 9), fill=(252, 250, 246))
        c.ellipse((ex - 6.5, ey - 6.5, ex + 6.5, ey + 6.5), fill=eye_col)
        c.ellipse((ex - 3.2, ey - 3.2, ex + 3.2, ey + 3.2), fill=(30, 24, 20))
        c.ellipse((ex + 0.5, ey - 4.5, ex + 3.5, ey - 1.5), fill=(255, 255, 255))
        # upper lid line
        c.arc((ex - 12, ey - 9, ex + 12, ey + 11), 195, 345, fill=(70, 50, 40), width=2.2)
        # brows
        by = ey - 22 - brow_lift
        c.line(
            bezier((ex - 14, by + 3), (ex - 2 * side, by - 5), (ex + 14, by + 3), steps=10),
            fill=brow_col,
            width=3.6,
        )
    # nose
    c.line([(cx + 2, cy + 14), (cx - 3, cy + 33), (cx + 5, cy + 36)], fill=skin_shadow, width=2.6)
    # cheeks
    for side in (-1, 1):
        x = cx + side * 40
        c.ellipse((x - 14, cy + 28, x + 14, cy + 44), fill=mix(skin, (232, 130, 120), 0.35))
    # smile: a gentle, slightly open smile
    c.chord((cx - 19, cy + 42, cx + 19, cy + 64), 0, 180, fill=(160, 70, 66))
    c.chord((cx - 14, cy + 43, cx + 14, cy + 54), 0, 180, fill=(250, 248, 244))
    c.line([(cx - 19, cy + 53), (cx + 19, cy + 53)], fill=lip_col, width=2.2)
    c.arc((cx - 19, cy + 42, cx + 19, cy + 64), 0, 180, fill=lip_col, width=2.6)


def marie():
    W = H = 480
    c = Canvas(W, H, (222, 190, 150))
    wood_planks(c, (229, 200, 160), (176, 132, 86), 80, seed=3)
    # soft light behind the head
    glow = Image.new("L", c.img.size, 0)
    gd = ImageDraw.Draw(glow)
    gd.ellipse(sc(90, 40, 390, 380), fill=110)
    glow = glow.filter(ImageFilter.GaussianBlur(40 * S))
    c.img.paste((248, 232, 205), (0, 0), glow)
    c.d = ImageDraw.Draw(c.img)

    skin = (244, 205, 176)
    skin_sh = (221, 167, 135)
    hair = (150, 70, 38)
    hair_dark = (112, 48, 26)
    cx, cy = 240, 214

    # hair behind: bun on top and back mass
    c.ellipse((cx - 38, cy - 150, cx + 38, cy - 82), fill=hair_dark)
    c.ellipse((cx - 34, cy - 146, cx + 34, cy - 88), fill=hair)
    c.ellipse((cx - 84, cy - 96, cx + 84, cy + 60), fill=hair_dark)
    # body: green work shirt, ochre apron
    shirt = (64, 112, 88)
    shirt_dark = (48, 88, 68)
    c.poly([(60, 480), (78, 370), (130, 326), (350, 326), (402, 370), (420, 480)], fill=shirt)
    c.rect((60, 430, 420, 480), fill=shirt)
    # neck
    c.rect((cx - 24, cy + 60, cx + 24, cy + 128), fill=skin_sh)
    c.chord((cx - 24, cy + 96, cx + 24, cy + 140), 0, 180, fill=skin_sh)
    # collar
    c.poly([(cx - 40, 322), (cx, 360), (cx - 16, 382), (cx - 58, 338)], fill=shirt_dark)
    c.poly([(cx + 40, 322), (cx, 360), (cx + 16, 382), (cx + 58, 338)], fill=shirt_dark)
    # apron bib with straps
    apron = (206, 160, 78)
    apron_dark = (170, 126, 56)
    c.line([(cx - 60, 330), (cx - 48, 392)], fill=apron_dark, width=12)
    c.line([(cx + 60, 330), (cx + 48, 392)], fill=apron_dark, width=12)
    c.rect((cx - 70, 388, cx + 70, 480), fill=apron, radius=10)
    # stitching and pocket with a pencil and a folding rule
    c.rect((cx - 44, 420, cx + 44, 480), outline=apron_dark, width=2.2, radius=6)
    c.rect((cx - 22, 398, cx - 14, 432), fill=(240, 196, 60))
    c.poly([(cx - 22, 398), (cx - 14, 398), (cx - 18, 388)], fill=(236, 214, 170))
    c.rect((cx + 6, 404, cx + 24, 432), fill=(236, 200, 70))
    c.line([(cx + 6, 412), (cx + 24, 412)], fill=(60, 50, 40), width=1)
    c.line([(cx + 6, 420), (cx + 24, 420)], fill=(60, 50, 40), width=1)
    # rolled sleeves hint
    c.arc((56, 360, 150, 500), 200, 280, fill=shirt_dark, width=4)
    c.arc((330, 360, 424, 500), 260, 340, fill=shirt_dark, width=4)

    face_common(c, cx, cy, skin, skin_sh, eye_col=(88, 120, 70), brow_col=hair_dark, lip_col=(176, 78, 74))

    # hair front: a cap over the head with a side parting and a fringe swept to the left
    part = (cx + 20, cy - 64)
    cap = ellipse_arc(cx, cy + 2, 76, 96, 165, 375)
    cap += [(cx + 68, cy + 8)]
    cap += bezier((cx + 66, cy + 4), (cx + 64, cy - 52), part)
    cap += bezier(part, (cx - 24, cy - 30), (cx - 64, cy - 2))
    cap += [(cx - 70, cy + 26)]
    c.poly(cap, fill=hair)
    # a few strands
    c.line(bezier((cx + 14, cy - 90), (cx - 20, cy - 66), (cx - 56, cy - 30)), fill=hair_dark, width=2.2)
    c.line(bezier((cx + 26, cy - 92), (cx + 52, cy - 70), (cx + 62, cy - 30)), fill=hair_dark, width=2.2)
    c.line(bezier((cx - 10, cy - 96), (cx - 50, cy - 76), (cx - 66, cy - 20)), fill=hair_dark, width=2.2)
    # hair band on the bun
    c.rect((cx - 28, cy - 98, cx + 28, cy - 88), fill=(64, 112, 88), radius=4)
    # pencil behind the right ear, then the ears in front (hair tucked behind them)
    c.line([(cx + 60, cy - 40), (cx + 98, cy - 6)], fill=(240, 196, 60), width=7)
    c.line([(cx + 96, cy - 8), (cx + 106, cy + 1)], fill=(226, 190, 150), width=5)
    c.line([(cx + 105, cy), (cx + 108, cy + 3)], fill=(60, 50, 40), width=3)
    for side in (-1, 1):
        ex = cx + side * 66
        c.ellipse((ex - 12, cy - 8, ex + 12, cy + 26), fill=skin)
        c.ellipse((ex - 5, cy, ex + 5, cy + 18), fill=skin_sh)
    # small wooden earrings
    for side in (-1, 1):
        ex = cx + side * 66
        c.ellipse((ex - 5, cy + 24, ex + 5, cy + 34), fill=(150, 96, 50))
    c.save(OUT / "marie.jpg")


def jonas():
    W = H = 480
    c = Canvas(W, H, (140, 96, 62))
    wood_planks(c, (150, 104, 68), (92, 58, 34), 60, seed=11, vertical=False)
    glow = Image.new("L", c.img.size, 0)
    gd = ImageDraw.Draw(glow)
    gd.ellipse(sc(90, 40, 390, 380), fill=120)
    glow = glow.filter(ImageFilter.GaussianBlur(40 * S))
    c.img.paste((206, 160, 112), (0, 0), glow)
    c.d = ImageDraw.Draw(c.img)

    skin = (236, 194, 160)
    skin_sh = (205, 152, 118)
    hair = (196, 160, 96)
    hair_dark = (150, 116, 64)
    cx, cy = 240, 214

    # body: blue-grey work shirt, dark vest
    shirt = (88, 110, 140)
    shirt_dark = (66, 84, 110)
    c.poly([(50, 480), (70, 366), (126, 324), (354, 324), (410, 366), (430, 480)], fill=shirt)
    c.rect((cx - 24, cy + 60, cx + 24, cy + 128), fill=skin_sh)
    c.chord((cx - 24, cy + 96, cx + 24, cy + 140), 0, 180, fill=skin_sh)
    # henley placket with buttons
    c.poly([(cx - 30, 330), (cx + 30, 330), (cx + 10, 372), (cx - 10, 372)], fill=skin_sh)
    c.rect((cx - 5, 366, cx + 5, 440), fill=shirt_dark)
    for y in (384, 406, 428):
        c.ellipse((cx - 3.5, y - 3.5, cx + 3.5, y + 3.5), fill=(220, 220, 210))
    # vest
    vest = (58, 66, 60)
    c.poly([(70, 366), (126, 324), (cx - 44, 330), (cx - 20, 480), (56, 480)], fill=vest)
    c.poly([(410, 366), (354, 324), (cx + 44, 330), (cx + 20, 480), (424, 480)], fill=vest)
    c.rect((cx + 56, 412, cx + 96, 444), outline=(86, 96, 88), width=2, radius=3)

    face_common(c, cx, cy, skin, skin_sh, eye_col=(84, 110, 150), brow_col=hair_dark, lip_col=(160, 80, 70), brow_lift=2)

    # short beard around the jaw and chin, leaving the mouth open
    beard = (176, 136, 78)
    c.chord((cx - 66, cy + 10, cx + 66, cy + 92), 0, 180, fill=beard)
    c.chord((cx - 56, cy + 16, cx + 56, cy + 76), 0, 180, fill=skin)
    c.rect((cx - 56, cy + 44, cx + 56, cy + 47), fill=skin)
    # mouth on top again, a gentle smile under a short moustache
    lip = (160, 80, 70)
    c.chord((cx - 19, cy + 44, cx + 19, cy + 66), 0, 180, fill=(160, 70, 66))
    c.chord((cx - 14, cy + 45, cx + 14, cy + 56), 0, 180, fill=(250, 248, 244))
    c.line([(cx - 19, cy + 55), (cx + 19, cy + 55)], fill=lip, width=2.2)
    c.arc((cx - 19, cy + 44, cx + 19, cy + 66), 0, 180, fill=lip, width=2.6)
    c.poly(bezier((cx - 26, cy + 54), (cx - 16, cy + 38), (cx, cy + 44), steps=8)
           + bezier((cx, cy + 44), (cx + 16, cy + 38), (cx + 26, cy + 54), steps=8)
           + bezier((cx + 26, cy + 54), (cx + 12, cy + 46), (cx, cy + 50), steps=8)
           + bezier((cx, cy + 50), (cx - 12, cy + 46), (cx - 26, cy + 54), steps=8), fill=beard)
    # small chin patch
    c.ellipse((cx - 12, cy + 74, cx + 12, cy + 88), fill=beard)

    # short hair: a cap with a low hairline and a small quiff to the right
    cap = ellipse_arc(cx, cy + 2, 73, 94, 172, 368)
    cap += [(cx + 70, cy - 10)]
    cap += bezier((cx + 66, cy - 22), (cx + 56, cy - 54), (cx + 30, cy - 60))
    cap += bezier((cx + 30, cy - 60), (cx - 10, cy - 50), (cx - 40, cy - 56))
    cap += bezier((cx - 40, cy - 56), (cx - 60, cy - 50), (cx - 66, cy - 20))
    cap += [(cx - 72, cy - 8)]
    c.poly(cap, fill=hair)
    quiff = bezier((cx - 50, cy - 72), (cx + 10, cy - 120), (cx + 64, cy - 66))
    quiff += bezier((cx + 64, cy - 66), (cx + 10, cy - 90), (cx - 50, cy - 72))
    c.poly(quiff, fill=hair)
    for x in (-36, -12, 12, 36):
        c.line(bezier((cx + x - 14, cy - 62), (cx + x, cy - 86), (cx + x + 18, cy - 92), steps=10), fill=hair_dark, width=2)

    # round glasses
    frame = (52, 44, 40)
    for side in (-1, 1):
        ex = cx + side * 27
        ey = cy + 6
        c.ellipse((ex - 20, ey - 18, ex + 20, ey + 19), outline=frame, width=3.2)
    c.arc((cx - 9, cy - 2, cx + 9, cy + 12), 200, 340, fill=frame, width=3)
    c.line([(cx - 47, cy + 2), (cx - 64, cy - 2)], fill=frame, width=3)
    c.line([(cx + 47, cy + 2), (cx + 64, cy - 2)], fill=frame, width=3)
    c.save(OUT / "jonas.jpg")


def werkstatt():
    W, H = 720, 420
    c = Canvas(W, H, (232, 214, 186))
    # back wall of light planks, floor of darker boards
    wood_planks(c, (236, 218, 190), (196, 166, 126), 90, seed=5)
    c.rect((0, 300, W, H), fill=(150, 110, 72))
    for y in (318, 340, 366, 396):
        c.line([(0, y), (W, y)], fill=(128, 92, 58), width=2)
    # window with light
    c.rect((470, 40, 660, 200), fill=(206, 226, 232), outline=(120, 90, 60), width=8)
    c.line([(565, 40), (565, 200)], fill=(120, 90, 60), width=6)
    c.line([(470, 120), (660, 120)], fill=(120, 90, 60), width=6)
    c.ellipse((590, 60, 630, 100), fill=(246, 236, 190))
    # tool wall: a board with tools
    c.rect((40, 50, 410, 190), fill=(212, 180, 136), outline=(160, 120, 80), width=4)
    # saws
    c.poly([(60, 70), (130, 70), (130, 110), (60, 92)], fill=(196, 200, 204))
    c.rect((118, 64, 148, 112), fill=(150, 84, 50), radius=8)
    # chisels
    for i, x in enumerate(range(170, 250, 18)):
        c.rect((x, 70, x + 8, 110), fill=(170, 110, 62), radius=3)
        c.rect((x + 1, 110, x + 7, 140 + i * 4), fill=(188, 192, 198))
    # mallet
    c.rect((270, 70, 320, 100), fill=(168, 120, 70), radius=6)
    c.rect((290, 100, 300, 160), fill=(140, 96, 56))
    # folding rule, clamps
    c.rect((340, 66, 352, 170), fill=(236, 200, 70))
    c.rect((366, 66, 376, 170), fill=(190, 60, 50))
    c.rect((356, 66, 386, 76), fill=(190, 60, 50))
    c.rect((356, 160, 386, 170), fill=(190, 60, 50))
    # workbench
    c.rect((60, 236, 560, 262), fill=(196, 150, 96), outline=(140, 100, 60), width=3)
    c.rect((80, 262, 104, 360), fill=(160, 116, 72))
    c.rect((516, 262, 540, 360), fill=(160, 116, 72))
    c.rect((80, 318, 540, 334), fill=(150, 108, 66))
    c.rect((30, 230, 70, 276), fill=(176, 132, 84), outline=(130, 92, 56), width=3)  # vise
    # window sill
    c.rect((458, 200, 672, 212), fill=(160, 116, 72))
    # a chair in the making, standing next to the bench
    chair = (128, 82, 48)
    c.rect((592, 232, 604, 380), fill=chair)  # back leg, runs up into the backrest
    c.rect((668, 232, 680, 380), fill=chair)
    c.rect((592, 240, 680, 250), fill=(150, 100, 60))
    c.rect((592, 262, 680, 270), fill=(150, 100, 60))
    c.rect((584, 296, 690, 310), fill=(170, 116, 70))  # seat
    c.rect((600, 310, 610, 392), fill=chair)  # front legs
    c.rect((664, 310, 674, 392), fill=chair)
    c.rect((600, 350, 674, 356), fill=(150, 100, 60))
    rnd = random.Random(7)
    for _ in range(22):
        x = rnd.uniform(140, 280)
        y = rnd.uniform(226, 236)
        r = rnd.uniform(5, 10)
        c.arc((x - r, y - r, x + r, y + r), rnd.uniform(0, 200), rnd.uniform(220, 360), fill=(232, 196, 140), width=2.5)
    for _ in range(16):
        x = rnd.uniform(120, 560)
        y = rnd.uniform(350, 410)
        r = rnd.uniform(4, 9)
        c.arc((x - r, y - r, x + r, y + r), rnd.uniform(0, 160), rnd.uniform(200, 360), fill=(226, 186, 126), width=2.5)
    # a hand plane
    c.poly([(170, 236), (182, 214), (250, 214), (258, 236)], fill=(110, 70, 40))
    c.ellipse((188, 200, 212, 224), fill=(150, 96, 56))
    # a plant on the window sill
    c.rect((600, 200, 640, 236), fill=(184, 100, 70))
    for dx, dy in ((-18, -30), (0, -44), (18, -30), (-8, -20), (10, -22)):
        c.ellipse((620 + dx - 10, 200 + dy - 6, 620 + dx + 10, 200 + dy + 14), fill=(90, 140, 90))
    c.save(OUT / "werkstatt.jpg", quality=78)


if __name__ == "__main__":
    marie()
    jonas()
    werkstatt()
