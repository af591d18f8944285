#!/usr/bin/env python3
"""Check lxd-doc.jsonl against the LXD 5.0.2 documentation (Markdown/MyST) of Debian 12's lxd package.

Usage: python3 verify.py [FOLDER]
  FOLDER is the indexed folder made by corpora.json's install step (DIR/lxd-doc: every *.md of
  /usr/share/doc/lxd, the .md.gz ones gunzipped). Without it, the same folder is built in a temporary
  directory straight from /usr/share/doc/lxd (apt-get install -y lxd).

A source id is the path under FOLDER without the final ".md" (faq, howto/network_acls, ...).
Two renderings of each file are checked:
  "raw"      - the Markdown file as it is (MyST roles, link targets, backticks, tables, comments);
  "rendered" - a crude Markdown-to-text: HTML comments dropped, [text](url) -> text, {role}`x` -> x,
               {ref}`text <label>` -> text, backticks, emphasis stars and heading marks removed,
               white space collapsed.
Every sentence pattern must pass in both.

Checks:
  * the corpus is the expected one (116 .md files, md5 of their sorted concatenation);
  * 30 questions, unique ids prefixed lxd-, required fields, known kinds, 25 answerable / 5 near-miss,
    no kind above 5, at least 8 answer kinds, at least 12 different pages, style counts;
  * every pattern compiles in Python (re.IGNORECASE) and in JavaScript (node, RegExp 'i');
  * every sentence pattern (not starting with ^) matches at least one named page, matches no page that
    is not named, never spans a sentence break ([.!?] + space + capital) nor, in the raw file, a
    paragraph/list/table/heading break; every named page is matched by at least one sentence pattern;
  * every anchored pattern (^...) matches its bare value (BARE below) and other phrasings, rejects
    wrong values, and the bare value occurs in a named page;
  * the same matches are re-run with JavaScript RegExp on the same texts;
  * near-misses have no expect/sources, and the absence checks of NOTES.md still hold.
"""
import gzip, hashlib, json, os, re, shutil, subprocess, sys, tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(m):
    errors.append(m)
    print("FAIL:", m)


def ok(m):
    print("ok  ", m)


if len(sys.argv) > 1:
    FOLDER = sys.argv[1]
else:  # build DIR/lxd-doc as the install step does
    src = "/usr/share/doc/lxd"
    if not os.path.isdir(src):
        sys.exit("no /usr/share/doc/lxd: apt-get install -y lxd, or pass the folder")
    FOLDER = os.path.join(tempfile.mkdtemp(), "lxd-doc")
    for root, _, files in os.walk(src):
        for f in files:
            p = os.path.join(root, f)
            rel = os.path.relpath(p, src)
            if f.endswith(".md"):
                data = open(p, "rb").read()
            elif f.endswith(".md.gz"):
                data, rel = gzip.open(p).read(), rel[:-3]
            else:
                continue
            os.makedirs(os.path.dirname(os.path.join(FOLDER, rel)), exist_ok=True)
            open(os.path.join(FOLDER, rel), "wb").write(data)


def render(t):
    t = re.sub(r"<!--.*?-->", " ", t, flags=re.S)
    t = re.sub(r"\{[\w:-]+\}`([^`<]*?)\s*<[^>`]*>`", r"\1", t)   # {ref}`text <label>`
    t = re.sub(r"\{[\w:-]+\}`([^`]*)`", r"\1", t)                 # {abbr}`X (Y)`, {ref}`label`
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", t)              # links and images
    t = t.replace("`", "")
    t = re.sub(r"\*+", "", t)
    t = re.sub(r"(?m)^\s*#+\s*", "", t)
    return re.sub(r"\s+", " ", t).strip()


PAGES, blobs = {}, []
for root, _, files in os.walk(FOLDER):
    for f in files:
        if f.endswith(".md"):
            p = os.path.join(root, f)
            sid = os.path.relpath(p, FOLDER)[:-3]
            raw = open(p, encoding="utf-8").read()
            PAGES[sid] = {"raw": raw, "rendered": render(raw)}
for sid in sorted(PAGES):
    blobs.append(PAGES[sid]["raw"])
md5 = hashlib.md5("".join(blobs).encode()).hexdigest()
size = sum(len(b.encode()) for b in blobs)
print(f"corpus: {len(PAGES)} .md files, {size} bytes, md5 {md5} in {FOLDER}")
if len(PAGES) != 116:
    err(f"expected 116 .md files, got {len(PAGES)}")
EXPECTED_MD5 = "9c6a6c943604dc3b06ddaf04e6af44ad"
if EXPECTED_MD5 != "__MD5__" and md5 != EXPECTED_MD5:
    err(f"corpus md5 {md5} != {EXPECTED_MD5}")
MODES = ("raw", "rendered")

SENT_BREAK = re.compile(r"[.!?][\"'\u201d)\]*`]*\s+[\"'\u201c(*`]*[A-Z]")
assert SENT_BREAK.search("the host. LXD") and not SENT_BREAK.search("(e.g. `/var/lib/lxd`") \
    and not SENT_BREAK.search("cluster.max_voters is")


def block_break(span):  # raw text only: a match may run over a line break, but not into a new block
    lines = span.split("\n")
    for nxt in lines[1:]:
        if not nxt.strip() or re.match(r"\s*([-*+>#|]|\d+\.\s|```|:)", nxt) or "|" in nxt:
            return True
    return False


# anchored pattern of each question -> (bare value as the documentation writes it, other answers it must
#                                        accept, answers it must reject)
BARE = {
    "lxd-sponsor-who": ("Canonical Ltd", ["Canonical", "Canonical Ltd."], ["Ubuntu", "Linux Containers"]),
    "lxd-local-access-who": ("root user and all members of the lxd group",
                             ["root and the lxd group", "The root user and members of the lxd group",
                              "root + lxd group members"],
                             ["root", "members of the sudo group", "anyone"]),
    "lxd-netplan-warning-when": ("2019-03-05", ["March 5, 2019", "on 5 March 2019", "Mar 5th 2019"],
                                 ["2019-05-03", "2021", "March 2019"]),
    "lxd-vendor-data-when": ("first boot", ["only on first boot", "on the first boot only", "First boot."],
                             ["every boot", "on every start"]),
    "lxd-min-kernel-version": ("5.4", ["kernel 5.4", "Linux 5.4 or newer", "5.4.0"], ["3.12", "5.40", "4.5", "5.15"]),
    "lxd-vm-support-version": ("4.0", ["LXD 4.0", "since version 4.0", "version 4.0 of LXD"], ["3.0", "4.01", "14.0", "5.0"]),
    "lxd-tls-version": ("TLS 1.2", ["1.2", "TLSv1.2", "TLS 1.2 or better"], ["TLS 1.3", "1.25", "SSLv3", "TLS 1.1"]),
    "lxd-metrics-cache-count": ("8s", ["8", "8 seconds", "eight seconds", "for 8s"], ["80s", "18s", "5 seconds"]),
    "lxd-cluster-voters-count": ("three", ["3", "3 voters", "three voting members"], ["5", "2", "13", "three standby"]),
    "lxd-offline-threshold-default": ("20 seconds", ["20", "20s", "after 20 seconds", "twenty seconds"],
                                      ["10 seconds", "200", "20 minutes"]),
    "lxd-image-cache-expiry-default": ("10", ["10 days", "ten days", "after 10 days"], ["100", "6", "10 hours"]),
    "lxd-acl-unmatched-default": ("reject", ["rejected", "They are rejected", "it's rejected by default"],
                                  ["allowed", "accepted", "drop", "rejects nothing"]),
    "lxd-docker-nesting-howto": ("security.nesting true", ["security.nesting=true",
                                 "lxc config set mycontainer security.nesting true"],
                                 ["security.privileged=true", "security.nesting=false"]),
    "lxd-disaster-recover-howto": ("lxd recover", ["sudo lxd recover", "`lxd recover`"], ["lxc recover", "lxd import", "lxc import"]),
    "lxd-mitm-abbr": ("Machine in the middle", ["machine-in-the-middle", "a machine in the middle attack"],
                      ["man in the middle", "Man-in-the-middle"]),
    "lxd-nic-abbr": ("Network Interface Controller", ["network interface controller"],
                     ["Network Information Center", "network interface card"]),
    "lxd-readonly-role-which": ("auditor", ["the auditor role", "Auditor"], ["user", "operator", "admin"]),
    "lxd-template-format-which": ("Pongo2", ["Pongo2 templates", "Pongo2-formatted"], ["Jinja2", "Go templates", "Pongo"]),
    "lxd-full-backup-where": ("/var/lib/lxd", ["/var/lib/lxd/", "the entire /var/lib/lxd directory", "`/var/lib/lxd`"],
                              ["/var/snap/lxd/common/lxd", "/etc/lxd", "/var/lib/lxc"]),
    "lxd-devlxd-socket-where": ("/dev/lxd/sock", ["at /dev/lxd/sock", "`/dev/lxd/sock`"],
                                ["/var/lib/lxd/devlxd/sock", "/var/lib/lxd/unix.socket"]),
    "lxd-kernel-modules-yesno": ("No", ["No.", "No, LXD containers cannot load kernel modules"], ["Yes", "not really", "nope"]),
    "lxd-zfs-compression-yesno": ("Yes", ["Yes.", "yes, compression is enabled by default"], ["No", "yesterday"]),
    "lxd-uid-range-origin": ("/etc/subuid and /etc/subgid", ["from /etc/subuid & /etc/subgid", "/etc/subuid, /etc/subgid"],
                             ["/etc/passwd", "/etc/subuid", "/etc/group and /etc/passwd"]),
}
# bare values that the page writes in another form (the check looks for this text instead)
IN_PAGE = {"lxd-local-access-who": "members of the `lxd` group", "lxd-acl-unmatched-default": "reject",
           "lxd-kernel-modules-yesno": "cannot load kernel modules", "lxd-zfs-compression-yesno": "enables compression",
           "lxd-uid-range-origin": "/etc/subuid` and `/etc/subgid", "lxd-offline-threshold-default": "20 seconds"}

KINDS = {"definition", "who", "when", "count", "which", "where", "yes-no", "default", "version", "howto",
         "abbr", "origin", "nearmiss"}

qs = [json.loads(l) for l in open(os.path.join(HERE, "lxd-doc.jsonl"), encoding="utf-8") if l.strip()]
if len(qs) != 30:
    err(f"expected 30 questions, got {len(qs)}")
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for q in qs:
    for f in ("id", "question", "answerable", "expect", "sources", "kind"):
        if f not in q:
            err(f"{q.get('id')}: missing field {f}")
    if not q["id"].startswith("lxd-"):
        err(f"{q['id']}: id not prefixed lxd-")
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
if max(akinds.values()) > 5:
    err(f"an answer kind has more than 5 questions: {akinds}")
if len(akinds) < 8:
    err(f"fewer than 8 answer kinds: {akinds}")
pages_used = {s for q in ans for s in q["sources"]}
if len(pages_used) < 12:
    err(f"fewer than 12 pages: {sorted(pages_used)}")
lower = [q["id"] for q in qs if q["question"] == q["question"].lower()]
print(f"style: {len(lower)} of 30 questions entirely lowercase")
TYPOS = {"lxd-metrics-cache-count": "promethues", "lxd-template-format-which": "templeting",
         "lxd-zfs-compression-yesno": "compresion", "lxd-unprivileged-definition": "unpriviledged"}
for qid, typo in TYPOS.items():
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or typo not in q["question"]:
        err(f"{qid}: deliberate typo {typo!r} missing")
    elif any(typo in PAGES[s]["raw"].lower() for s in PAGES):
        err(f"{qid}: typo {typo!r} occurs in the corpus")

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
            if not any(needle in PAGES[s]["raw"].lower() for s in src if s in PAGES):
                err(f"{qid}: bare value {needle!r} not in the text of {src}")
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
                    matched.add(s)
                    for m in rx.finditer(PAGES[s][mode]):
                        span = m.group(0)
                        if SENT_BREAK.search(re.sub(r"\s+", " ", span)):
                            err(f"{qid}: [{mode}] pattern spans a sentence break in {s}: {span!r}")
                        if mode == "raw" and block_break(span):
                            err(f"{qid}: [raw] pattern spans a block break in {s}: {span!r}")
            js_sentence.append((qid, p, mode, hits))
            span = re.sub(r"\s+", " ", rx.search(PAGES[hits[0]][mode]).group(0))
            ok(f"{qid}: [{mode}] [{','.join(hits)}] {span[:110]}")
    for s in src:
        if s not in matched:
            err(f"{qid}: named page {s} is matched by none of its sentence patterns")

for q in nm:
    if q["expect"] or q["sources"]:
        err(f"{q['id']}: near-miss with expect or sources")


# ---------------- near-miss absence checks (the greps of NOTES.md, re-run on the raw files)
ALL = {s: PAGES[s]["raw"] for s in PAGES}
ALLTEXT = "\n".join(ALL.values())


def sentences(text):
    # sentences, paragraphs, list items, headings, and each table row on its own
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[\"'\u201c(`*]*[A-Z])|\n\s*\n|\n(?=\s*[-*|#])|\n(?=[^\n]*\|)", text)
            if x and x.strip()]


def sentences_with(word):
    return [x for t in ALL.values() for x in sentences(t) if re.search(word, x, re.I)]


def check(qid, cond, why):
    (ok if cond else err)(f"{qid}: {why}")


NUMWORD = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"

# 1. years of support for an LTS release: the "Supported versions" section only includes SECURITY.md, which
#    the package does not ship; no LTS duration anywhere
qid = "lxd-lts-support-years-nearmiss"
sec = ALL["explanation/security"]
part = sec[sec.index("## Supported versions"):sec.index("## Access to the LXD daemon")]
prose = [l for l in part.splitlines()[1:] if l.strip() and not l.startswith(("%", "```", "    :"))]
check(qid, prose == ["Never use unsupported LXD versions in a production environment."],
      f"the 'Supported versions' section holds one sentence besides its include of ../../SECURITY.md: {prose}")
check(qid, not any(os.path.basename(s) == "SECURITY" for s in PAGES), "no SECURITY.md in the corpus")
lts = sorted(set(m.group(0) for m in re.finditer(r".{0,20}\bLTS\b.{0,10}", ALLTEXT)))
check(qid, len(lts) == 1 and "Ubuntu 22.04 LTS" in lts[0], f"'LTS' occurs only in 'Ubuntu 22.04 LTS' (image example): {lts}")
yrs = sorted(set(m.group(0).lower() for m in re.finditer(NUMWORD + r"\s+years?\b", ALLTEXT, re.I)))
check(qid, yrs == ["6 years", "ten years"],
      f"the only 'N years' are the snapshot-expiry syntax (api-extensions) and the cluster certificate's expiry: {yrs}")
check(qid, not re.search(r"long[- ]term|end[- ]of[- ]life|\bEOL\b", ALLTEXT, re.I), "no long-term / end-of-life / EOL")
sup = sentences_with(r"\bsupport(ed)?\b")
check(qid, not [x for x in sup if re.search(NUMWORD + r"\s+(years?|months?)", x, re.I)],
      f"none of the {len(sup)} sentences about support gives a duration in years or months")

# 2. first release year: no year is tied to a release of LXD
qid = "lxd-first-release-year-nearmiss"
years = Counter(m.group(0) for m in re.finditer(r"(?<![\d.:-])(19|20)\d\d(?![\d])", ALLTEXT))
print("     years in the corpus:", dict(sorted(years.items())))
ysent = [x for x in sentences(ALLTEXT) if re.search(r"(?<![\d.:-])(19|20)\d\d(?!\d)", x)]
check(qid, not [x for x in ysent if re.search(r"\b(release[ds]?|launch(ed)?|first|introduc\w+|announc\w+|created|born|started)\b", x, re.I)
                and re.search(r"\bLXD\b", x) and not re.search(r"created_at|\"timestamp\"", x)],
      "no sentence with a year speaks of LXD being released, launched, introduced, announced, created or started")
rel = sentences_with(r"\b(first|initial)\s+(release|version)\b")
check(qid, not [x for x in rel if re.search(r"(19|20)\d\d", x)], f"'first/initial release/version' never comes with a year: {len(rel)} sentences")

# 3. price of commercial support: support.md only includes README.md's support section (not shipped)
qid = "lxd-support-price-nearmiss"
sup_page = [l for l in ALL["support"].splitlines() if l.strip() and not l.startswith(("%", "```", "    :", "#"))]
check(qid, sup_page == ["You can find information and ask for user support through the following channels."],
      f"support.md has one sentence and an include of ../README.md's support section: {sup_page}")
check(qid, not re.search(r"\$\s?\d|\d\s?\$|\bdollars?\b|\bUSD\b|\bEUR\b|\beuros?\b|\u20ac|\u00a3|\bGBP\b", ALLTEXT, re.I),
      "no currency amount anywhere")
check(qid, not re.search(r"\b(price[sd]?|pricing|costs?|fees?|subscriptions?|Ubuntu Pro|Ubuntu Advantage|commercial)\b", ALLTEXT, re.I),
      "no price/pricing/cost/fee/subscription/Ubuntu Pro/commercial anywhere")

# 4. default port of the built-in DNS server: core.dns_address has no default, no port 53 anywhere
qid = "lxd-dns-server-port-nearmiss"
row = [l for l in ALL["server"].splitlines() if l.startswith("`core.dns_address`")]
check(qid, len(row) == 1 and re.search(r"\|\s*-\s*\|\s*Address to bind the authoritative DNS server to", row[0]),
      "server.md: core.dns_address has default '-' ('Address to bind the authoritative DNS server to')")
check(qid, not re.search(r"(?<![\d.:/-])53(?![\d.])", ALLTEXT), "the number 53 occurs nowhere")
dns = sentences_with(r"\bDNS server\b")
check(qid, not [x for x in dns if re.search(r"\bport\b|:\d{2,5}\b", x, re.I)],
      f"none of the {len(dns)} sentences about the DNS server names a port")

# 5. default ASN of the BGP server: core.bgp_asn has no default; the only ASN is an example value
qid = "lxd-bgp-asn-default-nearmiss"
row = [l for l in ALL["server"].splitlines() if l.startswith("`core.bgp_asn`")]
check(qid, len(row) == 1 and re.search(r"\|\s*-\s*\|\s*The BGP Autonomous System Number", row[0]),
      "server.md: core.bgp_asn has default '-'")
asn = [(s, l.strip()) for s, t in ALL.items() for l in t.splitlines() if re.search(r"bgp_asn\W+\d|\basn\W+\d", l, re.I)]
check(qid, asn == [("howto/network_bgp", "lxc config set core.bgp_asn=65536")],
      f"the only ASN value anywhere is the example command in howto/network_bgp: {asn}")
asents = sentences_with(r"\bASN\b|Autonomous System|\bAS number")
check(qid, not [x for x in asents if re.search(r"default", x, re.I) and re.search(r"\d{2,}", x)],
      f"none of the {len(asents)} sentences about the ASN gives a default number")

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
