#!/usr/bin/env python3
"""Check debian-faq.jsonl against the Debian FAQ HTML (Debian 12 package debian-faq 11.1).

Usage: python3 verify.py [FOLDER]   (default: /usr/share/doc/debian/FAQ)

The corpus is every *.html file of FOLDER (X.en.html files and the X.html -> X.en.html symlinks);
a source id is the path under FOLDER without the final ".html", so every page has two ids, X.en and X.
The text that counts is what a browser shows: script/style dropped, tags removed, entities decoded,
white space collapsed. Two renderings are checked: "browser" (block-level tags become white space)
and "stripped" (every tag removed with nothing in its place, the crudest extractor); every sentence
pattern must pass in both.

Checks:
  * 30 questions, unique ids prefixed faq-, required fields, known kinds, 25 answerable / 5 near-miss,
    no kind more than 6, at least 7 kinds, at least 10 different pages;
  * sources list both ids of each answering page, and those ids exist;
  * every pattern compiles in Python (re.IGNORECASE) and in JavaScript (node, RegExp 'i');
  * every sentence pattern (not starting with ^) matches the text of at least one named page, matches
    no page that is not named (so a page stating the same answer must be listed), the matched span
    holds no sentence break, and every named page is matched by at least one sentence pattern;
  * every anchored short pattern (starting with ^) matches its bare value (BARE below) and a few
    other phrasings, rejects wrong values, and the bare value occurs in a named page's text;
  * the same matches are re-run with JavaScript RegExp on the same texts;
  * near-misses have no expect/sources, and the absence checks recorded in NOTES.md still hold.
"""
import html.parser, json, os, re, shutil, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/doc/debian/FAQ"

BLOCK = set("address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure "
            "footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section table tbody td tfoot "
            "th thead title tr ul".split())


class Text(html.parser.HTMLParser):
    def __init__(self, sep):
        super().__init__(convert_charrefs=True)
        self.sep, self.out, self.skip = sep, [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if self.sep and tag in BLOCK:
            self.out.append(" ")

    def handle_startendtag(self, tag, attrs):
        if self.sep and tag in BLOCK:
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if self.sep and tag in BLOCK:
            self.out.append(" ")

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)


def render(path, sep):
    p = Text(sep)
    p.feed(open(path, encoding="utf-8").read())
    p.close()
    return re.sub(r"\s+", " ", "".join(p.out)).strip()


PAGES = {}  # source id -> {"browser": text, "stripped": text}
for root, _, files in os.walk(FOLDER):
    for f in files:
        if f.endswith(".html"):
            path = os.path.join(root, f)
            sid = os.path.relpath(path, FOLDER)[: -len(".html")]
            PAGES[sid] = {"browser": render(path, True), "stripped": render(path, False)}
MODES = ("browser", "stripped")

errors = []


def err(m):
    errors.append(m)
    print("FAIL:", m)


def ok(m):
    print("ok  ", m)


# every page has an X.en id and an identical X id
for sid in sorted(PAGES):
    if sid.endswith(".en"):
        twin = sid[:-3]
        if twin not in PAGES or PAGES[twin] != PAGES[sid]:
            err(f"page {sid} has no identical twin id {twin}")
print(f"corpus: {len(PAGES)} source ids ({len([s for s in PAGES if s.endswith('.en')])} pages) in {FOLDER}")

SENT_BREAK = re.compile(r"[.!?][\"'\u201d)\]]*\s+[\"'\u201c(]*[A-Z]")
assert SENT_BREAK.search("the cowboy. Sarge") and SENT_BREAK.search('toys." The') \
    and not SENT_BREAK.search("the Etch (Debian 4.0) release") and not SENT_BREAK.search("(i.e. bullseye)")

# anchored pattern of each question -> (bare value as written in the FAQ, other answers it must accept,
#                                        answers it must reject)
BARE = {
    "faq-toy-story-names-who": ("Bruce Perens", ["Bruce Perens."], ["Ian Murdock"]),
    "faq-doc-maintainer-who": ("Javier Fernandez-Sanguino", ["Javier Fernández-Sanguino Peña"], ["Josip Rodin", "Santiago Vila"]),
    "faq-info-designer-who": ("Richard Stallman", ["Richard M. Stallman", "Richard Stallman (RMS)"], ["Linus Torvalds"]),
    "faq-project-start-when": ("1993", ["in 1993", "1993."], ["1996", "19930"]),
    "faq-runlevels-count": ("7 runlevels", ["7", "seven"], ["6", "70"]),
    "faq-hardening-count": ("around 400 packages", ["400", "about 400"], ["4000", "2006"]),
    "faq-init-default": None,  # placeholder, replaced below (id is init-system-default)
    "faq-init-system-default": ("systemd", ["systemd."], ["sysvinit", "systemd-shim"]),
    "faq-desktop-default": ("GNOME desktop", ["GNOME", "Gnome desktop environment"], ["KDE", "Xfce"]),
    "faq-m68k-dropped-version": ("Etch (Debian 4.0)", ["Etch", "Debian 4.0", "4.0 (Etch)", "Debian 4.0 Etch"],
                                 ["Squeeze (Debian 6.0)", "4.01", "Sarge"]),
    "faq-woody-version": ("3.0", ["Debian 3.0", "release 3.0"], ["3.1", "13.0", "3.01"]),
    "faq-hold-package-howto": ("apt-mark hold package_name", ["apt-mark hold foo", "sudo apt-mark hold nginx"],
                               ["apt-mark unhold foo"]),
    "faq-file-owner-howto": ("dpkg --search foo", ["dpkg -S /usr/bin/foo", "apt-file search foo", "dlocate -S foo"],
                             ["dpkg --listfiles foo"]),
    "faq-custom-kernel-howto": ("make deb-pkg", ["`make deb-pkg`"], ["make-kpkg", "make bindeb-pkg"]),
    "faq-window-manager-howto": ("update-alternatives --config x-window-manager",
                                 ["sudo update-alternatives --config x-window-manager"],
                                 ["update-alternatives --display x-window-manager"]),
    "faq-apt-abbr": ("Advanced Package Tool", ["the Advanced Packaging Tool"], ["A Package Tool"]),
    "faq-spi-abbr": ("Software in the Public Interest", ["Software in the Public Interest, Inc."], ["Software Public Interest"]),
    "faq-sell-cds-yesno": ("Go ahead", ["Yes", "Yes, go ahead"], ["No", "yesterday"]),
    "faq-stable-new-features-yesno": ("No", ["No.", "No, only security updates"], ["Yes", "not really", "nope"]),
    "faq-usr-local-where": ("/usr/local/", ["/usr/local", "under /usr/local", "/usr/local/src/"], ["/usr/bin", "/opt"]),
    "faq-build-essential-which": ("build-essential", ["build-essential package"], ["build-essentials", "dpkg-dev"]),
}
del BARE["faq-init-default"]

KINDS = {"definition", "who", "when", "count", "which", "where", "yes-no", "default", "version", "howto",
         "abbr", "origin", "nearmiss"}

qs = [json.loads(l) for l in open(os.path.join(HERE, "debian-faq.jsonl"), encoding="utf-8") if l.strip()]
if len(qs) != 30:
    err(f"expected 30 questions, got {len(qs)}")
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for q in qs:
    for f in ("id", "question", "answerable", "expect", "sources", "kind"):
        if f not in q:
            err(f"{q.get('id')}: missing field {f}")
    if not q["id"].startswith("faq-"):
        err(f"{q['id']}: id not prefixed faq-")
    if q["kind"] not in KINDS:
        err(f"{q['id']}: unknown kind {q['kind']}")
    if (q["kind"] == "nearmiss") == q["answerable"]:
        err(f"{q['id']}: kind/answerable mismatch")

ans = [q for q in qs if q["answerable"]]
nm = [q for q in qs if not q["answerable"]]
if len(ans) != 25 or len(nm) != 5:
    err(f"expected 25 answerable + 5 near-miss, got {len(ans)} + {len(nm)}")
kinds = Counter(q["kind"] for q in qs)
if max(kinds.values()) > 6:
    err(f"a kind has more than 6 questions: {kinds}")
if len(kinds) < 7:
    err(f"fewer than 7 kinds: {kinds}")
pages_used = {s[:-3] for q in ans for s in q["sources"] if s.endswith(".en")}
if len(pages_used) < 10:
    err(f"fewer than 10 pages: {sorted(pages_used)}")

js_sentence = []  # (qid, pattern, sorted list of ids it must match)
js_anchored = []  # (qid, pattern, accept list, reject list)
for q in ans:
    qid, src = q["id"], q["sources"]
    if not q["expect"]:
        err(f"{qid}: empty expect")
    # sources: both ids per page, all existing
    for sid in src:
        if sid not in PAGES:
            err(f"{qid}: unknown source id {sid}")
    pages = {s[:-3] for s in src if s.endswith(".en")}
    if sorted(src) != sorted([p + ".en" for p in pages] + list(pages)):
        err(f"{qid}: sources must list both ids (X.en and X) of each page: {src}")
    matched_pages = set()
    anchored = [p for p in q["expect"] if p.startswith("^")]
    if len(anchored) > 1:
        err(f"{qid}: more than one anchored pattern")
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
            if not any(value.lower() in PAGES[s]["browser"].lower() for s in src):
                err(f"{qid}: bare value {value!r} not in the text of {sorted(pages)}")
            js_anchored.append((qid, p, [value] + accept, reject))
            ok(f"{qid}: anchored {p}  <- {value!r}")
            continue
        for mode in MODES:
            hits = sorted(s for s in PAGES if rx.search(PAGES[s][mode]))
            if not hits:
                err(f"{qid}: [{mode}] pattern matches no page: {p}")
                continue
            stray = [s for s in hits if s not in src]
            if stray:
                err(f"{qid}: [{mode}] pattern also matches pages not in sources {stray}: {p}")
            for s in hits:
                if s in src:
                    matched_pages.add(s)
                    for m in rx.finditer(PAGES[s][mode]):
                        if SENT_BREAK.search(m.group(0)):
                            err(f"{qid}: [{mode}] pattern spans a sentence break in {s}: {m.group(0)!r}")
            if mode == "browser":
                js_sentence.append((qid, p, hits))
                span = rx.search(PAGES[hits[0]][mode]).group(0)
                ok(f"{qid}: [{','.join(h for h in hits if h.endswith('.en'))}] {span[:100]}")
    for s in src:
        if s not in matched_pages:
            err(f"{qid}: named page {s} is matched by none of its sentence patterns")

for q in nm:
    if q["expect"] or q["sources"]:
        err(f"{q['id']}: near-miss with expect or sources")


# ---------------- near-miss absence checks (the greps of NOTES.md, re-run on the browser text)
def T(page):
    return PAGES[page]["browser"]


ALL = {s: T(s) for s in PAGES if s.endswith(".en")}
ALLTEXT = " ".join(ALL.values())


def sentences(text):
    return re.split(r"(?<=[.!?])\s+(?=[\"'\u201c(]*[A-Z])", text)


def sentences_with(word):
    return [x for t in ALL.values() for x in sentences(t) if re.search(word, x, re.I)]


def check(qid, cond, why):
    if cond:
        ok(f"{qid}: {why}")
    else:
        err(f"{qid}: {why}")


# 1. security support duration: the FAQ talks about security support/updates but gives no duration
qid = "faq-security-support-years-nearmiss"
sec = sentences_with(r"security (support|updates?)")
check(qid, len(sec) >= 6, f"{len(sec)} sentences mention security support/updates")
DUR = re.compile(r"\b\d+\s*(years?|months?)\b|\b(one|two|three|four|five|six|seven|eight|nine|ten)\s+(years?|months?)\b"
                 r"|\bLTS\b|long[- ]term|end[- ]of[- ]life|\bEOL\b", re.I)
check(qid, not [x for x in sec if DUR.search(x)], "no sentence mentioning security support/updates gives a duration")
years = sorted(set(m.group(0).lower() for m in re.finditer(r"\S+\s+years?\b", ALLTEXT, re.I)))
check(qid, years == ["1 year", "several years", "so years"],
      f"the only 'year(s)' phrases are the release gap, the sid footnote and 'years ago': {years}")
check(qid, not re.search(r"\bLTS\b|long[- ]term support|\b(three|five|3|5)\s+years\b", ALLTEXT, re.I),
      "no LTS / long-term support / three or five years anywhere")

# 2. apt-cacher's port: apt-cacher is described (uptodate, 9.6) but no port is given anywhere
qid = "faq-apt-cacher-port-nearmiss"
pg = [s for s in ALL if re.search(r"apt-cacher", ALL[s])]
check(qid, pg == ["uptodate.en"], f"apt-cacher is mentioned only in uptodate: {pg}")
sec96 = T("uptodate.en").split("9.6. I have several machines")[-1]
check(qid, "apt-cacher" in sec96 and "proxy" in sec96, "section 9.6 describes apt-cacher as a proxy")
check(qid, not re.search(r"\bports?\b|\b\d{4,5}\b", sec96, re.I), "section 9.6 has no 'port' and no 4-5 digit number")
check(qid, not re.search(r"3142|\bport\s+\d|:\d{2,5}\b(?!:)", ALLTEXT.replace("18:10:3", ""), re.I),
      "no 3142, 'port N' or ':NNNN' anywhere (dpkg.log times aside)")

# 3. POSIX.1 certification cost: 'cost real money' / 'quite expensive' but no amount
qid = "faq-posix-cert-cost-nearmiss"
costs = sentences_with(r"\bcosts?\b|expensive|\bprice\b|\bfees?\b")
check(qid, any("quite expensive" in x for x in costs), "the FAQ says POSIX.1 certification is 'quite expensive'")
check(qid, not re.search(r"\$\s*\d|\d\s*\$|dollars?|\bUSD\b|\bEUR\b|euros?|\u20ac|\u00a3|pounds", ALLTEXT, re.I),
      "no currency amount anywhere ($ occurs only as a shell prompt)")
stripped = [re.sub(r"POSIX\.1|1003\.1-1990|151-2", "", x) for x in costs]
check(qid, not [x for x in stripped if re.search(r"\d", x)],
      "sentences about cost/expense/price/fees hold no number besides POSIX.1, 1003.1-1990, FIPS 151-2")

# 4. disk space for a full mirror: the FAQ points to the mirror size page, gives no size
qid = "faq-mirror-disk-space-nearmiss"
check(qid, "Please visit the Debian mirror size page for information on the disk space requirements" in T("contributing.en"),
      "contributing 13.2 refers to the 'Debian mirror size' page for the disk space requirements")
check(qid, not re.search(r"\d\s*(kB|KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB)\b|(kilo|mega|giga|tera|peta)bytes?", ALLTEXT, re.I),
      "no size in kB/MB/GB/TB (or spelled out) anywhere")
mir = sentences_with(r"\bmirror")
check(qid, not [x for x in mir if re.search(r"\d", re.sub(r"\d+(\.\d+)*\.\s", "", x))
                and re.search(r"space|size|disk|byte", x, re.I)],
      "no sentence about mirrors and space/size/disk holds a number")

# 5. bookworm's release date: bookworm is the 'testing' / Debian 12 of the FAQ; no date given
qid = "faq-bookworm-release-date-nearmiss"
bw = sentences_with(r"bookworm")
check(qid, len(bw) >= 10, f"{len(bw)} sentences mention bookworm")
MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
check(qid, not [x for x in bw if re.search(r"\b(19|20)\d\d\b|\b(" + MONTHS + r")\b", x)],
      "no sentence mentioning bookworm holds a year or a month name")
check(qid, not re.search(r"\b202[2-9]\b", ALLTEXT), "no year 2022 or later anywhere")
check(qid, "bookworm (Debian 12) was a green toy worm" in T("ftparchives.en"),
      "bookworm occurs as Debian 12 / the Toy Story worm only")

# ---------------- JavaScript
node = shutil.which("node")
if not node:
    err("node not found: JavaScript checks not run")
else:
    texts = {s: PAGES[s]["browser"] for s in PAGES}
    js = r"""
const fs = require('fs');
const [sent, anch, texts] = JSON.parse(fs.readFileSync(0, 'utf8'));
let bad = 0, n = 0;
for (const [qid, p, want] of sent) {
  n++;
  let rx;
  try { rx = new RegExp(p, 'i'); } catch (e) { bad++; console.log('JS FAIL compile', qid, p, e.message); continue; }
  const got = Object.keys(texts).filter(s => rx.test(texts[s])).sort();
  if (JSON.stringify(got) !== JSON.stringify(want)) { bad++; console.log('JS FAIL', qid, p, got, want); }
}
for (const [qid, p, acc, rej] of anch) {
  n++;
  let rx;
  try { rx = new RegExp(p, 'i'); } catch (e) { bad++; console.log('JS FAIL compile', qid, p, e.message); continue; }
  for (const v of acc) if (!rx.test(v)) { bad++; console.log('JS FAIL anchored', qid, p, 'no match', v); }
  for (const v of rej) if (rx.test(v)) { bad++; console.log('JS FAIL anchored', qid, p, 'wrongly matches', v); }
}
console.log(`js: ${n - bad}/${n} patterns compile and match the same pages/values as Python`);
process.exit(bad ? 1 : 0);
"""
    r = subprocess.run([node, "-e", js], input=json.dumps([js_sentence, js_anchored, texts]),
                       capture_output=True, text=True)
    print(r.stdout.strip(), r.stderr.strip())
    if r.returncode:
        err("JavaScript check failed")

print("kinds:", dict(sorted(kinds.items())))
print("pages:", len(pages_used), sorted(pages_used))
print("answerable:", len(ans), "near-miss:", len(nm))
if errors:
    print(f"{len(errors)} FAILED")
    sys.exit(1)
print("ALL OK")
