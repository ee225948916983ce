#!/usr/bin/env python3
"""Builds the benchmark corpus (glue): our own sample articles plus every news text under
../shared when present (dev set, seed, TempEval-3 AQUAINT, GeoVirus), repeated with varied ids
until the file reaches --mb megabytes. Also writes a fixed slice of --slice sentences-worth of
articles for callgrind. usage: make_corpus.py OUT.jsonl SLICE.jsonl [--mb 50] [--shared DIR]"""
import json, os, re, sys, glob, html

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def own():
    out = []
    for path in [os.path.join(ROOT, "samples", "articles.jsonl"), os.path.join(ROOT, "tests", "e2e", "sentences.jsonl")]:
        if os.path.exists(path):
            for l in open(path, encoding="utf-8"):
                if l.strip():
                    a = json.loads(l)
                    out.append({"id": a["id"], "date": a["date"], "text": a["text"]})
    return out


def shared(d):
    out = []
    for name in ("samples/dev-articles.jsonl", "samples/seed-article.jsonl"):
        p = os.path.join(d, name)
        if os.path.exists(p):
            for l in open(p, encoding="utf-8"):
                if l.strip():
                    a = json.loads(l)
                    out.append({"id": a["id"], "date": a["date"], "text": a["text"]})
    for p in sorted(glob.glob(os.path.join(d, "gold", "tempeval3_aquaint", "*.tml"))):
        s = open(p, encoding="utf-8").read()
        m = re.search(r'<TEXT>(.*)</TEXT>', s, re.S)
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', s, re.S)
        if m and dct:
            out.append({"id": os.path.basename(p), "date": dct.group(1), "text": html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()})
    p = os.path.join(d, "gold", "geovirus", "GeoVirus.xml")
    if os.path.exists(p):
        s = open(p, encoding="utf-8").read()
        for i, m in enumerate(re.finditer(r"<text>(.*?)</text>", s, re.S)):
            out.append({"id": "geovirus-%d" % i, "date": "2020-03-01", "text": html.unescape(m.group(1)).strip()})
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    mb = 50.0
    sh = os.path.join(ROOT, "..", "shared")
    for i, a in enumerate(sys.argv):
        if a == "--mb":
            mb = float(sys.argv[i + 1])
        if a == "--shared":
            sh = sys.argv[i + 1]
    base = own() + (shared(sh) if os.path.isdir(sh) else [])
    if not base:
        sys.exit("no articles found")
    target = int(mb * 1024 * 1024)
    size = 0
    rep = 0
    with open(args[0], "w", encoding="utf-8") as f:
        while size < target:
            for a in base:
                line = json.dumps({"id": "%s#%d" % (a["id"], rep), "date": a["date"], "text": a["text"]}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
                if size >= target:
                    break
            rep += 1
    # a fixed slice for instruction counts: the first articles adding up to ~1,000 sentences
    with open(args[1], "w", encoding="utf-8") as f:
        n = 0
        for a in base:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
            n += max(1, len(re.findall(r"[.!?](\s|$)", a["text"])))
            if n >= 1000:
                break
    print("corpus %.1f MB, %d base articles, slice ~%d sentences" % (size / 1048576, len(base), n))


if __name__ == "__main__":
    main()
