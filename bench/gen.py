#!/usr/bin/env python3
"""gen.py — a deterministic generator of synthetic samv ledgers for the benchmark.

    python3 bench/gen.py SIZE OUTDIR        SIZE: county | middle | country

Writes OUTDIR/ (which must not exist or be empty) as a ledger that passes the schemas and
reaches every rule's checks: parties with units, people and supervisor training, rates with
amounts and PLO indexes, declarations of intent with a withdrawal, agreements with scope,
plans, follow-ups, courses, projects, contacts and a few terminations (and their
successors), one term file per agreement and term with notice, offer and placements (some
with `days`, some across New Year, withdrawn, cancelled, specialist programmes), invoices
per unit, university and term whose totals are computed exactly as cmd/lib/ledger/pay.c computes
them, bodies of four types with member turnover, and their protocols.

The data is fictional throughout (names are made of invented parts; organisation numbers
and giro numbers are made up with valid check digits). A handful of deliberate warnings
(late notices and offers, a late withdrawal, a late protocol, an unpaid invoice) make the
reporting paths run too; the generator prints how many it planted. The output is a pure
function of SIZE: a fixed xorshift64* seed, no clock, no hash ordering.
"""

import datetime
import os
import re
import sys

GEN_VERSION = 4  # bump when the output changes, so that run.sh regenerates

AS_OF = datetime.date(2025, 8, 15)
FIRST_YEAR, LAST_YEAR = 2016, 2025

# Swedish counties by number of municipalities (the real counts; the names are invented).
COUNTRY_REGIONS = [26, 49, 33, 8, 9, 13, 13, 8, 12, 1, 5, 6, 16, 12, 10, 15, 10, 7, 8, 15, 14]

SIZES = {
    # regions: municipalities per region; univs: universities per region; districts: how
    # many districts each of the first big cities has; placements: the total over 10 years.
    "county": dict(regions=[26], univs=[5], districts=[13], providers=[2],
                   placements=20_000, agreements_per_party=(2, 3), neighbours=0),
    "middle": dict(regions=[26, 49, 33], univs=[5, 4, 3], districts=[13, 10, 5],
                   providers=[2, 3, 3], placements=100_000, agreements_per_party=(2, 5), neighbours=2),
    "country": dict(regions=COUNTRY_REGIONS, univs=[5, 4, 3] + [1] * 18,
                    districts=[13, 10, 5], providers=[2, 3, 3] + [1] * 18,
                    placements=500_000, agreements_per_party=(4, 9), neighbours=5),
}

# ---------------------------------------------------------------- random numbers


class Rng:
    """xorshift64*: small, fast enough, and the same on every Python."""

    def __init__(self, seed):
        self.s = (seed or 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF

    def next(self):
        x = self.s
        x ^= (x >> 12)
        x ^= (x << 25) & 0xFFFFFFFFFFFFFFFF
        x ^= (x >> 27)
        self.s = x
        return (x * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        return (self.next() >> 11) % n

    def randint(self, a, b):
        return a + self.below(b - a + 1)

    def chance(self, p):
        return (self.next() >> 11) < p * (1 << 53)

    def choice(self, seq):
        return seq[self.below(len(seq))]

    def sample(self, seq, k):
        pool = list(seq)
        out = []
        for _ in range(min(k, len(pool))):
            out.append(pool.pop(self.below(len(pool))))
        return out

    def weight(self):
        """A skewed positive weight, roughly log-normal (mean about 1)."""
        s = sum((self.next() >> 11) / (1 << 53) for _ in range(4)) - 2.0
        return 2.718281828 ** (0.9 * s)


# ---------------------------------------------------------------- check digits


def luhn_digit(digits):
    total, double = 0, True
    for ch in reversed(digits):
        d = int(ch)
        if double:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
        double = not double
    return str((10 - total % 10) % 10)


def org_number(prefix6, serial3):
    body = f"{prefix6}{serial3:03d}"
    return f"{prefix6}-{serial3:03d}{luhn_digit(body)}"


def bankgiro8(n):
    body = f"{n:07d}"
    d = luhn_digit(body)
    return f"{body[:4]}-{body[4:]}{d}"


def plusgiro(n, grouped):
    body = str(n)
    d = luhn_digit(body)
    if not grouped:
        return f"{body}-{d}"
    # pairs from the right, the first group may be one digit: "47 11 64-4"
    groups = []
    while len(body) > 2:
        groups.insert(0, body[-2:])
        body = body[:-2]
    groups.insert(0, body)
    return " ".join(groups) + f"-{d}"


# ---------------------------------------------------------------- dates and money


def weekdays_before(ordinal):
    # date(1, 1, 1) is a Monday with ordinal 1
    weeks, rest = divmod(ordinal - 1, 7)
    return weeks * 5 + min(rest, 5)


def weekdays(a, b):
    if b < a:
        return 0
    return weekdays_before(b.toordinal() + 1) - weekdays_before(a.toordinal())


def nth_weekday(start, n):
    lo, hi = start.toordinal(), start.toordinal() + n * 7 // 5 + 7
    s = start.toordinal()
    while lo < hi:
        mid = (lo + hi) // 2
        if weekdays_before(mid + 1) - weekdays_before(s) >= n:
            hi = mid
        else:
            lo = mid + 1
    return datetime.date.fromordinal(lo)


def add_months(d, months):
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    last = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(y, m, min(d.day, last))


DAY = datetime.timedelta(days=1)

# Rates per student-week (illustrative, as in the example ledger): amounts or PLO indexes.
RATES_YEARS = [
    (2017, "index", "1.60"), (2018, "amount", "1585"), (2019, "index", "1.95"),
    (2020, "index", "1.48"), (2021, "index", "1.62"), (2022, "amount", "1650"),
    (2023, "index", "3.10"), (2024, "index", "4.25"), (2025, "index", "2.80"),
    (2026, "index", "2.10"),
]


def parse_ore(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def year_amounts():
    amounts = {2016: 153000}
    prev = 153000
    for year, how, value in RATES_YEARS:
        if how == "amount":
            prev = parse_ore(value)
        else:
            pct = parse_ore(value)  # hundredths of a percent
            q, r = divmod(prev * (10000 + pct), 10000)
            prev = q + (1 if 2 * r >= 10000 else 0)
        amounts[year] = prev
    return amounts


AMOUNTS = year_amounts()


def pay_line(start, end, days):
    """The compensation of one placement in öre, as cmd/lib/ledger/pay.c computes it."""
    wd = weekdays(start, end)
    n = days if 0 < days < wd else wd
    if n == 0:
        return 0
    last_paid = nth_weekday(start, n)
    total = 0
    for y in range(start.year, last_paid.year + 1):
        f = start if y == start.year else datetime.date(y, 1, 1)
        t = last_paid if y == last_paid.year else datetime.date(y, 12, 31)
        k = weekdays(f, t)
        if k:
            total += AMOUNTS[y] * k
    return (total + 2) // 5


def kr(ore):
    return f"{ore // 100}.{ore % 100:02d}"


# ---------------------------------------------------------------- names (all invented)

FIRST = """Anna Erik Maria Lars Karin Anders Eva Johan Sara Per Emma Nils Linnea Oskar Elin Karl
Ida Axel Maja Hugo Alva Liam Wilma Elias Alice Lucas Ebba Oliver Freja Filip Saga Leo Astrid
Noah Ella Adam Vera Omar Leila Jakob Fatima Ali Amira Yasmin Hassan Nour Reza Dina Ahmed Åsa
Björn Göran Märta Sören Örjan Ingrid Gustav Helena Tomas Ulrika Malin Jonas Cecilia Mats
Pernilla Stefan Rebecka Henrik Lotta Birgitta Jenny Anneli Sofia David Lina Fatou Kerstin
Mikael Annika Zeynep Emir Selma Edvin Tindra Melvin Siri Aron Juni Loke Meja Viggo Tuva Vilgot
Greta Sixten Idun Harald Ronja Alvar Majken Teodor Irma Ture Elsa Malte Stina Josef Hedda""".split()

SUR_A = """Prov Test Exempel Låtsas Påhitt Modell Övnings Skiss Mall Fiktiv Dikt Saga Dröm Kuliss
Attrapp Utkast Fantasi Lek Spel Ritning Förslag Kopia Mönster Kladd Fabel""".split()
SUR_B = """berg lund ström qvist sson dahl gren holm mark by strand sten gård vik näs rud fors hed
bäck ås dal hamn torp sjö mo""".split()

PLACE_A = """Prov Test Exempel Låtsas Påhitt Modell Övnings Skiss Mall Fiktiv Dikt Saga Dröm
Kuliss Attrapp Utkast Fantasi Lek Spel Ritning Förslag Kopia Mönster Kladd Fabel Myt Gåta
Rebus Krumelur Skimmer""".split()
PLACE_B = """sunda vik köping by hamn åsen dal fors näs holm berga torp stad mark ryd sjö bro
lund hed ås""".split()

REGION_A = """Norr Söder Öster Väster Mitt Hög Låg Skogs Sjö Berg Slätt Kust Älv Myr Hed Ängs
Dal Fjäll Ö Strand Mo Lund""".split()

TREES = """Björk Ek Lind Rönn Asp Al Sol Sjö Äng Berg Dal Hag Lärk Gran Tall Vide Hassel Fläder
Syren Lönn Alm Rosen Lilje Klöver Vallmo Näckros Kastanj Apel Körsbär Plommon Päron Hägg
Sälg Ljung Mossa Vass Strand Udd Kulle Glänta""".split()
HOME_SUFFIX = ["gården", "hemmet", "backen", "lunden", "ängen", "hagen", "höjden", "dalen"]
QUARTERS = ["Norr", "Söder", "Öster", "Väster", "Centrum", "Strand", "Backe", "Hamn", "Skog", "Sjö"]

TRANS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o"})


def slug(text):
    s = text.lower().translate(TRANS)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def email_part(name):
    return re.sub(r"[^a-z.]", "", name.lower().translate(TRANS).replace(" ", ".").replace("-", "."))


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.students = set()

    def person(self):
        r = self.rng
        return f"{r.choice(FIRST)} {r.choice(SUR_A)}{r.choice(SUR_B)}"

    def student(self):
        r = self.rng
        while True:
            first = r.choice(FIRST)
            if r.chance(0.3):
                first = f"{first} {r.choice(FIRST)}"
            last = f"{r.choice(SUR_A)}{r.choice(SUR_B)}"
            if r.chance(0.15):
                last = f"{last}-{r.choice(SUR_A)}{r.choice(SUR_B)}"
            name = f"{first} {last}"
            if name not in self.students:
                self.students.add(name)
                return name


# ---------------------------------------------------------------- YAML output

PLAIN_OK = re.compile(r"^[A-Za-zÅÄÖåäöÉé0-9(][^:#\n]*$")
RESERVED = re.compile(r"^(true|false|null|~|yes|no|on|off|y|n|[-+]?[0-9][0-9_.:eExXoObB+-]*)$", re.I)


def q(s):
    """A scalar that every YAML reader (1.1 and 1.2) reads as this string."""
    if PLAIN_OK.match(s) and not RESERVED.match(s) and not s.endswith(" ") and ": " not in s \
            and " #" not in s and not s.endswith(":"):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def d(x):
    return x.isoformat()


# ---------------------------------------------------------------- the world


class Party:
    def __init__(self, pid, ptype, name, org, region):
        self.id, self.type, self.name, self.org, self.region = pid, ptype, name, org, region
        self.parent = None
        self.units = []   # dicts
        self.people = []  # dicts
        self.weight = 1.0
        self.person_ids = set()
        self.domain = slug(name.split()[0]) + ".example"
        self.comment = None

    def add_person(self, name, **kw):
        pid = slug(name)
        base, n = pid, 2
        while pid in self.person_ids:
            pid = f"{base}-{n}"
            n += 1
        self.person_ids.add(pid)
        p = dict(id=pid, name=name, **kw)
        self.people.append(p)
        return p


PROGRAMS_BY_AREA = {
    "elderly-care": [("nursing", None), ("specialist-nursing", "vård av äldre"),
                     ("occupational-therapy", None), ("physiotherapy", None)],
    "home-health": [("nursing", None), ("specialist-nursing", "distriktssköterska"),
                    ("physiotherapy", None)],
    "disability": [("occupational-therapy", None), ("physiotherapy", None),
                   ("other", "socialpedagogik")],
    "social-psychiatry": [("nursing", None), ("specialist-nursing", "psykiatrisk vård"),
                          ("other", "socialt arbete")],
    "health-care": [("nursing", None), ("physiotherapy", None)],
    "other": [("nursing", None), ("other", "folkhälsovetenskap")],
}

COURSES = {
    "nursing": ["Sjuksköterskeprogrammet, VFU i kommunal vård och omsorg",
                "Omvårdnad vid äldres hälsa och ohälsa, VFU"],
    "specialist-nursing": ["Specialistsjuksköterskeprogrammet, VFU 1",
                           "Specialistsjuksköterskeprogrammet, VFU 2"],
    "occupational-therapy": ["Arbetsterapeutprogrammet, VFU 3", "Arbetsterapi i kommunal verksamhet"],
    "physiotherapy": ["Fysioterapeutprogrammet, VFU inom kommunal vård"],
    "other": ["Socionomprogrammet, verksamhetsförlagd utbildning"],
}

TITLES = ["Sjuksköterska", "Undersköterska", "Arbetsterapeut", "Fysioterapeut",
          "Specialistsjuksköterska", "Distriktssköterska", "Socialpedagog", "Biståndshandläggare"]


class World:
    def __init__(self, size):
        self.size = size
        cfg = SIZES[size]
        self.cfg = cfg
        self.rng = Rng(0x5A4D56_2016 ^ {"county": 1, "middle": 2, "country": 3}[size])
        self.names = Names(self.rng)
        self.parties = {}
        self.regions = []
        self.agreements = []
        self.intents = []
        self.terms = []      # (path, text)
        self.invoices = []   # (path, text)
        self.bodies = []     # (path, text)
        self.protocols = []  # (path, text)
        self.planted = {}
        self.place_names = [a + b for a in PLACE_A for b in PLACE_B]
        self.rng_place = Rng(0xC0FFEE)
        self.used_places = set()
        self.org_serial = {"212000": 0, "202100": 0, "556900": 0, "232100": 0, "222000": 0}
        self.giro_serial = 5_100_000
        self.invoice_seq = 10_000
        self.nplacements = 0

    def plant(self, rule):
        self.planted[rule] = self.planted.get(rule, 0) + 1

    # -- numbers
    def org(self, prefix):
        self.org_serial[prefix] += 1
        s = self.org_serial[prefix]
        # 3 serial digits; past 999 move to the next prefix block (212001, 5569 01 ...)
        block, serial = divmod(s, 1000)
        p = f"{int(prefix) + block:06d}"
        return org_number(p, serial)

    def giro(self):
        self.giro_serial += self.rng.randint(7, 97)
        n = self.giro_serial
        kind = self.rng.below(4)
        if kind == 0:
            return ("plusgiro", plusgiro(n, grouped=self.rng.chance(0.5)))
        if kind == 1:
            return ("bankgiro", bankgiro8(n))
        body = f"{n % 1_000_000:06d}"
        return ("bankgiro", f"{body[:3]}-{body[3:]}{luhn_digit(body)}")

    def place(self):
        while True:
            name = self.rng_place.choice(self.place_names)
            if name not in self.used_places:
                self.used_places.add(name)
                return name

    def phone(self):
        r = self.rng
        return f"0{r.randint(10, 99)}-{r.randint(100, 999)} {r.randint(100, 999)} {r.randint(10, 99)}"

    # -- parties
    def make_units(self, party, n, provider=False):
        r = self.rng
        used = set()
        areas = ["elderly-care"] * 4 + ["home-health"] * 2 + ["disability"] * 2 + \
                ["social-psychiatry", "health-care", "other"]
        while len(party.units) < n:
            area = r.choice(areas)
            if area == "elderly-care":
                base = r.choice(TREES) + r.choice(HOME_SUFFIX)
                name = f"{base}s vård- och omsorgsboende"
            elif area == "home-health":
                base = f"hemsjukvården {r.choice(QUARTERS)}"
                name = f"Hemsjukvården {base.split()[1]}"
            elif area == "disability":
                name = f"Gruppbostad {r.choice(TREES)}vägen"
                base = name
            elif area == "social-psychiatry":
                base = f"socialpsykiatri {r.choice(QUARTERS)}"
                name = f"Socialpsykiatri {base.split()[1]}, boendestöd"
            elif area == "health-care":
                base = f"korttidsboende {r.choice(TREES)}{r.choice(HOME_SUFFIX)}"
                name = base[0].upper() + base[1:]
            else:
                base = f"dagverksamhet {r.choice(QUARTERS)}"
                name = base[0].upper() + base[1:]
            uid = slug(base)
            if uid in used:
                continue
            used.add(uid)
            if provider:
                operator = r.choice(["contractor", "lov"])
            else:
                operator = "municipal" if r.chance(0.8) else r.choice(["contractor", "lov"])
            manager = party.add_person(self.names.person(), title="Enhetschef", unit=uid)
            manager["email"] = f"{email_part(manager['name'])}@{party.domain}"
            manager["phone"] = self.phone()
            giro = self.giro()
            unit = dict(id=uid, name=name, area=area, operator=operator, payment=giro,
                        contact=manager, weight=r.weight(), supervisors=[], leads=[])
            if operator != "municipal":
                unit["org"] = self.org("556900")
            party.units.append(unit)
            # supervisors: trained before the first term, plus a few trained later
            for k in range(r.randint(3, 6)):
                early = k < 2 or r.chance(0.8)
                web = datetime.date(r.randint(2012, 2014 if k == 0 else 2015), r.randint(1, 12), r.randint(1, 28)) \
                    if early else datetime.date(r.randint(2016, 2023), r.randint(1, 12), r.randint(1, 28))
                hp = None
                if k == 0:
                    hp = datetime.date(2015, r.randint(1, 12), r.randint(1, 28))
                elif r.chance(0.35):
                    hp = web + datetime.timedelta(days=r.randint(60, 400))
                train = [("web-intro", web)] + ([("hp-7.5", hp)] if hp else [])
                person = party.add_person(self.names.person(), title=r.choice(TITLES), unit=uid,
                                          training=train)
                avail = max(t[1] for t in train) + DAY
                unit["supervisors"].append((avail, person["id"]))
                if hp:
                    unit["leads"].append((hp + DAY, person["id"]))

    def build_parties(self):
        r = self.rng
        cfg = self.cfg
        for ri, nmunis in enumerate(cfg["regions"]):
            rname = REGION_A[ri] + r.choice(["land", "bygden", "marken"])
            region = dict(id=f"region-{slug(rname)}", name=f"Region {rname}", munis=[], univs=[],
                          providers=[], municipal=[])
            self.regions.append(region)
            rp = Party(region["id"], "region", region["name"], self.org("232100"), region)
            rp.add_person(self.names.person(), title="Regional utvecklingsledare")
            self.parties[rp.id] = rp
            region["region_party"] = rp
            assoc_name = f"{rname}s kommunförbund"
            ap = Party(f"{slug(rname)}-kf", "association", assoc_name, self.org("222000"), region)
            ap.add_person(self.names.person(), title="Utredare")
            self.parties[ap.id] = ap
            region["association"] = ap
            for u in range(cfg["univs"][ri]):
                town = self.place()
                kind = r.below(3)
                name = [f"{town}s universitet", f"Högskolan i {town}", f"{town} högskola"][kind]
                uid = slug(town) + ["-universitet", "-hogskola", "-hogskola"][kind]
                up = Party(uid, "university", name, self.org("202100"), region)
                for prog in ["sjuksköterskeprogrammet", "arbetsterapeut- och fysioterapeutprogrammen",
                             "specialistsjuksköterskeprogrammen"][: r.randint(2, 3)]:
                    p = up.add_person(self.names.person(), title=f"VFU-samordnare, {prog}")
                    p["email"] = f"{email_part(p['name'])}@{up.domain}"
                    p["phone"] = self.phone()
                self.parties[up.id] = up
                region["univs"].append(up)
            ndistricts = cfg["districts"][ri] if ri < len(cfg["districts"]) else 0
            for m in range(nmunis):
                town = self.place()
                mp = Party(slug(town), "municipality", f"{town} kommun" if m else f"{town} stad",
                           self.org("212000"), region)
                mp.weight = r.weight() * (3.0 if m == 0 else 1.0)
                self.parties[mp.id] = mp
                region["munis"].append(mp)
                coordinator = mp.add_person(self.names.person(), title="VFU-samordnare")
                coordinator["email"] = f"{email_part(coordinator['name'])}@{mp.domain}"
                if m == 0 and ndistricts:
                    # a city with districts: city-wide units of its own, and districts that
                    # carry the city's organisation number
                    self.make_units(mp, r.randint(2, 4))
                    mp.weight = 1.0
                    region["municipal"].append(mp)
                    for k in range(ndistricts):
                        q_ = self.place()
                        dp = Party(slug(q_), "district", f"{q_} stadsdelsförvaltning", mp.org, region)
                        dp.parent = mp.id
                        dp.domain = mp.domain
                        dp.weight = r.weight() * 1.2
                        self.make_units(dp, max(3, min(12, 3 + round(4 * dp.weight))))
                        c = dp.add_person(self.names.person(), title="VFU-samordnare")
                        self.parties[dp.id] = dp
                        region["municipal"].append(dp)
                else:
                    self.make_units(mp, max(3, min(12, 3 + round(3 * mp.weight))))
                    region["municipal"].append(mp)
            for k in range(cfg["providers"][ri]):
                town = self.place()
                pp = Party(slug(town) + "-omsorg-ab", "provider", f"{town} Omsorg AB",
                           self.org("556900"), region)
                pp.weight = r.weight() * 0.6
                self.make_units(pp, r.randint(2, 5), provider=True)
                pp.add_person(self.names.person(), title="Kvalitetschef")
                self.parties[pp.id] = pp
                region["providers"].append(pp)
                region["municipal"].append(pp)

    # -- agreements
    def build_agreements(self):
        r = self.rng
        lo, hi = self.cfg["agreements_per_party"]
        for ri, region in enumerate(self.regions):
            univs = region["univs"]
            # a municipality also takes students of the neighbouring counties' universities
            near = list(univs)
            for k in range(1, self.cfg["neighbours"] + 1):
                if len(self.regions) > k:
                    near += self.regions[(ri + k) % len(self.regions)]["univs"]
            withdrawn_provider = region["providers"][-1] if region["providers"] else None
            intent = dict(id=f"avsiktsforklaring-{region['id'][7:]}",
                          title=f"Avsiktsförklaring om samverkan kring verksamhetsförlagd utbildning i {region['name']}",
                          date=datetime.date(2015, 6, 16),
                          parties=[p.id for p in region["munis"]] + [u.id for u in univs] +
                                  [p.id for p in region["providers"]] + [region["association"].id],
                          withdrawals=[])
            if withdrawn_provider:
                notified = datetime.date(2020, 3, r.randint(1, 28))
                intent["withdrawals"].append((withdrawn_provider.id, notified,
                                              add_months(notified, 6) + datetime.timedelta(days=r.randint(0, 30))))
            self.intents.append(intent)
            for party in region["municipal"]:
                is_city = any(p.parent == party.id for p in region["municipal"])
                if is_city:
                    chosen = [r.sample(univs, min(2, len(univs)))]
                else:
                    k = min(len(near), r.randint(lo, hi))
                    chosen = [[univs[0]]] + [[u] for u in r.sample(near[1:], k - 1)]
                for us in chosen:
                    self.add_agreement(party, us, intent, region)

    def add_agreement(self, party, univs, intent, region):
        r = self.rng
        aid = f"{party.id}-{univs[0].id.split('-')[0]}"
        if len(univs) > 1:
            aid = f"{party.id}-{univs[0].id.split('-')[0]}-{univs[1].id.split('-')[0]}"
        start_year = FIRST_YEAR if r.chance(0.8) else r.randint(FIRST_YEAR + 1, 2022)
        leaving = party.type == "provider" and intent["withdrawals"] and intent["withdrawals"][0][0] == party.id
        if leaving:
            start_year = FIRST_YEAR
        valid_from = datetime.date(start_year, r.choice([2, 2, 2, 8]), 1)
        a = dict(id=aid, party=party, univs=univs, intent=intent["id"], region=region,
                 signed=valid_from - datetime.timedelta(days=r.randint(30, 200)),
                 valid_from=valid_from, termination=None, weight=party.weight * r.weight())
        if leaving:
            # the provider that left the intent ended its agreement too, on time
            notified = intent["withdrawals"][0][1]
            a["termination"] = (party.id, notified, datetime.date(notified.year + 1, 1, 1))
        elif r.chance(0.03) and start_year == FIRST_YEAR:
            year = r.choice([2019, 2021, 2023])
            effective = datetime.date(year, 1, 1)
            notified = add_months(effective, -r.randint(6, 9))
            by = r.choice([party.id, univs[0].id])
            a["termination"] = (by, notified, effective)
        # scope: a few units, one to three programmes each
        units = r.sample(party.units, min(len(party.units), r.randint(2, 4)))
        scope = []
        for u in units:
            progs = PROGRAMS_BY_AREA[u["area"]]
            for prog, spec in [progs[0]] + r.sample(progs[1:], r.randint(0, 2)):
                scope.append(dict(unit=u, program=prog, spec=spec, weight=u["weight"] * (2 if prog == "nursing" else 1),
                                  counts={}))
        a["scope"] = scope
        self.agreements.append(a)
        if a["termination"] and party.type != "provider":
            # a successor agreement takes over from the next month
            eff = a["termination"][2]
            b = dict(a)
            b["id"] = aid + "-" + str(eff.year)
            b["valid_from"] = datetime.date(eff.year, 2, 1)
            b["signed"] = eff - datetime.timedelta(days=r.randint(20, 90))
            b["termination"] = None
            b["scope"] = [dict(s, counts={}) for s in scope]
            self.agreements.append(b)

    @staticmethod
    def in_force(a, first, last):
        if a["valid_from"] > last:
            return False
        return a["termination"] is None or a["termination"][2] > first

    # -- terms and placements
    def terms_list(self):
        out = []
        for y in range(FIRST_YEAR, LAST_YEAR + 1):
            for autumn in (False, True):
                first = datetime.date(y, 7 if autumn else 1, 1)
                last = datetime.date(y + 1, 1, 31) if autumn else datetime.date(y, 6, 30)
                out.append((y, autumn, first, last))
        return out

    def build_terms(self):
        r = self.rng
        terms = self.terms_list()
        per_term = self.cfg["placements"] / len(terms)
        pools = {}  # (region, program, term index) -> students due then
        for ti, (y, autumn, first, last) in enumerate(terms):
            active = [a for a in self.agreements if self.in_force(a, first, last)]
            total_w = sum(a["weight"] for a in active)
            target = per_term * (0.9 + 0.2 * ((ti * 7) % 10) / 10)
            for a in active:
                expect = target * a["weight"] / total_w
                n = int(expect) + (1 if r.chance(expect - int(expect)) else 0)
                self.term_file(a, ti, y, autumn, first, last, n, pools)

    def pick_supervisors(self, unit, start):
        r = self.rng
        ok = [pid for avail, pid in unit["supervisors"] if avail < start]
        sup = r.sample(ok, 2 if r.chance(0.15) and len(ok) > 1 else 1)
        leads = [pid for avail, pid in unit["leads"] if avail < start]
        return sup, leads

    def term_file(self, a, ti, y, autumn, first, last, n, pools):
        r = self.rng
        term = f"{y}-{'HT' if autumn else 'VT'}"
        current = first <= AS_OF <= last
        notice_deadline = datetime.date(y, 3, 15) if autumn else datetime.date(y - 1, 9, 15)
        offer_deadline = datetime.date(y, 5, 15) if autumn else datetime.date(y - 1, 11, 15)
        notice = notice_deadline - datetime.timedelta(days=r.randint(0, 45))
        offer = offer_deadline - datetime.timedelta(days=r.randint(0, 30))
        if r.chance(0.002):
            notice = notice_deadline + datetime.timedelta(days=r.randint(1, 9))
            self.plant("notice-late")
        if r.chance(0.002):
            offer = offer_deadline + datetime.timedelta(days=r.randint(1, 9))
            self.plant("offer-late")
        scope = a["scope"]
        weights = [s["weight"] for s in scope]
        wsum = sum(weights)
        placements = []
        used = {}
        for i in range(n):
            x = (r.next() >> 11) / (1 << 53) * wsum
            k = 0
            while k < len(scope) - 1 and x >= weights[k]:
                x -= weights[k]
                k += 1
            s = scope[k]
            unit = s["unit"]
            # dates: Monday starts, whole weeks, within the term and before the invoicing
            # deadline; a few autumn placements run over New Year
            if autumn:
                if r.chance(0.08):
                    start = datetime.date(y, 11, 3) + datetime.timedelta(days=r.randint(0, 40))
                    weeks = r.randint(6, 9)
                else:
                    start = datetime.date(y, 8, 25) + datetime.timedelta(days=r.randint(0, 70))
                    weeks = r.randint(2, 8)
            else:
                start = datetime.date(y, 1, 15) + datetime.timedelta(days=r.randint(0, 90))
                weeks = r.randint(2, 8)
            start -= datetime.timedelta(days=start.weekday())
            if start < first:
                start += datetime.timedelta(days=7)
            end = start + datetime.timedelta(days=7 * weeks - 3)
            limit = datetime.date(y + 1, 1, 30) if autumn and start.month >= 11 else \
                (datetime.date(y, 12, 12) if autumn else datetime.date(y, 6, 12))
            while end > limit:
                end -= datetime.timedelta(days=7)
            if end < start:
                end = start + datetime.timedelta(days=4)
            days = 0
            if r.chance(0.05):
                days = max(1, weekdays(start, end) - r.randint(1, 5))
            # status
            if current:
                status = "confirmed" if r.chance(0.7) else "planned"
            else:
                status = "completed"
            roll = r.below(100)
            withdrawn = None
            if roll < 3:
                status = "withdrawn"
                by = "university" if r.chance(0.5) else "municipality"
                wdate = start - datetime.timedelta(days=r.randint(28, 90))
                if by == "municipality" and r.chance(0.01):
                    wdate = start - datetime.timedelta(days=r.randint(3, 20))
                if wdate > AS_OF:
                    wdate = AS_OF - datetime.timedelta(days=r.randint(1, 10))
                    by = "university"
                if by == "municipality" and (start - wdate).days < 28:
                    self.plant("withdrawal-late")
                reason = r.choice([None, "Studenten har gjort uppehåll i studierna",
                                   "Handledare saknas under perioden", "Kursen ställdes in"])
                withdrawn = (wdate, by, reason)
            elif roll < 5:
                status = "cancelled"
            # the student: one placement a year, in the same half of it
            key = (a["region"]["id"], s["program"], ti)
            due = pools.get(key)
            student = due.pop() if due else self.names.student()
            if r.chance(0.6):
                pools.setdefault((a["region"]["id"], s["program"], ti + 2), []).append(student)
            sup, leads = self.pick_supervisors(unit, start)
            lead = r.choice(leads) if leads and s["program"] in ("nursing", "specialist-nursing") and r.chance(0.5) else None
            pid = f"p{i + 1}"
            p = dict(id=pid, student=student, program=s["program"], spec=s["spec"], unit=unit,
                     sup=sup, lead=lead, start=start, end=end, days=days, status=status,
                     withdrawn=withdrawn, course=r.choice(COURSES[s["program"]]) if r.chance(0.3) else None)
            placements.append(p)
            if status not in ("withdrawn", "cancelled"):
                s["counts"][start.year] = s["counts"].get(start.year, 0) + 1
                used[k] = used.get(k, 0) + 1
        self.nplacements += n
        # the offer: at least the placements of each unit and programme
        places = []
        for k, s in enumerate(scope):
            if k in used or r.chance(0.3):
                places.append((s, used.get(k, 0) + r.randint(0, 2)))
        lines = [f"# {term} under {a['id']} (generated, fictional)", "kind: term",
                 f"agreement: {a['id']}", f"term: {term}", f"university_notice: {d(notice)}"]
        lines.append("offer:")
        lines.append(f"  date: {d(offer)}")
        if places:
            lines.append("  places:")
            for s, count in places:
                lines.append(f"    - unit: {s['unit']['id']}")
                lines.append(f"      program: {s['program']}")
                if s["spec"]:
                    lines.append(f"      specialization: {q(s['spec'])}")
                lines.append(f"      places: {count}")
        else:
            lines.append("  places: []")
        if placements:
            lines.append("placements:")
        else:
            lines.append("placements: []")
        for p in placements:
            lines.append(f"  - id: {p['id']}")
            lines.append(f"    student: {q(p['student'])}")
            lines.append(f"    program: {p['program']}")
            if p["spec"]:
                lines.append(f"    specialization: {q(p['spec'])}")
            if p["course"]:
                lines.append(f"    course: {q(p['course'])}")
            lines.append(f"    unit: {p['unit']['id']}")
            lines.append("    supervisors:")
            for sid in p["sup"]:
                lines.append(f"      - {sid}")
            if p["lead"]:
                lines.append(f"    lead_supervisor: {p['lead']}")
            lines.append(f"    start: {d(p['start'])}")
            lines.append(f"    end: {d(p['end'])}")
            if p["days"]:
                lines.append(f"    days: {p['days']}")
            lines.append(f"    status: {p['status']}")
            if p["withdrawn"]:
                wdate, by, reason = p["withdrawn"]
                lines.append("    withdrawn:")
                lines.append(f"      date: {d(wdate)}")
                lines.append(f"      by: {by}")
                if reason:
                    lines.append(f"      reason: {q(reason)}")
        self.terms.append((f"terms/{term}/{a['id']}.yaml", "\n".join(lines) + "\n"))
        if not current:
            self.invoice_term(a, term, y, autumn, placements)

    def invoice_term(self, a, term, y, autumn, placements):
        r = self.rng
        by_unit = {}
        for p in placements:
            if p["status"] == "completed":
                by_unit.setdefault(p["unit"]["id"], (p["unit"], []))[1].append(p)
        for uid, (unit, ps) in by_unit.items():
            latest = max(p["end"] for p in ps)
            term_deadline = datetime.date(y, 12, 15) if autumn else datetime.date(y, 6, 15)
            if latest <= term_deadline:
                deadline = term_deadline
            else:
                deadline = datetime.date(latest.year + (latest.month == 12), latest.month % 12 + 1, 15)
            issued = min(latest + datetime.timedelta(days=r.randint(1, 6)), deadline)
            due = issued + datetime.timedelta(days=30)
            paid = due - datetime.timedelta(days=r.randint(0, 14))
            if r.chance(0.05):
                paid = due + datetime.timedelta(days=r.randint(1, 12))
            if paid > AS_OF:
                paid = None
            if paid is None or (due >= datetime.date(2025, 6, 1) and r.chance(0.004)):
                paid = None
                if due < AS_OF:
                    self.plant("payment-overdue")
            total = sum(pay_line(p["start"], p["end"], p["days"]) for p in ps)
            self.invoice_seq += r.randint(1, 3)
            univ = a["univs"][0]
            iid = f"{a['party'].id}-{uid}-{univ.id.split('-')[0]}-{term.lower()}"
            lines = ["kind: invoice", f"id: {iid}", f'number: "{self.invoice_seq}"', f"term: {term}",
                     "from:", f"  party: {a['party'].id}", f"  unit: {uid}", f"to: {univ.id}",
                     f"issued: {d(issued)}", f"due: {d(due)}", "placements:"]
            for p in ps:
                lines.append(f"  - {term}/{a['id']}/{p['id']}")
            lines.append(f'total: "{kr(total)}"')
            if paid:
                lines.append(f"paid: {d(paid)}")
            self.invoices.append((f"invoices/{y}/{iid}.yaml", "\n".join(lines) + "\n"))

    # -- bodies and protocols
    def build_bodies(self):
        r = self.rng
        for region in self.regions:
            rid = region["id"][7:]
            univs = region["univs"]
            munis = [p for p in region["municipal"] if p.type in ("municipality", "district")]
            assoc = region["association"]
            rp = region["region_party"]
            specs = [
                ("styrgrupp", "Styrgruppen för samverkan kring VFU", "steering-group", (4, 4), 2),
                ("vfu-rad", "Samverkansrådet för verksamhetsförlagd utbildning", "council", None, 4),
                ("forum", "Forum för VFU-samordnare", "forum", None, 1),
                ("verkstad", "Arbetsgrupp för handledarutbildning", "workshop", None, None),
            ]
            for suffix, title, btype, comp, meets in specs:
                bid = f"{rid}-{suffix}"
                members = []  # dict(id, name, party, role, from, to)
                ids = set()

                def member(party, role, frm, to=None):
                    name = self.names.person()
                    mid = slug(name)
                    base, k = mid, 2
                    while mid in ids:
                        mid = f"{base}-{k}"
                        k += 1
                    ids.add(mid)
                    m = dict(id=mid, name=name, party=party.id, role=role, frm=frm, to=to)
                    members.append(m)
                    return m

                start = datetime.date(FIRST_YEAR, 1, 1)
                chair = member(univs[0] if btype == "steering-group" else rp, "ordförande", start)
                secretary = member(assoc, "sekreterare", start)
                if comp:
                    seats = [("u", univs[i % len(univs)]) for i in range(comp[0] - 1)] + \
                            [("m", munis[i % len(munis)]) for i in range(comp[1])]
                else:
                    nseats = {"council": 10, "forum": 14, "workshop": 5}[btype]
                    seats = [("m", munis[i % len(munis)]) for i in range(nseats - 2)] + \
                            [("u", univs[i % len(univs)]) for i in range(2)]
                for _, party in seats:
                    # each seat changes hands once or twice in ten years, with no gap
                    frm = start
                    while True:
                        to = frm.replace(year=frm.year + r.randint(3, 6)) - DAY
                        if to >= AS_OF + datetime.timedelta(days=400):
                            member(party, "ledamot", frm, None)
                            break
                        member(party, "ledamot", frm, to)
                        frm = to + DAY
                # meetings
                per_year = meets or 2
                dates = []
                for y in range(FIRST_YEAR, LAST_YEAR + 1):
                    for k in range(per_year):
                        month = 1 + (12 // per_year) * k + r.randint(1, max(1, 12 // per_year - 1))
                        month = min(month, 12)
                        day = datetime.date(y, month, r.randint(1, 25))
                        if day.weekday() >= 5:
                            day += datetime.timedelta(days=7 - day.weekday())
                        if day < AS_OF and (not dates or day > dates[-1]):
                            dates.append(day)
                for i, day in enumerate(dates):
                    nxt = dates[i + 1] if i + 1 < len(dates) else day + datetime.timedelta(days=120)
                    self.protocol(bid, region, members, chair, secretary, day, nxt)
                lines = [f"# {title}, {region['name']} (generated, fictional)", "kind: body",
                         f"id: {bid}", f"name: {q(title + ' i ' + region['name'])}", f"type: {btype}",
                         "convenors:", f"  - {assoc.id}", f"  - {univs[0].id}"]
                if comp:
                    lines += ["composition:", f"  university: {comp[0]}", f"  municipality: {comp[1]}"]
                if meets:
                    lines.append(f"meets_per_year: {meets}")
                lines.append("members:")
                for m in members:
                    lines += [f"  - id: {m['id']}", f"    name: {q(m['name'])}", f"    party: {m['party']}",
                              f"    role: {q(m['role'])}", f"    from: {d(m['frm'])}"]
                    if m["to"]:
                        lines.append(f"    to: {d(m['to'])}")
                self.bodies.append((f"bodies/{bid}.yaml", "\n".join(lines) + "\n"))

    def protocol(self, bid, region, members, chair, secretary, day, nxt):
        r = self.rng
        on = [m for m in members if m["frm"] <= day and (m["to"] is None or day <= m["to"])]
        others = [m for m in on if m is not chair and m is not secretary]
        absent = r.sample(others, r.randint(0, min(3, len(others) - 1)))
        present = [m for m in on if m not in absent]
        adj_pool = [m for m in present if m is not secretary and m is not chair]
        adjuster = r.choice(adj_pool)
        adjusted = day + datetime.timedelta(days=r.randint(2, 12))
        if r.chance(0.01):
            adjusted = day + datetime.timedelta(days=r.randint(15, 25))
            if adjusted <= AS_OF:
                self.plant("protocol-adjusted")
        lines = [f"# Protocol of {bid}, {d(day)} (generated, fictional)", "kind: protocol",
                 f"body: {bid}", f"date: {d(day)}", "time:", '  start: "09:00"', '  end: "12:00"',
                 f"place: {q('Kommunhuset, ' + region['name'])}", f"chair: {chair['id']}",
                 f"secretary: {secretary['id']}", "adjusters:", f"  - {adjuster['id']}"]
        if adjusted <= AS_OF:
            lines.append(f"adjusted: {d(adjusted)}")
        elif (AS_OF - day).days > 14:
            self.plant("protocol-adjusted")
        lines.append("present:")
        lines += [f"  - {m['id']}" for m in present]
        if absent:
            lines.append("absent:")
            lines += [f"  - {m['id']}" for m in absent]
        if r.chance(0.3):
            guest = self.names.person()
            lines += ["others_present:", f"  - name: {q(guest)}", f"    party: {region['region_party'].id}"]
        titles = ["Mötet öppnas", "Val av justerare", "Dagordning", "Uppföljning av VFU-platser",
                  "Handledarutbildning", "Ersättning och fakturering", "Övriga frågor", "Mötet avslutas"]
        chosen = titles[:3] + r.sample(titles[3:7], r.randint(1, 4)) + titles[7:]
        lines.append("items:")
        for i, t in enumerate(chosen):
            lines += [f"  - number: {i + 1}", f"    title: {q(t)}"]
            if 3 <= i < len(chosen) - 1:
                lines.append(f"    text: {q('Samordnarna redovisar läget för terminen. Frågan diskuteras och rådet tar del av redovisningen.')}")
                if r.chance(0.6):
                    lines += ["    decisions:", "      - Redovisningen läggs till handlingarna."]
                if r.chance(0.5):
                    who = r.choice(present)
                    lines += ["    actions:", f"      - who: {who['id']}",
                              "        what: Sammanställer underlag till nästa möte."]
                    if r.chance(0.5):
                        lines.append(f"        due: {d(nxt)}")
        lines += ["next_meeting:", f"  date: {d(nxt)}"]
        if r.chance(0.5):
            lines.append('  time: "09:00"')
        else:
            lines += ["  time:", '    start: "09:00"', '    end: "12:00"']
        lines.append(f"  place: {q('Kommunhuset, ' + region['name'])}")
        self.protocols.append((f"protocols/{bid}/{d(day)}.yaml", "\n".join(lines) + "\n"))

    # -- the small records
    def party_text(self, p):
        lines = [f"# {p.name} (generated, fictional; organisation and giro numbers made up)",
                 "kind: party", f"id: {p.id}", f"type: {p.type}", f"name: {q(p.name)}",
                 f"org_number: {p.org}"]
        if p.parent:
            lines.append(f"parent: {p.parent}")
        if p.units:
            lines.append("units:")
        for u in p.units:
            lines += [f"  - id: {u['id']}", f"    name: {q(u['name'])}", f"    area: {u['area']}",
                      f"    operator: {u['operator']}"]
            if u.get("org"):
                lines.append(f"    org_number: {u['org']}")
            kind, number = u["payment"]
            lines += ["    payment:", f"      {kind}: {number}", "    invoice_contact:",
                      f"      name: {q(u['contact']['name'])}", f"      phone: {u['contact']['phone']}",
                      f"      email: {u['contact']['email']}"]
        if p.people:
            lines.append("people:")
        for person in p.people:
            lines += [f"  - id: {person['id']}", f"    name: {q(person['name'])}"]
            if person.get("title"):
                lines.append(f"    title: {q(person['title'])}")
            if person.get("unit"):
                lines.append(f"    unit: {person['unit']}")
            if person.get("email"):
                lines.append(f"    email: {person['email']}")
            if person.get("phone"):
                lines.append(f"    phone: {person['phone']}")
            if person.get("training"):
                lines.append("    supervisor_training:")
                for course, when in person["training"]:
                    lines += [f"      - course: {course}", f"        completed: {d(when)}"]
        return "\n".join(lines) + "\n"

    def agreement_text(self, a):
        r = self.rng
        party = a["party"]
        last_year = LAST_YEAR if not a["termination"] else (a["termination"][2] - DAY).year
        lines = [f"# Samverkansavtal {party.name} – {', '.join(u.name for u in a['univs'])} (generated, fictional)",
                 "kind: agreement", f"id: {a['id']}", f"intent: {a['intent']}",
                 f"municipality: {party.id}", "universities:"]
        lines += [f"  - {u.id}" for u in a["univs"]]
        lines += [f"signed: {d(a['signed'])}", f"valid_from: {d(a['valid_from'])}", "notice_months: 6"]
        if a["termination"]:
            by, notified, effective = a["termination"]
            lines += ["termination:", f"  by: {by}", f"  notified: {d(notified)}",
                      f"  effective: {d(effective)}"]
        lines += ["rates: ksl-cku-2016", "scope:"]
        for s in a["scope"]:
            peak = max(s["counts"].values(), default=0)
            lines += [f"  - unit: {s['unit']['id']}", f"    program: {s['program']}"]
            if s["spec"]:
                lines.append(f"    specialization: {q(s['spec'])}")
            lines.append(f"    students_per_year: {peak + r.randint(0, 3)}")
        lines.append("plans:")
        for y in range(a["valid_from"].year, min(last_year, AS_OF.year) + 1):
            lines += [f"  - year: {y}", f"    agreed: {d(datetime.date(y - 1, 11, r.randint(1, 28)))}"]
        if r.chance(0.5):
            lines += ["courses:", "  - title: Webbaserad introduktion i handledning",
                      "    extent: webbkurs, cirka 8 timmar", f"    year: {r.randint(a['valid_from'].year, last_year)}"]
        if r.chance(0.3):
            y = r.randint(a["valid_from"].year, last_year)
            lines += ["projects:", f"  - title: {q('Utvecklingsprojekt om handledning på ' + a['scope'][0]['unit']['name'])}",
                      f"    unit: {a['scope'][0]['unit']['id']}", f"    term: {y}-{r.choice(['VT', 'HT'])}"]
        lines += ["contacts:", "  university:"]
        for u in a["univs"]:
            lines.append(f"    - {u.id}/{u.people[0]['id']}")
        lines.append("  units:")
        seen = set()
        for s in a["scope"]:
            if s["unit"]["id"] in seen:
                continue
            seen.add(s["unit"]["id"])
            lines += [f"    - unit: {s['unit']['id']}", f"      person: {party.id}/{s['unit']['contact']['id']}"]
        follow = [y for y in range(a["valid_from"].year, last_year + 1)
                  if datetime.date(y + 1, 3, 31) < AS_OF or r.chance(0.3)]
        follow = [y for y in follow if datetime.date(y + 1, 3, 1) <= AS_OF]
        if follow:
            lines.append("follow_ups:")
            for y in follow:
                lines += [f"  - year: {y}", f"    date: {d(datetime.date(y + 1, r.randint(2, 3), r.randint(1, 28)))}",
                          f"    initiated_by: {r.choice([party.id, a['univs'][0].id])}"]
        return "\n".join(lines) + "\n"

    def intent_text(self, it):
        lines = [f"# {it['title']} (generated, fictional)", "kind: intent", f"id: {it['id']}",
                 f"title: {q(it['title'])}", f"date: {d(it['date'])}", "parties:"]
        lines += [f"  - {p}" for p in it["parties"]]
        lines.append("notice_months: 6")
        if it["withdrawals"]:
            lines.append("withdrawals:")
            for party, notified, effective in it["withdrawals"]:
                lines += [f"  - party: {party}", f"    notified: {d(notified)}", f"    effective: {d(effective)}"]
        return "\n".join(lines) + "\n"

    def rates_text(self):
        lines = ["# Compensation per student-week: ILLUSTRATIVE figures for the benchmark, not real ones.",
                 "kind: rates", "id: ksl-cku-2016", "per: student-week", "base:", "  year: 2016",
                 "  amount: 1530", "years:"]
        for year, how, value in RATES_YEARS:
            lines += [f'  "{year}":', f"    {how}: {value}", "    source: Illustrativt värde (påhittat)"]
        return "\n".join(lines) + "\n"

    def files(self):
        yield "samv.yaml", (f"# A synthetic ledger for samv's benchmark: size {self.size}, generator v{GEN_VERSION}.\n"
                            "kind: ledger\n"
                            f"name: Syntetisk liggare för prestandamätning ({self.size})\n"
                            "currency: SEK\n"
                            f"as_of: {d(AS_OF)}\n"
                            "protocol_adjust_days: 14\n")
        yield "rates.yaml", self.rates_text()
        for p in self.parties.values():
            yield f"parties/{p.id}.yaml", self.party_text(p)
        for it in self.intents:
            yield f"agreements/{it['id']}.yaml", self.intent_text(it)
        for a in self.agreements:
            yield f"agreements/{a['id']}.yaml", self.agreement_text(a)
        yield from self.terms
        yield from self.invoices
        yield from self.bodies
        yield from self.protocols


def main(argv):
    if len(argv) != 3 or argv[1] not in SIZES:
        sys.stderr.write("usage: gen.py county|middle|country OUTDIR\n")
        return 2
    size, out = argv[1], argv[2]
    if os.path.exists(out) and os.listdir(out):
        sys.stderr.write(f"gen.py: {out} exists and is not empty\n")
        return 2
    w = World(size)
    w.build_parties()
    w.build_agreements()
    w.build_terms()
    w.build_bodies()
    nfiles = nbytes = 0
    made = set()
    for path, text in w.files():
        full = os.path.join(out, path)
        folder = os.path.dirname(full)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        data = text.encode("utf-8")
        with open(full, "wb") as f:
            f.write(data)
        nfiles += 1
        nbytes += len(data)
    planted = sum(w.planted.values())
    detail = ", ".join(f"{k} {v}" for k, v in sorted(w.planted.items()))
    print(f"size={size} files={nfiles} bytes={nbytes} placements={w.nplacements} "
          f"terms={len(w.terms)} invoices={len(w.invoices)} protocols={len(w.protocols)} "
          f"agreements={len(w.agreements)} parties={len(w.parties)} planted={planted} ({detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
