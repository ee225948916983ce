#!/usr/bin/env python3
"""End-to-end tests of the herodot binary (glue: runs the CLI, checks what comes out).
HERODOT_BIN names the binary; HERODOT_SHARED the ../shared folder (its tests skip when it is
absent). Prints one line per failure and ends with 'e2e: N passed, N failed, N skipped'."""
import json, os, subprocess, sys, tempfile, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("HERODOT_BIN", os.path.join(ROOT, "herodot"))
SHARED = os.environ.get("HERODOT_SHARED", os.path.join(ROOT, "..", "shared"))
QUICK = bool(os.environ.get("HERODOT_QUICK"))
E2E = os.path.join(ROOT, "tests", "e2e")
results = {"passed": 0, "failed": 0, "skipped": 0}

# accuracy gates: issue #2 (seed >= 0.70), issue #3 (seed >= 0.80, dev >= 0.65) when reached
SEED_MIN_F1 = float(os.environ.get("HERODOT_SEED_MIN", "0.80"))
DEV_MIN_F1 = float(os.environ.get("HERODOT_DEV_MIN", "0.65"))
OWN_MIN_F1 = 0.48
SENT_MIN_F1 = 0.70


def run(args, stdin=None, dict_dir=None):
    cmd = [BIN] + args
    env = dict(os.environ)
    env["HERODOT_DATA"] = dict_dir or os.path.join(ROOT, "data")
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=env, cwd=ROOT)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def test(name):
    def deco(fn):
        try:
            r = fn()
            if r == "skip":
                results["skipped"] += 1
                return fn
            results["passed"] += 1
        except AssertionError as e:
            results["failed"] += 1
            print("FAIL %s: %s" % (name, e))
        except Exception as e:  # a crash of the test itself is a failure too
            results["failed"] += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
        return fn
    return deco


def events_of(out):
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def score(articles, gold, events_text, extra=()):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(events_text)
        path = f.name
    p = subprocess.run([sys.executable, os.path.join(E2E, "score.py"), articles, gold, path] + list(extra),
                       capture_output=True, text=True)
    os.unlink(path)
    last = p.stdout.strip().splitlines()[-1]
    f1 = float(last.split()[1])
    return f1, last


def evscore(articles, gold, events_text):
    tool = os.path.join(SHARED, "tools", "evscore")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(events_text)
        path = f.name
    p = subprocess.run([sys.executable, tool, articles, gold, path], capture_output=True, text=True)
    os.unlink(path)
    last = p.stdout.strip().splitlines()[-1]
    return float(last.split()[1]), last


# ---- CLI behaviour --------------------------------------------------------------------

@test("help and version")
def _():
    rc, out, _ = run(["--help"])
    assert rc == 0 and "code" in out and "explain" in out, out
    rc, out, _ = run(["version"])
    assert rc == 0 and out.startswith("herodot "), out
    rc, _, err = run(["nosuchcommand"])
    assert rc == 2 and "not a command" in err


@test("bad records are reported with file:line and the rest is coded")
def _():
    d = tempfile.mkdtemp()
    p = os.path.join(d, "in.jsonl")
    with open(p, "wb") as f:
        f.write(b'{"id":"a","date":"2023-11-29","text":"Serbia condemned Kosovo."}\n')
        f.write(b'{broken json\n')
        f.write(b'{"id":"b","date":"2023-11-29","text":"bad \xff utf8"}\n')
        f.write(b'{"id":"c","text":"no date"}\n')
        f.write(b'{"id":"d","date":"2023-11-29","text":"Kosovo condemned Serbia."}\n')
    rc, out, err = run(["code", "--dict", "tests/dict", p])
    shutil.rmtree(d)
    ev = events_of(out)
    assert rc == 1, rc
    assert [e["article"] for e in ev] == ["a", "d"], out
    assert "in.jsonl:2:" in err and "in.jsonl:3:" in err and "in.jsonl:4:" in err, err
    assert "UTF-8" in err and "date" in err, err


@test("binary and huge inputs")
def _():
    d = tempfile.mkdtemp()
    b = os.path.join(d, "bin.txt")
    with open(b, "wb") as f:
        f.write(bytes(range(256)) * 10)
    rc, out, err = run(["code", "--dict", "tests/dict", "--date", "2023-11-29", b])
    assert rc == 1 and "bin.txt" in err and out == "", (rc, err)
    h = os.path.join(d, "huge.jsonl")
    sentence = "Serbia condemned Kosovo. " * (8000 if QUICK else 40000)
    with open(h, "w") as f:
        f.write(json.dumps({"id": "h", "date": "2023-11-29", "text": sentence}) + "\n")
        f.write(json.dumps({"id": "h2", "date": "2023-11-29", "text": "Kosovo condemned Serbia."}) + "\n")
    rc, out, err = run(["code", "--dict", "tests/dict", h])
    shutil.rmtree(d)
    ev = events_of(out)
    assert rc == 0, err
    assert sum(1 for e in ev if e["article"] == "h") == (8000 if QUICK else 40000), len(ev)
    assert ev[-1]["article"] == "h2"


@test("plain text input needs --date and uses the file name as id")
def _():
    d = tempfile.mkdtemp()
    p = os.path.join(d, "story.txt")
    with open(p, "w") as f:
        f.write("PRISTINA, Sept 25 (BWS) - Serbia condemned Kosovo.\n")
    rc, out, err = run(["code", "--dict", "tests/dict", p])
    assert rc == 1 and "--date" in err, err
    rc, out, err = run(["code", "--dict", "tests/dict", "--date", "2023-09-25", p])
    shutil.rmtree(d)
    ev = events_of(out)
    assert rc == 0 and len(ev) == 1 and ev[0]["article"] == "story.txt", out
    assert ev[0]["text"] == "Serbia condemned Kosovo.", ev[0]["text"]


@test("stdin in, TSV out")
def _():
    rc, out, err = run(["code", "--dict", "tests/dict", "--format", "tsv"],
                       stdin=b'{"id":"a","date":"2023-11-29","text":"Serbia condemned Kosovo."}\n')
    assert rc == 0 and out == "20231129\tSRB\tKSV\t111\ta\t0\tcondemned\n", repr(out)


@test("a dictionary syntax error names file:line and coding goes on")
def _():
    d = tempfile.mkdtemp()
    shutil.copytree(os.path.join(ROOT, "tests", "dict"), os.path.join(d, "dict"))
    with open(os.path.join(d, "dict", "verbs", "test.txt"), "a") as f:
        f.write("\n--- BROKEN [111] ---\nDENOUNCE\n- * + WITH &NOSUCH [111]\n- * +\n")
    with open(os.path.join(d, "dict", "actors", "test.txt"), "a") as f:
        f.write("BADDATES [SRB 2020-]\n")
    rc, out, err = run(["code", "--dict", os.path.join(d, "dict")],
                       stdin=b'{"id":"a","date":"2023-11-29","text":"Serbia denounced Kosovo."}\n')
    rc2, out2, _ = run(["dict", "check", os.path.join(d, "dict")])
    shutil.rmtree(d)
    assert "test.txt:" in err and "bad pattern" in err and "pattern needs a [code]" in err, err
    assert "malformed actor code" in err, err
    assert len(events_of(out)) == 1 and rc == 0, (rc, out)
    assert rc2 == 1 and "3 problems" in out2, out2


@test("a run that finds no events says so on stderr (not with -q), exit status 0")
def _():
    art = b'{"id":"w","date":"2024-01-01","text":"The weather was fine and the harvest was good."}\n'
    rc, out, err = run(["code", "--dict", os.path.join(ROOT, "tests", "dict")], stdin=art)
    assert rc == 0 and out == "" and "1 article (1 sentence) coded, no events" in err, (rc, out, err)
    rc, out, err = run(["code", "-q", "--dict", os.path.join(ROOT, "tests", "dict")], stdin=art)
    assert rc == 0 and out == "" and err == "", (rc, err)
    rc, out, err = run(["code", "--dict", os.path.join(ROOT, "tests", "dict")],
                       stdin=art + b'{"id":"s","date":"2024-01-01","text":"Serbia condemned Kosovo."}\n')
    assert rc == 0 and len(events_of(out)) == 1 and "no events" not in err, (rc, err)


@test("an article plainly not in English is rejected with its language, not coded into silence")
def _():
    fr = ('{"id":"fr1","date":"2024-01-01","text":"Le ministre serbe des Affaires etrangeres a condamne '
          'hier a Belgrade les violences au Kosovo et a demande a la communaute internationale '
          'd\'intervenir rapidement pour proteger la population civile."}\n')
    en = '{"id":"en1","date":"2024-01-01","text":"Serbia condemned Kosovo."}\n'
    rc, out, err = run(["code", "--dict", os.path.join(ROOT, "tests", "dict")], stdin=(fr + en).encode())
    assert rc == 1 and "-:1:" in err and "not in English (fr" in err, (rc, err)
    assert [e["article"] for e in events_of(out)] == ["en1"], out
    rc, out, err = run(["code", "--any-language", "--dict", os.path.join(ROOT, "tests", "dict")], stdin=fr.encode())
    assert rc == 0 and "not in English" not in err, (rc, err)


@test("the compiled dictionary cache: same events, rebuilt on a change, warnings replayed")
def _():
    d = tempfile.mkdtemp()
    dd = os.path.join(d, "dict")
    shutil.copytree(os.path.join(ROOT, "tests", "dict"), dd)
    with open(os.path.join(dd, "actors", "test.txt"), "a") as f:
        f.write("BADDATES [SRB 2020-]\n")
    cache = os.path.join(d, "cache")
    text = b'{"id":"a","date":"2023-11-29","text":"Serbia condemned Kosovo. Kosovo condemned Serbia."}\n'
    def code(*extra):
        env = dict(os.environ, HERODOT_CACHE=cache)
        p = subprocess.run([BIN, "code", "--dict", dd, "--no-places"] + list(extra), input=text,
                           capture_output=True, env=env, cwd=ROOT)
        return p.stdout.decode(), p.stderr.decode()
    try:
        cold, cold_err = code()
        imgs = os.listdir(cache)
        assert len(imgs) == 1 and imgs[0].endswith(".img"), imgs
        warm, warm_err = code()
        plain, _ = code("--no-cache")
        assert cold == warm == plain and len(events_of(cold)) == 2, (cold, warm, plain)
        assert "malformed actor code" in cold_err and warm_err == cold_err, (cold_err, warm_err)
        # an edit to a dictionary file is seen at once: the image is rebuilt
        with open(os.path.join(dd, "actors", "test.txt"), "a") as f:
            f.write("KOSOVO_PEACE_MISSION [IGOKSVPKO]\n")
        src = os.path.join(dd, "verbs", "test.txt")
        with open(src) as f:
            verbs = f.read()
        with open(src, "w") as f:
            f.write(verbs.replace("\nCONDEMN\n", "\nCONDEMNX\n"))
        edited, _ = code()
        assert len(events_of(edited)) == 0, edited
        # and so is a file added to a folder
        with open(os.path.join(dd, "verbs", "zz-more.txt"), "w") as f:
            f.write("--- REBUKE [111] ---\nCONDEMN\n")
        added, _ = code()
        assert len(events_of(added)) == 2, added
        # a damaged image is not used
        for n in os.listdir(cache):
            with open(os.path.join(cache, n), "r+b") as f:
                f.write(b"garbage!")
        again, _ = code()
        assert again == added, again
    finally:
        shutil.rmtree(d)


@test("explain shows tokens, actors with dictionary lines, patterns and events")
def _():
    rc, out, _ = run(["explain", "--dict", "tests/dict", "--date", "2023-11-29",
                      "Serbian troops attacked Kosovo police. Serbian troops attacked Kosovo with rifles."])
    assert rc == 0, out
    for want in ("tokens:", "attacked/attack", "actors:", "-> SRBMIL", "test.txt:", "verbs:",
                 "MATCH", "no ", "events: 2", '"code":"190"', '"code":"193"'):
        assert want in out, "missing %r in\n%s" % (want, out)


@test("every event carries spans, pattern and dictionary hash")
def _():
    arts = os.path.join(ROOT, "samples", "articles.jsonl")
    if not os.path.exists(arts):
        return "skip"
    rc, out, err = run(["code", arts])
    ev = events_of(out)
    assert rc == 0 and ev, err
    texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(arts) if l.strip()}
    for e in ev:
        t = texts[e["article"]]
        s, en = e["span"]
        assert t[s:en] == e["text"], (e["text"], t[s:en])
        a, b = e["source"]["span"]
        assert t[a:b] == e["source"]["text"], e
        if e["target"]:
            a, b = e["target"]["span"]
            assert t[a:b] == e["target"]["text"], e
        assert ":" in e["pattern"] and len(e["dict"]) == 16, e
        assert e["root"] == e["code"][:2] and 1 <= e["quad"] <= 4, e


@test("output is deterministic")
def _():
    arts = os.path.join(ROOT, "samples", "articles.jsonl")
    if not os.path.exists(arts):
        return "skip"
    a = run(["code", arts])[1]
    b = run(["code", arts])[1]
    assert a == b


@test("output is identical at 1 and 2 threads")
def _():
    src = [os.path.join(ROOT, "samples", "articles.jsonl"), os.path.join(E2E, "sentences.jsonl")]
    d = tempfile.mkdtemp()
    big = os.path.join(d, "many.jsonl")
    with open(big, "w") as f:
        for rep in range(3 if QUICK else 12):       # several chunks of 512 articles
            for p in src:
                for l in open(p):
                    if l.strip():
                        a = json.loads(l)
                        a["id"] = "%s#%d" % (a["id"], rep)
                        f.write(json.dumps(a) + "\n")
    one = run(["code", "--threads", "1", big])
    two = run(["code", "--threads", "2", big])
    shutil.rmtree(d)
    assert one[0] == 0 and two[0] == 0, (one[2], two[2])
    assert one[1] and one[1] == two[1], "outputs differ"


# ---- dictionaries -----------------------------------------------------------------------

@test("our dictionaries load without problems")
def _():
    rc, out, err = run(["dict", "check", os.path.join(ROOT, "data")])
    assert rc == 0 and out.startswith("0 problems"), out + err


@test("dictionary sizes (issue 3: >= 2,500 patterns over >= 200 codes, >= 10,000 actor phrases)")
def _():
    rc, out, _ = run(["dict", "stats", os.path.join(ROOT, "data")])
    st = {}
    for line in out.splitlines():
        k, _, v = line.rpartition(" ")
        st[k.strip()] = v
    floor = json.load(open(os.path.join(E2E, "dict-floor.json")))
    for k, v in floor.items():
        assert int(st.get(k, 0)) >= v, "%s: %s < %s" % (k, st.get(k), v)


# ---- accuracy ---------------------------------------------------------------------------

@test("own sample articles")
def _():
    arts, gold = os.path.join(ROOT, "samples", "articles.jsonl"), os.path.join(E2E, "gold-articles.jsonl")
    if not os.path.exists(gold):
        return "skip"
    rc, out, err = run(["code", arts])
    f1, line = score(arts, gold, out)
    assert f1 >= OWN_MIN_F1, line


@test("own test sentences, every root")
def _():
    arts, gold = os.path.join(E2E, "sentences.jsonl"), os.path.join(E2E, "gold-sentences.jsonl")
    if not os.path.exists(gold):
        return "skip"
    rc, out, err = run(["code", arts])
    f1, line = score(arts, gold, out)
    assert f1 >= SENT_MIN_F1, line


@test("seed article (../shared, evscore)")
def _():
    arts = os.path.join(SHARED, "samples", "seed-article.jsonl")
    if not os.path.exists(arts):
        return "skip"
    rc, out, err = run(["code", arts])
    f1, line = evscore(arts, os.path.join(SHARED, "samples", "seed-gold.jsonl"), out)
    assert f1 >= SEED_MIN_F1, line


@test("development set (../shared, evscore)")
def _():
    arts = os.path.join(SHARED, "samples", "dev-articles.jsonl")
    if not os.path.exists(arts) or QUICK:
        return "skip"
    rc, out, err = run(["code", arts])
    f1, line = evscore(arts, os.path.join(SHARED, "samples", "dev-gold.jsonl"), out)
    assert f1 >= DEV_MIN_F1, line


@test("TempEval-3 AQUAINT dates (../shared): >= 85% of DATE expressions right")
def _():
    if not os.path.isdir(os.path.join(SHARED, "gold", "tempeval3_aquaint")):
        return "skip"
    p = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "eval", "tempeval.py"), "--quiet",
                        "--min-right", "85"], capture_output=True, text=True,
                       env=dict(os.environ, HERODOT_BIN=BIN, HERODOT_SHARED=SHARED))
    assert p.returncode == 0, p.stdout[-500:] + p.stderr[-500:]


@test("GeoVirus places (../shared): >= 85% of toponyms found, >= 80% of those within 161 km")
def _():
    gz = os.path.join(ROOT, "build", "gazetteer.tsv")
    if not os.path.exists(os.path.join(SHARED, "gold", "geovirus", "GeoVirus.xml")) or not os.path.exists(gz):
        return "skip"
    p = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "eval", "geovirus.py"),
                        "--min-found", "85", "--min-close", "80"], capture_output=True, text=True,
                       env=dict(os.environ, HERODOT_BIN=BIN, HERODOT_SHARED=SHARED))
    assert p.returncode == 0, p.stdout[-500:] + p.stderr[-500:]


@test("dev set dates and places (../shared): >= 90% of gold dates and >= 85% of gold places right")
def _():
    arts = os.path.join(SHARED, "samples", "dev-articles.jsonl")
    if not os.path.exists(arts) or QUICK or not os.path.exists(os.path.join(ROOT, "build", "gazetteer.tsv")):
        return "skip"
    rc, out, err = run(["code", arts])
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(out)
        path = f.name
    p = subprocess.run([sys.executable, os.path.join(SHARED, "tools", "evscore"), arts,
                        os.path.join(SHARED, "samples", "dev-gold.jsonl"), path, "--json"],
                       capture_output=True, text=True)
    os.unlink(path)
    r = json.loads([l for l in p.stdout.splitlines() if l.startswith("{")][0])
    d = r["dates_right"] / max(1, r["dates_checked"])
    pl = r["places_right"] / max(1, r["places_checked"])
    assert d >= 0.90 and pl >= 0.85, "dates %.3f places %.3f" % (d, pl)


# ---- the peers' formats and validation suites (issue 4) ------------------------------------
# Pass-rate floors: the targets, 95% (TABARI: 426 of 448 pass) and 85% (PETRARCH: 238
# of 279). Raise them as the engine improves, never lower them.
TABARI_VALIDATE_FLOOR = 95.0
PETRARCH_VALIDATE_FLOOR = 85.0


def validate_rate(path):
    rc, out, err = run(["validate", path])
    last = [l for l in out.splitlines() if l.startswith("validation:")]
    assert last, (rc, err[-2000:])
    return float(last[-1].split("(")[1].rstrip("%)")), last[-1]


@test("TABARI validation suite (../shared): pass rate at or above the floor")
def _():
    proj = os.path.join(SHARED, "peers", "TABARI-Code", "Validate.project")
    if not os.path.exists(proj):
        return "skip"
    rate, line = validate_rate(proj)
    assert rate >= TABARI_VALIDATE_FLOOR, line


@test("PETRARCH unit-test records (../shared): pass rate at or above the floor")
def _():
    xml = os.path.join(SHARED, "peers", "petrarch2", "petrarch2", "data", "text", "PETR.UnitTest.records.xml")
    if not os.path.exists(xml):
        return "skip"
    rate, line = validate_rate(xml)
    assert rate >= PETRARCH_VALIDATE_FLOOR, line


@test("TABARI records and PETRARCH XML in, TABARI and PETRARCH-2 lines out; broken XML by file:line")
def _():
    d = tempfile.mkdtemp()
    x = os.path.join(d, "in.xml")
    with open(x, "w") as f:
        f.write('<Sentences>\n<Sentence date="20231129" id="S_1" source="BWS" sentence="True">\n'
                '<Text>Serbia condemned Kosovo.</Text>\n<Parse>(ROOT)</Parse>\n</Sentence>\n'
                '<Sentence date="20231129" id="S_2" sentence="True">\n<Text>a <b>broken</Text>\n</Sentence>\n'
                '<Sentence date="20231129" id="S_3" sentence="True">\n<Text>Kosovo condemned Serbia.</Text>\n</Sentence>\n'
                '</Sentences>\n')
    rc, out, err = run(["code", "--dict", "tests/dict", "--format", "petrarch", x])
    lines = [l.split("\t") for l in out.splitlines()]
    assert rc == 1 and "in.xml:7:" in err and "malformed XML" in err, (rc, err)
    assert [l[5] for l in lines] == ["S_1", "S_3"], out
    assert lines[0][:4] == ["20231129", "SRB", "KSV", lines[0][3]] and lines[0][3].startswith("1"), out
    t = os.path.join(d, "in.text")
    with open(t, "w") as f:
        f.write("231129 REC-1\nSerbia condemned\nKosovo. /* { SRB / KSV / 122 } */\n\n231130 REC-2\nKosovo condemned Serbia.\n")
    rc, out, err = run(["code", "--dict", "tests/dict", "--format", "tabari", t])
    shutil.rmtree(d)
    lines = [l.split("\t") for l in out.splitlines()]
    assert rc == 0 and len(lines) == 2, (out, err)
    assert lines[0][0] == "231129" and lines[0][1:3] == ["SRB", "KSV"], out
    assert lines[1][0] == "231130" and lines[1][1:3] == ["KSV", "SRB"], out


@test("unknown --format is refused; every peer format is accepted")
def _():
    for fmt in ["tabari", "petrarch", "gdelt2", "icews", "phoenix", "tsv", "json"]:
        rc, out, err = run(["code", "--dict", "tests/dict", "--format", fmt, "--date", "2023-11-29", "-"],
                           stdin=b"Serbia condemned Kosovo.\n")
        assert rc == 0 and out.strip(), (fmt, rc, err)
    rc, _, err = run(["code", "--format", "nope", "-"], stdin=b"")
    assert rc == 2 and "unknown format" in err, err


print("e2e: %d passed, %d failed, %d skipped" % (results["passed"], results["failed"], results["skipped"]))
sys.exit(1 if results["failed"] else 0)
