#!/usr/bin/env python3
"""tempeval.py - scores `herodot timex` on the TempEval-3 AQUAINT gold (TIMEX3 of type DATE).

For each $HERODOT_SHARED/gold/tempeval3_aquaint/*.tml (default /work/shared) runs
`herodot timex FILE` and compares its expressions with the gold DATE expressions of the
<TEXT> part: a gold expression is *found* when one of ours overlaps its span (character
offsets in the tag-stripped text), and *right* when that one also has the gold value (first
10 characters compared, "2000-W07" = "2000-W7"). Prints per-file and total lines 'found X/Y (p%), right Z/Y (q%)'.

  tempeval.py [--min-right PCT] [--errors] [--quiet]
    --min-right PCT   exit 1 when the total 'right' percentage is below PCT
    --errors          list every gold expression we missed or valued wrongly, with context
    --quiet           total line only

The tag stripper here must agree with the one in src/cli/cmd_timex.c (same entities).
Exit status: 0 ok, 1 below --min-right, 2 usage, 77 when the gold folder is absent (skip).
"""
import argparse, glob, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("HERODOT_BIN", os.path.join(ROOT, "herodot"))
SHARED = os.environ.get("HERODOT_SHARED", "/work/shared")
GOLD = os.path.join(SHARED, "gold", "tempeval3_aquaint")

ENT = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def decode_entity(name):
    if name in ENT:
        return ENT[name]
    try:
        if name.startswith("#x") or name.startswith("#X"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
    except ValueError:
        pass
    return None


def strip(xml):
    """-> (plain text of <TEXT>, DCT value, [(start, end, type, value)])"""
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]*)\"", xml)
    if m:
        dct = m.group(1)
    m = re.search(r"<TEXT>(.*?)</TEXT>", xml, re.S)
    body = m.group(1) if m else ""
    out, gold, open_tx = [], [], None
    pos = 0
    for m in re.finditer(r"<[^>]*>|&[#A-Za-z0-9]+;|[^<&]+|[<&]", body):
        s = m.group(0)
        if s.startswith("<") and len(s) > 1:
            if s.startswith("<TIMEX3") and not s.endswith("/>"):
                attrs = dict(re.findall(r'(\w+)="([^"]*)"', s))
                open_tx = (pos, attrs.get("type", ""), attrs.get("value", ""))
            elif s.startswith("</TIMEX3") and open_tx:
                gold.append((open_tx[0], pos, open_tx[1], open_tx[2]))
                open_tx = None
            continue
        if s.startswith("&") and s.endswith(";"):
            d = decode_entity(s[1:-1])
            s = d if d is not None else s
        out.append(s)
        pos += len(s)
    return "".join(out), dct, gold


def norm(v):
    """first 10 characters; ISO weeks compared without the leading zero ("2000-W07" = "2000-W7")"""
    return re.sub(r"-W0(\d)", r"-W\1", v)[:10]


def run_timex(path):
    p = subprocess.run([BIN, "timex", path], capture_output=True)
    if p.returncode != 0:
        sys.stderr.write("tempeval: %s: herodot timex exit %d: %s\n"
                         % (path, p.returncode, p.stderr.decode("utf-8", "replace")))
    ours = []
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        f = line.split("\t")
        if len(f) >= 4:
            ours.append((int(f[0]), int(f[1]), f[2], f[3], f[4] if len(f) > 4 else ""))
    return ours


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-right", type=float, default=None)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(GOLD, "*.tml")))
    if not files:
        print("tempeval: no gold under %s, skipped" % GOLD)
        return 77
    tf = tr = tn = 0
    errs = {}
    for path in files:
        with open(path, encoding="utf-8") as fh:
            text, dct, gold = strip(fh.read())
        ours = run_timex(path)
        n = found = right = 0
        for (g0, g1, gtype, gval) in gold:
            if gtype != "DATE":
                continue
            n += 1
            hits = [o for o in ours if o[0] < g1 and g0 < o[1]]
            ok = [o for o in hits if norm(o[3]) == norm(gval)]
            if hits:
                found += 1
            if ok:
                right += 1
            elif a.errors:
                ctx = text[max(0, g0 - 70):g1 + 40].replace("\n", " ")
                got = "; ".join("%s %s '%s'" % (o[2], o[3], o[4]) for o in hits) or "MISSED"
                print("%s dct=%s gold=%s '%s' got: %s\n    ...%s..."
                      % (os.path.basename(path), dct, gval, text[g0:g1], got, ctx))
                kind = "missed" if not hits else "wrong"
                errs[kind] = errs.get(kind, 0) + 1
        tf += found; tr += right; tn += n
        if not a.quiet and n:
            print("%-24s found %d/%d (%.0f%%), right %d/%d (%.0f%%)"
                  % (os.path.basename(path), found, n, 100.0 * found / n, right, n, 100.0 * right / n))
    pf = 100.0 * tf / tn if tn else 0.0
    pr = 100.0 * tr / tn if tn else 0.0
    print("total: found %d/%d (%.1f%%), right %d/%d (%.1f%%)" % (tf, tn, pf, tr, tn, pr))
    if errs:
        print("errors: " + ", ".join("%s %d" % kv for kv in sorted(errs.items())))
    if a.min_right is not None and pr < a.min_right:
        print("tempeval: right %.1f%% is below --min-right %.1f%%" % (pr, a.min_right))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
