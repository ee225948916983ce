#!/usr/bin/env python3
"""Score herodot events against a gold file (our own scorer, same matching rules as the
field's: an event matches a gold item when it comes from the gold sentence, its root is the
gold root or an alternative, and its actors agree at country level (first three letters;
IGO/NGO codes as prefixes); an empty gold target accepts any target).

usage: score.py ARTICLES GOLD EVENTS [--min-f1 X] [--min-p X] [--min-r X] [--misses]
Prints 'F1 f P p R r' and exits 1 when below a given minimum."""
import json, sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def norm(code):
    code = (code or "").upper().strip()
    if code in ("", "---"):
        return ""
    if code[:3] in ("IGO", "NGO", "MNC"):
        return code
    return {"XKX": "KSV"}.get(code[:3], code[:3])


def agree(gold, got):
    g, s = norm(gold), norm(got)
    if not g:
        return True
    if not s:
        return False
    if g[:3] in ("IGO", "NGO", "MNC"):
        return g.startswith(s) or s.startswith(g)
    return g == s


def code_of(actor):
    if actor is None:
        return ""
    return actor if isinstance(actor, str) else actor.get("code") or ""


def main(argv):
    opts = {}
    args = []
    i = 0
    while i < len(argv):
        if argv[i] in ("--min-f1", "--min-p", "--min-r"):
            opts[argv[i]] = float(argv[i + 1]); i += 2; continue
        args.append(argv[i]); i += 1
    articles = {a["id"]: a for a in load(args[0])}
    gold = load(args[1])
    events = load(args[2])
    for g in gold:
        text = articles[g["article"]]["text"]
        g["_at"] = text.find(g["sentence"])
        if g["_at"] < 0:
            sys.exit("gold sentence not found in %s: %r" % (g["article"], g["sentence"]))
    taken = set()
    hits = {}
    for gi in sorted(range(len(gold)), key=lambda k: not gold[k].get("required", True)):
        g = gold[gi]
        roots = set([g["root"]] + list(g.get("alt_roots") or []))
        for ei, e in enumerate(events):
            if ei in taken or e.get("article") != g["article"]:
                continue
            sp = e.get("span") or [0, 0]
            if not (sp[0] <= g["_at"] and g["_at"] + len(g["sentence"]) <= sp[1]):
                continue
            if (e.get("code") or "")[:2] not in roots:
                continue
            if not any(agree(c, code_of(e.get("source"))) for c in [g["source"]] + list(g.get("alt_source") or [])):
                continue
            if not any(agree(c, code_of(e.get("target"))) for c in [g["target"]] + list(g.get("alt_target") or [])):
                continue
            taken.add(ei); hits[gi] = ei
            break
    req = [k for k, g in enumerate(gold) if g.get("required", True)]
    p = len(taken) / len(events) if events else (1.0 if not req else 0.0)
    r = sum(1 for k in req if k in hits) / len(req) if req else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if "--misses" in argv:
        for k in req:
            if k not in hits:
                g = gold[k]
                print("MISS  %s %s>%s %s | %s" % (g["article"], g["source"], g["target"] or "-", g["code"], g["sentence"]))
        for ei, e in enumerate(events):
            if ei not in taken:
                print("EXTRA %s %s>%s %s | %s" % (e.get("article"), code_of(e.get("source")),
                      code_of(e.get("target")) or "-", e.get("code"), (e.get("text") or "")[:80]))
    print("events %d gold %d required %d matched %d" % (len(events), len(gold), len(req), len(taken)))
    print("F1 %.3f P %.3f R %.3f" % (f, p, r))
    ok = f >= opts.get("--min-f1", 0) and p >= opts.get("--min-p", 0) and r >= opts.get("--min-r", 0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
