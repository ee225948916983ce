#!/usr/bin/env python3
"""End-to-end tests of the event store (issue 5): ingest, re-ingest, replacement, crash safety
under SIGKILL, cross-article deduplication, every query filter, stats, export formats and
recode, against SQLite and, when HERODOT_PG_URL is set, PostgreSQL (each test run in a schema
of its own). Glue only: runs the CLI and checks what comes out.

HERODOT_BIN names the binary (default ./herodot). HERODOT_QUICK=1 makes the crash test
shorter (still 20 kills). Ends with 'store: N passed, N failed, N skipped'."""
import csv, io, json, math, os, random, re, shutil, signal, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("HERODOT_BIN", os.path.join(ROOT, "herodot"))
DICT = os.path.join(ROOT, "tests", "dict")
PG_URL = os.environ.get("HERODOT_PG_URL", "")
QUICK = bool(os.environ.get("HERODOT_QUICK"))
KILLS = int(os.environ.get("HERODOT_STORE_KILLS", "20"))
ONLY = os.environ.get("HERODOT_STORE_ONLY", "")      # only the tests whose names contain one of a,b,...
results = {"passed": 0, "failed": 0, "skipped": 0}
TMP = tempfile.mkdtemp(prefix="herodot-store-")
PG_SCHEMAS = []


# the crash test's coders need no places: without the gazetteer they start 4x faster
FAST = dict(os.environ, HERODOT_GAZETTEER=os.path.join(TMP, "no-gazetteer"))


def run(args, dict_dir=DICT, timeout=300, env=None):
    p = subprocess.run([BIN] + args + (["--dict", dict_dir] if dict_dir and args[0] in ("ingest", "recode") else []),
                       capture_output=True, timeout=timeout, cwd=TMP, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


LOCK = threading.Lock()
LATER = []      # tests that run at the end, side by side (the crash tests: mostly waiting)


def count(kind, line):
    with LOCK:
        results[kind] += 1
        print(line)
        sys.stdout.flush()


def test(name, later=False):
    def deco(fn):
        if ONLY and not any(o in name for o in ONLY.split(",")):
            return fn
        if later:
            LATER.append((name, fn))
            return fn
        t0 = time.time()
        try:
            r = fn()
            if r == "skip":
                count("skipped", "skip %s" % name)
            else:
                count("passed", "ok   %s (%.1f s)" % (name, time.time() - t0))
        except AssertionError as e:
            count("failed", "FAIL %s: %s" % (name, e))
        except Exception as e:  # a crash of the test itself is a failure too
            count("failed", "FAIL %s: %s: %s" % (name, type(e).__name__, e))
        return fn
    return deco


def count_note(line):
    with LOCK:
        print(line)


def run_later():
    threads = [threading.Thread(target=test(name), args=(fn,)) for name, fn in LATER]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# ---- a corpus the test dictionaries code: shared events across articles, so dedup bites ----

EVENT_SENTENCES = [
    "Serbia condemned Kosovo.", "NATO attacked Serbia.", "The European Union called on Serbia to return.",
    "Serbian police freed Kosovar protesters.", "Kosovo blamed Serbia for the violence.",
    "The United States condemned Serbia.", "Vucic blamed Kosovo.",
    "Serbia requested help from the European Union.",
]
FILLER = [
    "The weather was mild on the day.", "Markets were calm in the morning.", "Officials gave no further details.",
    "The talks are expected to continue next week.", "Several people gathered in the square.",
    "Police said the situation was under control.", "Witnesses described loud explosions near the border.",
]
PUBLISHERS = ["Balkan Wire", "Danube Post", "Adriatic Daily", None]
DATELINES = ["PRISTINA, May 3 (BW) - ", "BELGRADE, May 3 (BW) - ", "MITROVICA, May 3 (DP) - ",
             "BRUSSELS, May 3 (AD) - ", "SKOPJE, May 3 (DP) - "]


def corpus(n, seed, dates=6):
    r = random.Random(seed)
    arts = []
    for i in range(n):
        s = r.sample(EVENT_SENTENCES, r.randint(0, 3)) + r.sample(FILLER, r.randint(1, 4))
        r.shuffle(s)
        a = {"id": "s%05d" % i, "date": "2023-05-%02d" % r.randint(1, dates), "text": " ".join(s)}
        if r.random() < 0.6:
            a["text"] = r.choice(DATELINES) + a["text"]
        pub = r.choice(PUBLISHERS)
        if pub:
            a["source"] = pub
        if r.random() < 0.5:
            a["url"] = "https://example.org/%d" % i
        arts.append(a)
    return arts


def write_jsonl(path, arts):
    with open(path, "w") as f:
        for a in arts:
            f.write(json.dumps(a) + "\n")
    return path


# ---- stores ------------------------------------------------------------------------------

def psql(sql):
    p = subprocess.run(["psql", PG_URL, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


def fresh(backend, name):
    """an empty store: a new SQLite file or a new PostgreSQL schema"""
    if backend == "sqlite":
        path = os.path.join(TMP, name + ".db")
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(path + ext):
                os.unlink(path + ext)
        return path
    schema = "hd_" + re.sub(r"[^a-z0-9_]", "_", name.lower())
    psql("DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s" % (schema, schema))
    PG_SCHEMAS.append(schema)
    return PG_URL + ("&" if "?" in PG_URL else "?") + "options=-csearch_path%3D" + schema


def backends():
    out = ["sqlite"]
    if PG_URL and shutil.which("psql"):
        out.append("pg")
    return out


def dump(db, *args, mentions=True):
    rc, out, err = run(["query", "--db", db, "--format", "jsonl"] + (["--mentions"] if mentions else []) + list(args))
    assert rc == 0, "query %s: %s" % (" ".join(args), err)
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def day(e):
    """the store's day of an event: a month or year stands for its first day"""
    d = e["date"]
    return d + "-01-01"[len(d) - 4:] if len(d) < 10 else d


def tcode(e):
    return e["target"]["code"] if e.get("target") else None


def mkey(e):
    return (e["article"], e["sentence"], e["source"]["code"], tcode(e), e["code"], e["date"], e["verb"]["text"])


def gkey(e):
    p = e.get("place") or {}
    return (e["date"], e["source"]["code"], tcode(e), e["code"], p.get("geonames_id"), p.get("country"), p.get("name"))


def check_ok(db):
    rc, out, err = run(["stats", "--db", db, "--check"])
    assert rc == 0 and "0 problems" in out, "store check failed: %s %s" % (out.strip(), err.strip())


def totals(db):
    rc, out, err = run(["stats", "--db", db, "--format", "tsv", "--by", "root"])
    assert rc == 0, err
    t = {}
    for line in out.splitlines():
        f = line.split("\t")
        if f[0] == "total":
            t[f[1]] = int(f[2])
    return t


def ingest(db, path, *extra, dict_dir=DICT, env=None):
    rc, out, err = run(["ingest", "--db", db, "--no-progress"] + list(extra) + [path], dict_dir=dict_dir, env=env)
    assert rc == 0, "ingest exit %d: %s" % (rc, err)
    m = re.search(r"ingest: (\d+) articles stored \((\d+) new, (\d+) replaced\), (\d+) unchanged, (\d+) events", out)
    assert m, out
    return dict(zip(("stored", "new", "replaced", "unchanged", "events"), map(int, m.groups())))


def reference(path, dict_dir=DICT, env=None):
    """what `herodot code` says the articles hold: article -> sorted mention keys"""
    p = subprocess.run([BIN, "code", "--dict", dict_dir, path], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    ref = {}
    for l in p.stdout.splitlines():
        e = json.loads(l)
        ref.setdefault(e["article"], []).append(mkey(e))
    return {k: sorted(v) for k, v in ref.items()}


def dict_condemn_112(name):
    """a copy of the test dictionaries where CONDEMN codes 112 instead of 111"""
    d2 = os.path.join(TMP, name)
    shutil.rmtree(d2, ignore_errors=True)
    shutil.copytree(DICT, d2)
    vp = os.path.join(d2, "verbs", "test.txt")
    with open(vp) as f:
        v = f.read()
    assert "--- CONDEMN [111] ---" in v
    with open(vp, "w") as f:
        f.write(v.replace("--- CONDEMN [111] ---", "--- CONDEMN [112] ---"))
    return d2


def by_article(mentions):
    got = {}
    for e in mentions:
        got.setdefault(e["article"], []).append(mkey(e))
    return {k: sorted(v) for k, v in got.items()}


ARTS = corpus(300, 7)
CORPUS = write_jsonl(os.path.join(TMP, "corpus.jsonl"), ARTS)
REF = reference(CORPUS)
PUB = {a["id"]: a.get("source") for a in ARTS}


def suite(backend):
    B = backend
    db = fresh(B, "main")

    @test("%s: ingest stores every article, sentence and event" % B)
    def _():
        r = ingest(db, CORPUS)
        assert r["new"] == len(ARTS) and r["unchanged"] == 0, r
        assert sum(len(v) for v in REF.values()) == r["events"] > 0, r
        assert by_article(dump(db)) == REF, "stored events differ from `herodot code`"
        t = totals(db)
        assert t["articles"] == len(ARTS) and t["mentions"] == r["events"], t
        assert t["sentences"] >= len(ARTS), t
        check_ok(db)

    @test("%s: ingest on several threads stores the same" % B)
    def _():
        db2 = fresh(B, "threads")
        r = ingest(db2, CORPUS, "--threads", "3", "--batch", "7")
        assert r["new"] == len(ARTS), r
        assert by_article(dump(db2)) == REF
        check_ok(db2)

    if B == "sqlite":
        @test("sqlite: ingest stores each article's language as found")
        def _():
            import sqlite3
            db4 = fresh(B, "lang")
            fr = os.path.join(TMP, "fr.jsonl")
            write_jsonl(fr, [{"id": "fr1", "date": "2024-01-01", "text": "Le ministre serbe des Affaires etrangeres "
                              "a condamne hier a Belgrade les violences au Kosovo et a demande a la communaute "
                              "internationale d'intervenir rapidement pour proteger la population civile."},
                             {"id": "en1", "date": "2024-01-01", "text": "Serbia condemned Kosovo on Monday, and the "
                              "government said that the talks with the mission would go on."}])
            r = ingest(db4, fr, "--any-language")
            assert r["new"] == 2, r
            c = sqlite3.connect(db4)
            got = dict(c.execute("SELECT id, language FROM articles"))
            c.close()
            assert got == {"fr1": "fr", "en1": "en"}, got

    @test("%s: --batch N commits every N articles, across reading chunks" % B)
    def _():
        db3 = fresh(B, "batch")
        rc, out, err = run(["ingest", "--db", db3, "--no-progress", "-v", "--batch", "200", CORPUS], dict_dir=DICT)
        assert rc == 0, err
        commits = re.findall(r"ingest: committed (\d+) articles", err)
        assert commits == ["200", str(len(ARTS) - 200)], commits
        check_ok(db3)

    @test("%s: re-ingest is idempotent" % B)
    def _():
        before = dump(db)
        r = ingest(db, CORPUS)
        assert r["stored"] == 0 and r["unchanged"] == len(ARTS), r
        assert dump(db) == before, "store changed on an idempotent re-ingest"
        r = ingest(db, CORPUS, "--force")
        assert r["replaced"] == len(ARTS) and r["new"] == 0, r
        assert by_article(dump(db)) == REF, "duplicates or losses after --force"
        assert totals(db)["articles"] == len(ARTS)
        check_ok(db)

    @test("%s: a changed article replaces its events atomically" % B)
    def _():
        a = dict(ARTS[0])
        a["text"] = "Serbia condemned Kosovo. NATO attacked Serbia. The United States condemned Serbia."
        path = write_jsonl(os.path.join(TMP, "changed.jsonl"), [a])
        r = ingest(db, path)
        assert r["replaced"] == 1 and r["events"] == 3, r
        got = dump(db, "--article", a["id"])
        assert sorted((e["source"]["code"], tcode(e), e["code"]) for e in got) == \
            [("IGOWSTNAT", "SRB", "190"), ("SRB", "KSV", "111"), ("USA", "SRB", "111")], got
        check_ok(db)
        r = ingest(db, CORPUS)          # back to the original: only that article changes
        assert r["replaced"] == 1 and r["unchanged"] == len(ARTS) - 1, r
        assert by_article(dump(db)) == REF
        check_ok(db)

    @test("%s: cross-article deduplication counts" % B)
    def _():
        ments = dump(db)
        groups = {}
        for e in ments:
            groups.setdefault(gkey(e), []).append(e)
        assert any(len(g) > 1 for g in groups.values()), "the corpus should repeat events"
        events = dump(db, mentions=False)
        assert len(events) == len(groups), (len(events), len(groups))
        assert totals(db)["events"] == len(groups)
        ids = set()
        for ev in events:
            g = groups[gkey(ev)]
            assert ev["num_mentions"] == len(g), ev
            arts = {m["article"] for m in g}
            assert ev["num_articles"] == len(arts), ev
            assert ev["num_sources"] == len({PUB[x] if PUB[x] else "#" + x for x in arts}), ev
            assert {m["event_id"] for m in g} == {ev["event_id"]}, "mentions link to their event"
            ids.add(ev["event_id"])
        assert len(ids) == len(events)

    def filt(name, args, pred, some=True):
        @test("%s: query %s" % (B, name))
        def _():
            nonlocal_ments = dump(db)
            want = sorted(mkey(e) for e in nonlocal_ments if pred(e))
            assert want or not some, "%s: the corpus should have matches" % name
            got = dump(db, *args)
            assert sorted(mkey(e) for e in got) == want, "%s: %d rows, want %d" % (name, len(got), len(want))
            dates = [day(e) for e in got]
            assert dates == sorted(dates), "not in date order"
            want_ids = {e["event_id"] for e in nonlocal_ments if pred(e)}
            got_ids = [e["event_id"] for e in dump(db, *args, mentions=False)]
            assert len(got_ids) == len(set(got_ids)) and set(got_ids) == want_ids, "%s (events)" % name
            return None

    def words(s):
        return set(re.findall(r"\w+", s.lower()))

    def near(e, lat, lon, km):
        p = e.get("place")
        if not p:
            return False
        r = math.pi / 180
        a = math.sin((p["lat"] - lat) * r / 2) ** 2 + math.cos(lat * r) * math.cos(p["lat"] * r) * \
            math.sin((p["lon"] - lon) * r / 2) ** 2
        return 2 * 6371.0088 * math.asin(min(1, math.sqrt(a))) <= km

    filt("--actor", ["--actor", "SRB"], lambda e: e["source"]["code"].startswith("SRB") or
         (tcode(e) or "").startswith("SRB"))
    filt("--source", ["--source", "KSV"], lambda e: e["source"]["code"].startswith("KSV"))
    filt("--target", ["--target", "IGO"], lambda e: (tcode(e) or "").startswith("IGO"))
    filt("--code root", ["--code", "11"], lambda e: e["code"].startswith("11"))
    filt("--code full", ["--code", "084"], lambda e: e["code"] == "084")
    filt("--from/--to", ["--from", "2023-05-02", "--to", "2023-05-04"], lambda e: "2023-05-02" <= day(e) <= "2023-05-04")
    filt("--from month", ["--from", "2023-05"], lambda e: day(e) >= "2023-05-01")
    filt("--to month", ["--to", "2023-05"], lambda e: day(e) <= "2023-05-31")
    filt("--country", ["--country", "SRB"], lambda e: (e.get("place") or {}).get("country") == "SRB")
    filt("--near", ["--near", "42.67,21.17,40"], lambda e: near(e, 42.67, 21.17, 40))      # Pristina
    filt("--text", ["--text", "blamed violence"], lambda e: {"blamed", "violence"} <= words(e["text"]))
    filt("--text quoted", ["--text", "\"condemned\" OR"], lambda e: {"condemned", "or"} <= words(e["text"]), some=False)
    with_events = sorted(REF)[3]
    filt("--article", ["--article", with_events], lambda e: e["article"] == with_events)
    filt("combined", ["--actor", "SRB", "--code", "1", "--from", "2023-05-03"],
         lambda e: (e["source"]["code"].startswith("SRB") or (tcode(e) or "").startswith("SRB"))
         and e["code"].startswith("1") and day(e) >= "2023-05-03")

    @test("%s: query --limit and bad filters" % B)
    def _():
        assert len(dump(db, "--limit", "5")) == 5
        for bad in (["--from", "May 2023"], ["--near", "1,2"], ["--actor", "US A"], ["--text", "  "]):
            rc, out, err = run(["query", "--db", db] + bad)
            assert rc == 2 and err, (bad, rc, err)
        rc, out, err = run(["query", "--db", db, "--format", "csv", "--limit", "3"])
        rows = list(csv.reader(io.StringIO(out)))
        assert rc == 0 and len(rows) == 4 and rows[0][0] == "event_id", rows

    @test("%s: stats by root, pair, day, country" % B)
    def _():
        events = dump(db, mentions=False)
        rc, out, err = run(["stats", "--db", db, "--format", "tsv", "--top", "0"])
        assert rc == 0, err
        got = {}
        for line in out.splitlines():
            k, key, n, m = line.split("\t")
            got.setdefault(k, {})[key] = (int(n), int(m))
        want = {}
        for e in events:
            for k, key in (("root", e["root"]), ("pair", "%s %s" % (e["source"]["code"], tcode(e) or "---")),
                           ("day", e["date"]), ("country", (e.get("place") or {}).get("country") or "-")):
                n, m = want.setdefault(k, {}).get(key, (0, 0))
                want[k][key] = (n + 1, m + e["num_mentions"])
        for k in want:
            assert got.get(k) == want[k], (k, got.get(k), want[k])
        rc, out, err = run(["stats", "--db", db, "--by", "root", "--actor", "USA"])
        assert rc == 0 and "by root" in out, out

    @test("%s: export gdelt2, icews, phoenix, csv, jsonl" % B)
    def _():
        events = dump(db, mentions=False)
        n = len(events)
        rc, out, err = run(["export", "--db", db, "--format", "gdelt2"])
        lines = out.splitlines()
        assert rc == 0 and len(lines) == n, (rc, len(lines), n, err)
        mentions = {e["event_id"]: e["num_mentions"] for e in events}
        for l in lines:
            f = l.split("\t")
            assert len(f) == 61, len(f)
            assert int(f[31]) == mentions[int(f[0])], "NumMentions"
            assert f[26].startswith(f[28]) and f[1].startswith("2023")
        rc, out, err = run(["export", "--db", db, "--format", "phoenix"])
        assert rc == 0 and all(len(l.split("\t")) == 26 for l in out.splitlines()) and len(out.splitlines()) == n
        rc, out, err = run(["export", "--db", db, "--format", "icews"])
        ls = out.splitlines()
        assert rc == 0 and ls[0].startswith("Event ID\tEvent Date") and len(ls) == n + 1
        assert all(len(l.split("\t")) == 20 for l in ls)
        path = os.path.join(TMP, "out.csv")
        rc, out, err = run(["export", "--db", db, "--format", "csv", "-o", path])
        with open(path, newline="") as f:
            rows = list(csv.reader(f))
        assert rc == 0 and len(rows) == n + 1 and len(rows[0]) == 23 and all(len(r) == 23 for r in rows)
        rc, out, err = run(["export", "--db", db, "--format", "jsonl", "--mentions"])
        assert rc == 0 and len(out.splitlines()) == len(dump(db))
        rc, out, err = run(["export", "--db", db, "--format", "nope"])
        assert rc == 2

    @test("%s: recode after a dictionary change reports and applies it" % B)
    def _():
        d2 = dict_condemn_112("dict-%s" % B)
        before = dump(db)
        n111 = sum(1 for e in before if e["code"] == "111")
        arts111 = len({e["article"] for e in before if e["code"] == "111"})
        assert n111 > 0
        rc, out, err = run(["recode", "--db", db, "--dry-run"], dict_dir=d2)
        assert rc == 0 and "dry run" in out, (out, err)
        assert dump(db) == before, "dry run changed the store"
        rc, out, err = run(["recode", "--db", db], dict_dir=d2)
        assert rc == 0, err
        m = re.search(r"recode: (\d+) articles? recoded .*: (\d+) changed, (\d+) unchanged.*\(\+(\d+) -(\d+)\)", out)
        assert m, out
        assert int(m.group(1)) == len(ARTS) and int(m.group(2)) == arts111, (m.groups(), arts111)
        assert int(m.group(4)) == n111 and int(m.group(5)) == n111, m.groups()
        assert "- " in out and "+ " in out
        after = dump(db)
        assert not any(e["code"] == "111" for e in after)
        moved = lambda e: (e["article"], e["sentence"], e["source"]["code"], tcode(e), e["code"])
        assert sorted(moved(e) for e in after) == \
            sorted(moved(dict(e, code="112" if e["code"] == "111" else e["code"])) for e in before)
        check_ok(db)
        rc, out, err = run(["recode", "--db", db], dict_dir=d2)
        assert rc == 0 and "recode: 0 articles" in out, out
        r = ingest(db, CORPUS)     # the old dictionaries again: everything is recoded back
        assert r["replaced"] == len(ARTS), r
        assert by_article(dump(db)) == REF
        check_ok(db)

    @test("%s: SIGKILL at %d random points leaves the store consistent; rerun completes" % (B, KILLS), later=True)
    def _():
        # Each round: an ingest is killed at a random moment, the store is checked (the check
        # passes; every stored article is whole, as one of the two codings it may have), then the
        # same ingest runs to completion and the store must equal a clean run's. Rounds switch
        # between two dictionary sets, so kills land on replacements as well as on new articles;
        # now and then the store starts empty.
        arts = corpus(600 if QUICK else 1000, 11, dates=20)
        path = write_jsonl(os.path.join(TMP, "crash-%s.jsonl" % B), arts)
        dicts = [DICT, dict_condemn_112("dict-crash-%s" % B)]
        ref, ref_events = {}, {}
        start = 0
        for d in dicts:
            ref[d] = reference(path, d, env=FAST)
            cdb = fresh(B, "crash_ref")
            ingest(cdb, path, "--batch", "10", dict_dir=d, env=FAST)
            t0 = time.time()
            ingest(cdb, path, "--batch", "10", dict_dir=d, env=FAST)    # nothing to do: the start-up time
            start = max(start, time.time() - t0)
            ref_events[d] = sorted((e["date"], e["source"]["code"], tcode(e), e["code"], e["num_mentions"],
                                    e["num_articles"], e["num_sources"]) for e in dump(cdb, mentions=False))
            assert by_article(dump(cdb)) == ref[d]
        assert ref[dicts[0]] != ref[dicts[1]], "the two dictionary sets code alike"
        rnd = random.Random(1234)
        kills = early = fresh_rounds = 0
        cdb, prev = None, None
        while kills < KILLS:
            if cdb is None or rnd.random() < 0.25:
                cdb, prev = fresh(B, "crash"), None
                fresh_rounds += 1
            # a different dictionary set than the last round's: every article is to be replaced
            d = dicts[rnd.randint(0, 1)] if prev is None else dicts[1 - dicts.index(prev)]
            batch = str(rnd.choice([1, 3, 10, 50, 100] if B == "sqlite" else [3, 10, 50, 100]))
            # kill after a random number of commits (-v reports each), a few milliseconds into
            # the next transaction; now and then during start-up instead
            p = subprocess.Popen([BIN, "ingest", "--db", cdb, "--dict", d, "--no-progress", "-v", "--batch", batch,
                                  path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=TMP, text=True,
                                 env=FAST)
            alive = True
            if rnd.random() < 0.1:
                time.sleep(rnd.uniform(0.0, start))
            else:
                want = rnd.randint(0, max(1, len(arts) // int(batch)) - 1)
                seen = 0
                while seen < want:
                    line = p.stderr.readline()
                    if not line:
                        alive = False
                        break
                    seen += "committed" in line
                time.sleep(rnd.uniform(0.0, 0.01))
            if alive and p.poll() is None:
                p.send_signal(signal.SIGKILL)
                kills += 1
            else:
                early += 1
                assert early < 200, "ingest always finished before the kill"
            p.wait()
            p.stderr.close()
            # consistent: the check passes and every stored article is whole
            check_ok(cdb)
            for a, keys in by_article(dump(cdb)).items():
                assert keys == ref[d].get(a) or (prev and keys == ref[prev].get(a)), \
                    "kill %d (batch %s): article %s partial: stored %s, coded %s" % (kills, batch, a, keys, ref[d].get(a))
            # completes: nothing lost, nothing twice
            r2 = ingest(cdb, path, "--batch", batch, dict_dir=d, env=FAST)
            assert r2["stored"] + r2["unchanged"] == len(arts), r2
            got = by_article(dump(cdb))
            if got != ref[d]:
                bad = sorted(a for a in set(got) | set(ref[d]) if got.get(a) != ref[d].get(a))
                raise AssertionError("kill %d (batch %s): rerun did not restore the full store: %d articles differ, "
                                     "e.g. %s: stored %s, coded %s" % (kills, batch, len(bad), bad[0],
                                                                      got.get(bad[0]), ref[d].get(bad[0])))
            ev = sorted((e["date"], e["source"]["code"], tcode(e), e["code"], e["num_mentions"],
                         e["num_articles"], e["num_sources"]) for e in dump(cdb, mentions=False))
            assert ev == ref_events[d], "kill %d: deduplicated events differ" % kills
            assert totals(cdb)["articles"] == len(arts)
            prev = d
        count_note("     %s: %d kills (%d rounds from an empty store; %d runs finished before their kill), "
              "start-up %.2f s" % (B, kills, fresh_rounds, early, start))


@test("store formats: help and usage")
def _():
    for cmd in ("ingest", "recode", "query", "stats", "export"):
        rc, out, err = run([cmd, "--help"], dict_dir=None)
        assert rc == 0 and "usage: herodot " + cmd in out, (cmd, out, err)
    rc, out, err = run(["--help"], dict_dir=None)
    assert all(c in out for c in ("ingest", "recode", "query", "stats", "export"))


def main():
    if not os.access(BIN, os.X_OK):
        print("store: 0 passed, 1 failed, 0 skipped (no binary at %s)" % BIN)
        return 1
    for b in ("sqlite", "pg"):
        if b in backends():
            suite(b)
        else:
            count("skipped", "skip pg: HERODOT_PG_URL is not set (or psql is missing)")
    run_later()
    if PG_SCHEMAS:
        try:
            psql("; ".join("DROP SCHEMA IF EXISTS %s CASCADE" % s for s in sorted(set(PG_SCHEMAS))))
        except AssertionError:
            pass
    shutil.rmtree(TMP, ignore_errors=True)
    print("store: %d passed, %d failed, %d skipped" % (results["passed"], results["failed"], results["skipped"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
