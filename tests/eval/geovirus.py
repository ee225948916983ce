#!/usr/bin/env python3
"""GeoVirus evaluation of `herodot geo` (toponym recognition and resolution).

Reads $HERODOT_SHARED/gold/geovirus/GeoVirus.xml (default /work/shared; 229 WikiNews
articles, 2,170 gold toponyms with character offsets and lat/lon), writes each article to a
temporary file, runs `herodot geo` once over all of them and reports:
  found: % of gold toponyms that some mention of ours overlaps;
  close: % of the found ones whose coordinates are within 161 km (100 miles) of the gold.
The gold offsets are one character off in this copy of the corpus (1-based); each gold span is
re-anchored on the nearest occurrence of its name (within 60 characters) before scoring.

usage: tests/eval/geovirus.py [--bin HERODOT] [--gazetteer FILE] [--min-found PCT]
                              [--min-close PCT] [-v] [--errors N]
Exit status 1 when a figure is below its threshold, 0 otherwise (77 with a note when the
corpus or the gazetteer is missing, so that a test runner can skip).
"""
import argparse
import collections
import math
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def dist_km(a, b, c, d):
    r = math.pi / 180
    x = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(x)))


def anchor(text, name, start):
    best = None
    for k in range(-60, 61):
        s = start + k
        if 0 <= s and text[s:s + len(name)] == name and (best is None or abs(k) < abs(best - start)):
            best = s
    return (best, best + len(name)) if best is not None else (start, start + len(name))


def main():
    ap = argparse.ArgumentParser(description='GeoVirus evaluation of herodot geo')
    ap.add_argument('--bin', default=os.environ.get('HERODOT_BIN', os.path.join(ROOT, 'herodot')))
    ap.add_argument('--gazetteer', default=None)
    ap.add_argument('--min-found', type=float, default=0.0)
    ap.add_argument('--min-close', type=float, default=0.0)
    ap.add_argument('-v', '--verbose', action='store_true', help='list misses and far picks')
    ap.add_argument('--errors', type=int, default=25, help='how many of each error kind to list')
    ap.add_argument('--context', action='store_true', help='print every error in its context')
    a = ap.parse_args()

    shared = os.environ.get('HERODOT_SHARED', '/work/shared')
    xml = os.path.join(shared, 'gold', 'geovirus', 'GeoVirus.xml')
    if not os.path.exists(xml):
        print('geovirus: skipped (no %s)' % xml)
        return 77
    gaz = a.gazetteer or os.environ.get('HERODOT_GAZETTEER') or os.path.join(ROOT, 'build', 'gazetteer.tsv')
    if not os.path.exists(gaz):
        print('geovirus: skipped (no gazetteer %s; run make gazetteer)' % gaz)
        return 77

    arts = []
    for art in ET.parse(xml).getroot().iter('article'):
        text = art.find('text').text or ''
        gold = []
        for loc in art.iter('location'):
            name = loc.find('name').text
            s, e = anchor(text, name, int(loc.find('start').text))
            gold.append((s, e, name, float(loc.find('lat').text), float(loc.find('lon').text)))
        arts.append((text, gold))

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, (text, _) in enumerate(arts):
            p = os.path.join(tmp, '%04d.txt' % i)
            with open(p, 'w', encoding='utf-8') as f:
                f.write(text)
            files.append(p)
        r = subprocess.run([a.bin, 'geo', '--gazetteer', gaz] + files, capture_output=True,
                           text=True)
        if r.returncode != 0:
            print('geovirus: herodot geo failed (exit %d): %s' % (r.returncode, r.stderr.strip()))
            return 1
        ours = collections.defaultdict(list)
        for line in r.stdout.splitlines():
            f = line.split('\t')
            idx = int(os.path.basename(f[0]).split('.')[0])
            ours[idx].append((int(f[1]), int(f[2]), f[3], f[4], float(f[5]), float(f[6])))

    n_gold = n_found = n_close = n_ours = n_spurious = 0
    misses = collections.Counter()
    far = collections.Counter()
    spurious = collections.Counter()
    for i, (text, gold) in enumerate(arts):
        mine = ours.get(i, [])
        n_ours += len(mine)
        used = set()
        for s, e, name, lat, lon in gold:
            n_gold += 1
            hit = [m for m in mine if m[0] < e and s < m[1]]
            if not hit:
                misses[name] += 1
                if a.context:
                    print('MISS %s | %s' % (name, text[max(0, s - 50):e + 30].replace('\n', ' ')))
                continue
            n_found += 1
            m = hit[0]
            used.add(m)
            d = dist_km(lat, lon, m[4], m[5])
            if d <= 161:
                n_close += 1
            else:
                far['%s -> %s (%s) %.0f km' % (name, m[2], m[3], d)] += 1
                if a.context:
                    print('FAR %s -> %s %s (%.0f km) | %s' % (name, m[2], m[3], d, text[max(0, s - 50):e + 30].replace('\n', ' ')))
        for m in mine:
            if m not in used and not any(m[0] < e and s < m[1] for s, e, *_ in gold):
                n_spurious += 1
                spurious['%s -> %s (%s)' % (text[m[0]:m[1]], m[2], m[3])] += 1
                if a.context:
                    print('SPURIOUS %s | %s' % (text[m[0]:m[1]], text[max(0, m[0] - 50):m[1] + 30].replace('\n', ' ')))

    found = 100.0 * n_found / max(n_gold, 1)
    close = 100.0 * n_close / max(n_found, 1)
    prec = 100.0 * (n_ours - n_spurious) / max(n_ours, 1)
    if a.verbose:
        for title, c in (('missed', misses), ('far', far), ('not in the gold', spurious)):
            print('%s (%d):' % (title, sum(c.values())))
            for k, v in c.most_common(a.errors):
                print('  %3d  %s' % (v, k))
    print('geovirus: %d articles, %d gold toponyms; found %d (%.1f%%), within 161 km %d (%.1f%% '
          'of found); %d mentions of ours, %d not in the gold (precision %.1f%%)' % (
              len(arts), n_gold, n_found, found, n_close, close, n_ours, n_spurious, prec))
    ok = found >= a.min_found and close >= a.min_close
    if not ok:
        print('geovirus: FAIL below thresholds (found >= %.1f%%, close >= %.1f%%)' % (a.min_found, a.min_close))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
