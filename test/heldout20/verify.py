#!/usr/bin/env python3
"""Check debian-history.jsonl against the English files of Debian 12's debian-history package (2.28).

Usage: python3 verify.py [FOLDER]
  FOLDER is the indexed folder, DIR in corpora.json (default /tmp/quoth-eval/debian-history). When it does not
  exist it is made the way corpora.json's "install" says, from /usr/share/doc/debian-history
  (apt-get install -y debian-history):
      DIR/docs/*.en.html                    <- /usr/share/doc/debian-history/docs/*.en.html          (6 files)
      DIR/dedication/dedication-N.txt       <- /usr/share/doc/debian-history/dedication/dedication-{2.2,5.0,9.0}.txt
  The installed folder holds the same book in ten languages (60 HTML pages) and the release dedications in up to
  twenty languages (45 .txt files), so only the English files are copied (see NOTES.md).

A source id is the file's path under FOLDER without its extension (docs/releases.en, dedication/dedication-9.0).
Every file under FOLDER ending in .txt, .md or .html is read (recursively), as the system does.
Three renderings of each file are used:
  "text"   - what a browser shows: <head>, scripts, styles and comments removed, block tags (p, li, div, h1-h6,
             dt, dd, tr, td, th, br, hr, ...) -> a paragraph break, other (inline) tags removed, entities decoded,
             white space collapsed. For .txt files: the file with white space collapsed;
  "spaced" - a crude tag stripper: every tag -> a space, entities decoded, white space collapsed;
  "blocks" - the "text" rendering with its paragraph breaks kept as "\n\n" (for .txt files: blank lines and
             ---- rule lines), used to check that a match stays inside one block.
Every sentence pattern must match the same files in "text" and "spaced".

Checks:
  * the corpus is the expected one (9 files, the ids below, md5 of the files concatenated in sorted path order);
  * 30 questions, unique ids prefixed dh-, required fields, known kinds, 25 answerable / 5 near-miss, who >= 3,
    when >= 4, count >= 3, yes-no 2, definition 1, no kind above 4, at least 10 answer kinds, style counts,
    the deliberate typos are in the questions and nowhere in the corpus, no question repeats two content words of
    a heading in a row nor the listed give-away words;
  * every pattern compiles in Python (re.IGNORECASE) and in JavaScript (node, RegExp 'i');
  * every sentence pattern (not starting with ^) matches at least one named file, matches no file that is not
    named, never spans a sentence break ([.!?] + space + capital) nor a block break; every named file is matched by
    at least one sentence pattern of its question;
  * every anchored pattern (^...) matches its bare value (BARE below) and other phrasings, rejects wrong values,
    and the bare value (or its in-file form, IN_PAGE) occurs in the text of a named file;
  * the same matches are re-run with JavaScript RegExp on the same texts;
  * near-misses have no expect/sources, and the absence checks of NOTES.md still hold.
"""
import hashlib, html, json, os, re, shutil, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = sys.argv[1] if len(sys.argv) > 1 else "/tmp/quoth-eval/debian-history"
PKG = "/usr/share/doc/debian-history"
errors = []


def err(m):
    errors.append(m)
    print("FAIL:", m)


def ok(m):
    print("ok  ", m)


def install(dest):  # corpora.json's "install" step
    if not os.path.isdir(os.path.join(PKG, "docs")):
        sys.exit(f"no {PKG}/docs: apt-get install -y debian-history, or pass the folder")
    os.makedirs(os.path.join(dest, "docs"), exist_ok=True)
    os.makedirs(os.path.join(dest, "dedication"), exist_ok=True)
    for f in sorted(os.listdir(os.path.join(PKG, "docs"))):
        if f.endswith(".en.html"):
            shutil.copyfile(os.path.join(PKG, "docs", f), os.path.join(dest, "docs", f))
    for v in ("2.2", "5.0", "9.0"):
        f = f"dedication-{v}.txt"
        shutil.copyfile(os.path.join(PKG, "dedication", f), os.path.join(dest, "dedication", f))
    print(f"made {dest} from {PKG}")


if not os.path.isdir(FOLDER):
    install(FOLDER)

BLOCK = r"p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|br|hr|pre|blockquote|body|html|title"


def render_blocks(src, is_html):
    if not is_html:
        t = re.sub(r"(?m)^\s*-{3,}\s*$", "\n\n", src)          # a ---- rule under a title ends a block
        paras = re.split(r"\n\s*\n", t)
    else:
        t = re.sub(r"(?is)<head\b.*?</head>|<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", "", src)
        t = re.sub(r"(?is)</?(?:%s)\b[^>]*>" % BLOCK, "\n\n", t)
        t = re.sub(r"(?s)<[^>]*>", "", t)
        t = html.unescape(t)
        paras = re.split(r"\n\s*\n", t)
    paras = [re.sub(r"\s+", " ", p).strip() for p in paras]
    return "\n\n".join(p for p in paras if p)


def render_spaced(src, is_html):
    if is_html:
        src = re.sub(r"(?is)<head\b.*?</head>|<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->", "", src)
        src = html.unescape(re.sub(r"(?s)<[^>]*>", " ", src))
    return re.sub(r"\s+", " ", src).strip()


PAGES, blobs, HEADINGS = {}, [], []
paths = []
for root, dirs, files in os.walk(FOLDER):
    for f in files:
        if f.endswith((".txt", ".md", ".html")):
            paths.append(os.path.relpath(os.path.join(root, f), FOLDER))
for rel in sorted(paths):
    data = open(os.path.join(FOLDER, rel), "rb").read()
    blobs.append(data)
    src = data.decode("utf-8")
    is_html = rel.endswith(".html")
    sid = os.path.splitext(rel)[0]
    blocks = render_blocks(src, is_html)
    PAGES[sid] = {"blocks": blocks, "text": re.sub(r"\s+", " ", blocks).strip(), "spaced": render_spaced(src, is_html)}
    if is_html:
        HEADINGS += [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", "", h))).strip()
                     for h in re.findall(r"(?is)<h[1-4]\b[^>]*>(.*?)</h[1-4]>", src)]
md5 = hashlib.md5(b"".join(blobs)).hexdigest()
size = sum(len(b) for b in blobs)
print(f"corpus: {len(PAGES)} files, {size} bytes, md5 {md5} in {FOLDER}")
EXPECTED_IDS = ["dedication/dedication-2.2", "dedication/dedication-5.0", "dedication/dedication-9.0",
                "docs/detailed.en", "docs/index.en", "docs/intro.en", "docs/leaders.en", "docs/manifesto.en",
                "docs/releases.en"]
if sorted(PAGES) != EXPECTED_IDS:
    err(f"expected the ids {EXPECTED_IDS}, got {sorted(PAGES)}")
EXPECTED_MD5, EXPECTED_SIZE = "8ea682c92b04fd7a9a9989a64d076414", 131964
if md5 != EXPECTED_MD5 or size != EXPECTED_SIZE:
    err(f"corpus md5/size {md5}/{size} != {EXPECTED_MD5}/{EXPECTED_SIZE}")
MODES = ("text", "spaced")
# the block rendering keeps list items, paragraphs and the dedications' title rules apart
assert re.search(r"included:\n\nLinux Kernel 3\.2\n\nkFreeBSD", PAGES["docs/detailed.en"]["blocks"])
assert re.search(r"Thiemo Seufer\n\nThe Debian Project has lost", PAGES["dedication/dedication-5.0"]["blocks"])
assert "Joel was 21 when he died, far from the ripe age" in PAGES["dedication/dedication-2.2"]["blocks"]

SENT_BREAK = re.compile(r"[.!?][\"'\u201d)\]]*\s+[\"'\u201c(\[]*[A-Z]")
assert SENT_BREAK.search("at this point. Debian 0.93R5") and not SENT_BREAK.search("Debian 1.0 was never released: InfoMagic") \
    and not SENT_BREAK.search("Debian 0.93R6 (November")

# anchored pattern of each question -> (bare value as the history writes it, other answers it must accept,
#                                        answers it must reject)
BARE = {
    "dh-master-box-who": ("Bdale Garbee", ["by Bdale Garbee", "bdale garbee."], ["Bruce Perens", "Ian Murdock", "HP", "Garbee"]),
    "dh-m68k-port-who": ("Hartmut Koptein", ["Hartmut", "by Hartmut Koptein."],
                         ["Vincent Renardias", "Martin Schulze", "Ian Jackson", "Koptein"]),
    "dh-dpl-2012-who": ("Stefano Zacchiroli", ["Stefano Zacchiroli.", "stefano"],
                        ["Steve McIntyre", "Lucas Nussbaum", "Zacchiroli", "Sam Hocevar"]),
    "dh-lenny-memory-who": ("Thiemo Seufer", ["to Thiemo Seufer", "Thiemo"],
                            ["Joel Klecker", "Ian Murdock", "Frans Pop", "Seufer"]),
    "dh-founding-day-when": ("August 16th, 1993", ["August 16, 1993", "16 August 1993", "on August 16th 1993", "1993-08-16",
                                                   "16th of August, 1993"],
                             ["August 1993", "1993", "August 17th, 1993", "August 16th, 1994", "November 1994"]),
    "dh-woody-freeze-when": ("July 1st 2001", ["July 1, 2001", "1 July 2001", "2001-07-01", "on July 1st, 2001", "July 2001"],
                             ["July 19th, 2002", "December 2000", "July 2002", "2001", "June 2001", "July 11th 2001"]),
    "dh-twente-blaze-when": ("November 20th, 2002", ["November 20, 2002", "20 November 2002", "2002-11-20",
                                                     "on November 20th 2002"],
                             ["November 2002", "November 19th, 2003", "November 20th, 2003", "2002", "November 2th, 2002"]),
    "dh-sarge-out-when": ("6 June 2005", ["June 6th, 2005", "June 6, 2005", "2005-06-06", "on 6 June 2005"],
                          ["June 2005", "2005", "June 6th, 2006", "19 July 2002", "8 April 2007", "16 June 2005"]),
    "dh-buzz-packages-count": ("474", ["474 packages", "about 474"], ["848", "974", "47", "4740", "1500"]),
    "dh-potato-sloc-count": ("55,000,000", ["more than 55,000,000 physical SLOC", "55 million lines of code",
                                            "over 55 million", "55M", "55,000,000 lines of source code"],
                             ["5,500,000", "55,000", "550 million", "1.9 billion", "155,000,000"]),
    "dh-derived-distros-count": ("350", ["more than 350", "over 350 distributions", "350+"],
                                 ["35", "3500", "450", "more than 3500"]),
    "dh-espy-age-count": ("21", ["21 years", "21 years old", "at 21 years of age", "age 21", "at the age of 21"],
                          ["19", "42", "2", "121", "21 years ago"]),
    "dh-systemd-default-version": ("Debian 8 Jessie", ["Jessie", "8", "Debian 8.0", "Debian 8.0 (Jessie)", "8 Jessie"],
                                   ["Debian 7", "Wheezy", "Stretch", "Debian 9", "80", "Debian 8.1"]),
    "dh-free-java-version": ("Debian 5.0 Lenny", ["Lenny", "5.0", "Debian 5.0 (Lenny)", "Debian 5"],
                             ["Etch", "Debian 4.0", "Squeeze", "Debian 6.0", "50", "5.1"]),
    "dh-wheezy-kernel-version": ("Linux Kernel 3.2", ["3.2", "kernel 3.2", "Linux 3.2"],
                                 ["3.16", "2.6.32", "3.2.1", "Linux 4.9", "32", "kFreeBSD 8.3"]),
    "dh-fake-cd-which": ("InfoMagic", ["infomagic.", "InfoMagic, Inc."], ["i-Connect.Net", "HP", "Corel", "Pixar", "Red Hat"]),
    "dh-archive-db-which": ("PostgreSQL", ["Postgres", "postgresql.", "PostgreSQL database"], ["MySQL", "MariaDB", "SQLite", "Berkeley DB"]),
    "dh-debconf-first-where": ("Bordeaux, France", ["Bordeaux", "in Bordeaux", "Bordeaux (France)"],
                               ["Toronto", "Oslo", "Paris", "France", "Bordeaux, Canada"]),
    "dh-founder-uni-where": ("Purdue University", ["Purdue", "at Purdue", "the Purdue University"],
                             ["MIT", "Stanford", "University of Twente", "Purdue Pharma"]),
    "dh-sid-abbr": ("Still In Development", ["still in development", "Yes, Still In Development"],
                    ["Software In Development", "Still In Debian", "Sid Phillips", "stable"]),
    "dh-sls-abbr": ("Softlanding Linux System", ["the Softlanding Linux System", "Soft Landing Linux System", "SoftLanding Linux System."],
                    ["Slackware", "Simple Linux System", "Softlanding Linux", "Softlanding Linux Software"]),
    "dh-name-origin": ("Debra and Ian", ["Debra + Ian", "Ian Murdock and his wife Debra", "from the names of Debra and Ian Murdock",
                                         "Deb & Ian", "Ian and Debra"],
                       ["Debian Linux", "Ian Murdock", "Debra", "Ian Jackson and Debra Lynn", "Debbie and Ian"]),
    "dh-intrusion-archive-yesno": ("No", ["No.", "no, the package archive was not affected"], ["Yes", "not really", "nope"]),
    "dh-squeeze-kernel-yesno": ("Yes", ["Yes.", "yes, with kFreeBSD"], ["No", "not really", "yesterday"]),
}
# bare values that the files write in another form (the check looks for this text instead)
IN_PAGE = {"dh-sarge-out-when": "6 June 2005", "dh-systemd-default-version": "Debian 8 Jessie",
           "dh-free-java-version": "Debian 5.0 Lenny", "dh-name-origin": "Ian Murdock, and his wife, Debra",
           "dh-intrusion-archive-yesno": "the package archive was not affected",
           "dh-squeeze-kernel-yesno": "This was the first time a Linux distribution has been extended to also allow use of a non-Linux kernel",
           "dh-woody-freeze-when": "July 1st 2001"}

KINDS = {"definition", "who", "when", "count", "which", "where", "yes-no", "default", "version", "howto",
         "abbr", "origin", "nearmiss"}

qs = [json.loads(l) for l in open(os.path.join(HERE, "debian-history.jsonl"), encoding="utf-8") if l.strip()]
if len(qs) != 30:
    err(f"expected 30 questions, got {len(qs)}")
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for q in qs:
    for f in ("id", "question", "answerable", "expect", "sources", "kind"):
        if f not in q:
            err(f"{q.get('id')}: missing field {f}")
    if not q["id"].startswith("dh-"):
        err(f"{q['id']}: id not prefixed dh-")
    if q["kind"] not in KINDS:
        err(f"{q['id']}: unknown kind {q['kind']}")
    if (q["kind"] == "nearmiss") == q["answerable"]:
        err(f"{q['id']}: kind/answerable mismatch")

ans = [q for q in qs if q["answerable"]]
nm = [q for q in qs if not q["answerable"]]
if len(ans) != 25 or len(nm) != 5:
    err(f"expected 25 answerable + 5 near-miss, got {len(ans)} + {len(nm)}")
kinds = Counter(q["kind"] for q in qs)
akinds = Counter(q["kind"] for q in ans)
if max(akinds.values()) > 4 or akinds["who"] < 3 or akinds["when"] < 4 or akinds["count"] < 3 \
        or akinds["yes-no"] != 2 or akinds["definition"] != 1 or len(akinds) < 10:
    err(f"kind mix off: {dict(akinds)}")
pages_used = {s for q in ans for s in q["sources"]}
multi = [q["id"] for q in ans if len(q["sources"]) > 1]
lower = [q["id"] for q in qs if q["question"] == q["question"].lower()]
print(f"style: {len(lower)} of 30 questions entirely lowercase; {len(multi)} answerable questions name more than one file")
if len(lower) < 25:
    err("fewer than 25 entirely lowercase questions")
CHATTY = ["dh-master-box-who", "dh-m68k-port-who", "dh-lenny-memory-who", "dh-founding-day-when", "dh-potato-sloc-count",
          "dh-espy-age-count", "dh-free-java-version", "dh-founder-uni-where", "dh-sid-abbr", "dh-sls-abbr",
          "dh-intrusion-archive-yesno"]
for qid in CHATTY:  # context first: a clause (ending in . or ,) before the question itself
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or not re.match(r"^[^?]{15,}?[.,)]\s", q["question"]):
        err(f"{qid}: not chatty (no context before the question)")
print(f"style: {len(CHATTY)} chatty questions (context first)")
TYPOS = {"dh-buzz-packages-count": "packges", "dh-systemd-default-version": "relase",
         "dh-founder-uni-where": "univeristy", "dh-sls-abbr": "distrubution"}
for qid, typo in TYPOS.items():
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or typo not in q["question"]:
        err(f"{qid}: deliberate typo {typo!r} missing")
    elif any(typo in PAGES[s]["spaced"].lower() for s in PAGES):
        err(f"{qid}: typo {typo!r} occurs in the corpus")
# paraphrase 1: no question holds two content words of a heading in a row
STOP = set("a an the of in on at to for and or is are was be being will how what why who which when where its it this "
           "that these those there next s x 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 debian".split())
heading_bigrams = set()
for h in set(HEADINGS):
    w = re.findall(r"[a-z0-9]+", re.sub(r"^[\dA-Z]+(\.\d+)*\.\s+", "", h).lower())
    heading_bigrams |= {(a, b) for a, b in zip(w, w[1:]) if a not in STOP and b not in STOP}
print(f"     {len(set(HEADINGS))} headings, {len(heading_bigrams)} content-word bigrams")
for q in qs:
    w = re.findall(r"[a-z0-9]+", q["question"].lower())
    hit = [f"{a} {b}" for a, b in zip(w, w[1:]) if (a, b) in heading_bigrams]
    if hit:
        err(f"{q['id']}: question repeats heading words {hit}")
# paraphrase 2: give-away words of the answering heading or sentence
for qid, words in {"dh-twente-blaze-when": ["fire", "burnt", "server", "twente"],
                   "dh-intrusion-archive-yesno": ["hacked", "compromise", "server"],
                   "dh-name-origin": ["pronounc", "debra"], "dh-founding-day-when": ["beginning", "founded", "murdock"],
                   "dh-dpl-2012-who": ["leader", "led "], "dh-espy-age-count": ["died", "klecker"],
                   "dh-lenny-memory-who": ["dedicat", "thiemo"], "dh-archive-db-which": ["pool", "database-driven"],
                   "dh-m68k-port-who": ["port", "m68k", "motorola"], "dh-buzz-packages-count": ["code name", "buzz"],
                   "dh-debconf-first-where": ["debconf", "meeting"], "dh-founder-uni-where": ["undergraduate", "murdock"],
                   "dh-sls-abbr": ["softlanding"], "dh-woody-freeze-when": ["next release"],
                   "dh-squeeze-kernel-yesno": ["extended"], "dh-free-java-version": ["sun's", "technology"]}.items():
    q = next(q for q in qs if q["id"] == qid)
    for word in words:
        if word in q["question"].lower():
            err(f"{qid}: question uses the give-away word {word!r}")

js_sentence = []  # (qid, pattern, mode, sorted list of ids it must match)
js_anchored = []  # (qid, pattern, accept list, reject list)
for q in ans:
    qid, src = q["id"], q["sources"]
    if not q["expect"]:
        err(f"{qid}: empty expect")
    for sid in src:
        if sid not in PAGES:
            err(f"{qid}: unknown source id {sid}")
    matched = set()
    anchored = [p for p in q["expect"] if p.startswith("^")]
    if len(anchored) > 1:
        err(f"{qid}: more than one anchored pattern")
    if not anchored and qid in BARE:
        err(f"{qid}: bare value recorded but no anchored pattern")
    for p in q["expect"]:
        try:
            rx = re.compile(p, re.I)
        except re.error as ex:
            err(f"{qid}: bad regex {p!r}: {ex}")
            continue
        if p.startswith("^"):
            if qid not in BARE:
                err(f"{qid}: anchored pattern without a recorded bare value")
                continue
            value, accept, reject = BARE[qid]
            for v in [value] + accept:
                if not rx.search(v):
                    err(f"{qid}: anchored pattern does not match {v!r}")
            for v in reject:
                if rx.search(v):
                    err(f"{qid}: anchored pattern wrongly matches {v!r}")
            needle = IN_PAGE.get(qid, value).lower()
            if not any(needle in PAGES[s]["text"].lower() for s in src if s in PAGES):
                err(f"{qid}: bare value {needle!r} not in the text of {src}")
            js_anchored.append((qid, p, [value] + accept, reject))
            ok(f"{qid}: anchored {p}  <- {value!r}")
            continue
        hits_by_mode = {}
        for mode in MODES:
            hits = sorted(s for s in PAGES if rx.search(PAGES[s][mode]))
            hits_by_mode[mode] = hits
            if not hits:
                err(f"{qid}: [{mode}] pattern matches no file: {p}")
                continue
            stray = [s for s in hits if s not in src]
            if stray:
                err(f"{qid}: [{mode}] pattern also matches files not in sources {stray}: {p}")
            for s in hits:
                if s in src:
                    matched.add(s)
                    for m in rx.finditer(PAGES[s][mode]):
                        if SENT_BREAK.search(m.group(0)):
                            err(f"{qid}: [{mode}] pattern spans a sentence break in {s}: {m.group(0)!r}")
            js_sentence.append((qid, p, mode, hits))
        if hits_by_mode["text"] != hits_by_mode["spaced"]:
            err(f"{qid}: text/spaced renderings disagree {hits_by_mode}: {p}")
        for s in hits_by_mode["text"]:  # the match must also exist inside one block
            if s in src and not rx.search(PAGES[s]["blocks"]) or any("\n\n" in m.group(0) for m in rx.finditer(PAGES[s]["blocks"])):
                err(f"{qid}: pattern crosses a block break in {s}: {p}")
        if hits_by_mode["text"]:
            span = rx.search(PAGES[hits_by_mode["text"][0]]["text"]).group(0)
            ok(f"{qid}: [{','.join(hits_by_mode['text'])}] {span[:110]}")
    for s in src:
        if s not in matched:
            err(f"{qid}: named file {s} is matched by none of its sentence patterns")

for q in nm:
    if q["expect"] or q["sources"]:
        err(f"{q['id']}: near-miss with expect or sources")

# ---------------- near-miss absence checks (the greps of NOTES.md, re-run on the "text" rendering)
ALL = {s: PAGES[s]["text"] for s in PAGES}
ALLTEXT = "\n".join(ALL.values())
DET, REL = ALL["docs/detailed.en"], ALL["docs/releases.en"]


def sentences(text):
    return [x for x in re.split(r"(?<=[.!?:])\s+(?=[\"'(]*[A-Z0-9])", text) if x.strip()]


def short(xs, n=100):
    return [x[:n] for x in xs]


def check(qid, cond, why):
    (ok if cond else err)(f"{qid}: {why}")


def body(text, start, end):  # a section of detailed.en by its heading, skipping the table of contents
    i = text.index(start, text.index("4.1. The 0.x Releases Debian was begun"))
    return text[i:text.index(end, i)]


# 1. developers of Debian 11: none counted
qid = "dh-bullseye-devs-nearmiss"
sec11 = body(DET, "4.12. The 11.x Releases", "4.13. Important Events")
rel11 = REL[REL.index("Debian 11 Bullseye"):]
check(qid, not re.search(r"develop|contributor|maintainer|people", sec11 + rel11, re.I),
      "detailed.en 4.12 and the Bullseye entry of releases.en name no developers, contributors or people (only software versions and packages)")
NUMW = r"(\d[\d,+]*|(?:about|around|over|more than|some)\s+[a-z -]*?(?:hundred|thousand|sixty|forty|eighty)[a-z ]*?)"
devs = sorted({re.sub(r"\s+", " ", m.group(0)) for m in re.finditer(NUMW + r"\s+(Debian\s+)?developers", ALLTEXT, re.I)})
print("     'N developers' in the corpus:", devs)
last = [x for x in sentences(ALLTEXT) if re.search(NUMW + r"\s+(Debian\s+)?developers", x, re.I)]
check(qid, not [x for x in last if re.search(r"\b(1[01]|Bullseye|Buster|Stretch|Jessie|Wheezy|Squeeze)\b", x)],
      f"no sentence with a number of developers names a release after lenny ({len(last)} such sentences; the last is lenny's 'more than one thousand and ten')")
check(qid, "more than 59,500 other ready-to-use software packages, built from more than 25,000 source packages" in sec11,
      "decoy present: Bullseye's 59,500 packages from 25,000 source packages")

# 2. release date of Debian 12 bookworm: only named as the testing code name
qid = "dh-bookworm-date-nearmiss"
bw = [x for x in sentences(ALLTEXT) if re.search(r"bookworm", x, re.I)]
check(qid, len(bw) == 1 and "currently codenamed Bookworm" in bw[0], f"Bookworm occurs once, as testing's code name: {short(bw, 140)}")
check(qid, not re.search(r"Debian\s+12\b|\b12\.0\b|\b12\.x\b", ALLTEXT), "no 'Debian 12', '12.0' or '12.x' anywhere")
y23 = sorted({m.group(0) for m in re.finditer(r".{0,30}\b202[2-3]\b.{0,10}", ALLTEXT)})
check(qid, len(y23) == 2 and all(re.search(r"version: 2\.28|Copyright", x) for x in y23),
      f"2022/2023 occur only in the document's own version date and copyright: {y23}")
check(qid, "Debian 11.0 ( Bullseye ) was released August 14th, 2021" in re.sub(r"\(\s*(\w+)\s*\)", r"( \1 )", DET),
      "decoy present: Bullseye released August 14th, 2021")

# 3. where DebConf22 was held: the history stops at DebConf21
qid = "dh-debconf22-where-nearmiss"
check(qid, not re.search(r"debconf\s*22|twenty-third|Prizren|Kosovo", ALLTEXT, re.I),
      "no DebConf22 / 'twenty-third' DebConf / Prizren / Kosovo anywhere")
dcs = sorted({int(m.group(1)) for m in re.finditer(r"debconf\s*(\d+)", ALLTEXT, re.I)})
check(qid, dcs == list(range(0, 22)), f"DebConfs named: {dcs[0]}..{dcs[-1]} (DebConf0 to DebConf21)")
check(qid, "Debconf21 was held online - due to COVID-19" in DET, "decoy present: DebConf21 (and DebConf20) held online")

# 4. how many came to DebConf0: no number
qid = "dh-debconf0-crowd-nearmiss"
dc0 = DET[DET.index("Debian developers joined formally"):DET.index("Debian 2.2 ( Potato )") if "Debian 2.2 ( Potato )" in DET
          else DET.index("Debian 2.2 (Potato)")]
nums0 = re.findall(r"\b\d+\w*", dc0)
check(qid, nums0 == ["5th", "9th", "2000"] and not re.search(r"participant|attendee|people|gathered|hundred|forty|dozen", dc0, re.I),
      f"the DebConf0 paragraph gives dates only ({nums0}), no number of participants")
check(qid, "gathered around forty Debian developers" in DET and "with over eighty participants" in DET,
      "decoys present: Debconf1 'around forty', Debconf2 'over eighty participants'")

# 5. who designed the logo: nobody named
qid = "dh-logo-designer-nearmiss"
lg = [x for x in sentences(ALLTEXT) if re.search(r"\blogos?\b", x, re.I)]
check(qid, len(lg) == 1 and not re.search(r"design|drawn|drew|artist|created by|made by|author", lg[0], re.I),
      f"one sentence mentions the logo, with no designer: {short(lg, 160)}")
check(qid, not re.search(r"swirl|Raul\s+Silva|logo\s+contest", ALLTEXT, re.I), "no 'swirl', 'Raul Silva' or logo contest anywhere")

# ---------------- JavaScript
node = shutil.which("node")
if not node:
    err("node not found: JavaScript checks not run")
else:
    texts = {m: {s: PAGES[s][m] for s in PAGES} for m in MODES}
    js = r"""
const fs = require('fs');
const [sent, anch, texts] = JSON.parse(fs.readFileSync(0, 'utf8'));
let bad = 0, n = 0;
for (const [qid, p, mode, want] of sent) {
  n++;
  let rx;
  try { rx = new RegExp(p, 'i'); } catch (e) { bad++; console.log('JS FAIL compile', qid, p, e.message); continue; }
  const got = Object.keys(texts[mode]).filter(s => rx.test(texts[mode][s])).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) { bad++; console.log('JS FAIL', qid, mode, p, got, want); }
}
for (const [qid, p, acc, rej] of anch) {
  n++;
  let rx;
  try { rx = new RegExp(p, 'i'); } catch (e) { bad++; console.log('JS FAIL compile', qid, p, e.message); continue; }
  for (const v of acc) if (!rx.test(v)) { bad++; console.log('JS FAIL anchored', qid, p, 'no match', v); }
  for (const v of rej) if (rx.test(v)) { bad++; console.log('JS FAIL anchored', qid, p, 'wrongly matches', v); }
}
console.log(`js: ${n - bad}/${n} patterns compile and match the same files/values as Python`);
process.exit(bad ? 1 : 0);
"""
    r = subprocess.run([node, "-e", js], input=json.dumps([js_sentence, js_anchored, texts]),
                       capture_output=True, text=True)
    print(r.stdout.strip(), r.stderr.strip())
    if r.returncode:
        err("JavaScript check failed")

print("kinds:", dict(sorted(kinds.items())))
print("files:", len(pages_used), sorted(pages_used))
print("answerable:", len(ans), "near-miss:", len(nm))
if errors:
    print(f"{len(errors)} FAILED")
    sys.exit(1)
print("ALL OK")
