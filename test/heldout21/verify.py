#!/usr/bin/env python3
"""Check postfix-docs.jsonl against the Postfix 3.7 HTML documentation of Debian 12's postfix-doc package.

Usage: python3 verify.py [FOLDER]
  FOLDER is the indexed folder (default /usr/share/doc/postfix/html, installed by
  apt-get install -y --no-install-recommends postfix-doc). Every file ending in .html is read (the folder also holds
  postfix-logo.jpg and postfix-power.png, which are not text). A source id is the file name without ".html"
  (postconf.5, TLS_README, postqueue.1).

Three renderings of each file are used:
  "text"   - what a browser shows: <head>, scripts, styles and comments removed, block tags (p, li, div, h1-h6,
             dt, dd, tr, td, th, br, hr, pre, blockquote, ...) -> a paragraph break, other (inline) tags removed,
             entities decoded, white space collapsed;
  "spaced" - a crude tag stripper: every tag -> a space, entities decoded, white space collapsed;
  "blocks" - the "text" rendering with its paragraph breaks kept as "\n\n" (inside the one <pre> block of a manual
             page, the blank lines between man-page paragraphs also count as breaks), used to check that a match
             stays inside one block.
Every sentence pattern must match the same files in "text" and "spaced".

Checks:
  * the corpus is the expected one (136 .html files: 76 manual pages that are one <pre> block each, postconf.5,
    55 *_README guides, INSTALL, OVERVIEW, index, postfix-manuals; size and md5 of the files in sorted order);
  * 30 questions, unique ids prefixed pf-, required fields, known kinds, 25 answerable / 5 near-miss, the kind mix,
    style (lowercase, chatty, the deliberate typos absent from the corpus, no two content words of a heading or of
    a main.cf parameter name in a row, no give-away words), at least 6 answers stated only in manual pages;
  * every pattern compiles in Python (re.IGNORECASE) and in JavaScript (node, RegExp 'i');
  * every sentence pattern (not starting with ^) matches at least one named file, matches no file that is not
    named, never spans a sentence break ([.!?] + space + capital) nor a block break; every named file is matched by
    at least one sentence pattern of its question;
  * every anchored pattern (^...$) matches its bare value (BARE below) and other phrasings, rejects wrong values,
    and the bare value (or its in-file form, IN_PAGE) occurs in the text of a named file;
  * the same matches are re-run with JavaScript RegExp on the same texts;
  * near-misses have no expect/sources, and the absence checks below hold (with their decoys present).
"""
import hashlib, html, json, os, re, shutil, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/doc/postfix/html"
errors = []


def err(m):
    errors.append(m)
    print("FAIL:", m)


def ok(m):
    print("ok  ", m)


if not os.path.isdir(FOLDER):
    sys.exit(f"no {FOLDER}: apt-get install -y --no-install-recommends postfix-doc, or pass the folder")

BLOCK = r"p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|br|hr|pre|blockquote|body|html|title"
STRIP = r"(?is)<head\b.*?</head>|<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->"


def render_blocks(src):
    t = re.sub(STRIP, "", src)
    t = re.sub(r"(?is)</?(?:%s)\b[^>]*>" % BLOCK, "\n\n", t)
    t = re.sub(r"(?s)<[^>]*>", "", t)
    t = html.unescape(t)
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", t)]
    return "\n\n".join(p for p in paras if p)


def render_spaced(src):
    src = re.sub(STRIP, "", src)
    src = html.unescape(re.sub(r"(?s)<[^>]*>", " ", src))
    return re.sub(r"\s+", " ", src).strip()


PAGES, blobs, HEADINGS, PARAMS, MANPAGES = {}, [], [], [], set()
for f in sorted(os.listdir(FOLDER)):
    if not f.endswith(".html"):
        continue
    data = open(os.path.join(FOLDER, f), "rb").read()
    blobs.append(data)
    src = data.decode("utf-8")
    sid = f[:-5]
    blocks = render_blocks(src)
    PAGES[sid] = {"blocks": blocks, "text": re.sub(r"\s+", " ", blocks).strip(), "spaced": render_spaced(src)}
    if len(re.findall(r"(?i)<pre>", src)) == 1 and not re.search(r"(?i)<p>", src):
        MANPAGES.add(sid)
    for h in re.findall(r"(?is)<(?:h[1-4]|title)\b[^>]*>(.*?)</(?:h[1-4]|title)>", src):
        HEADINGS.append(re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", "", h))).strip())
    if sid == "postconf.5":
        PARAMS = sorted(set(re.findall(r'<DT><b><a name="([a-z0-9_]+)">', src)))
md5 = hashlib.md5(b"".join(blobs)).hexdigest()
size = sum(len(b) for b in blobs)
print(f"corpus: {len(PAGES)} .html files ({len(MANPAGES)} one-<pre> manual pages), {size} bytes, md5 {md5} in {FOLDER}")
EXPECTED_MD5, EXPECTED_SIZE = "3de49fbea4e710534fd45b52b6b80e02", 3587911
if len(PAGES) != 136 or len(MANPAGES) != 76 or md5 != EXPECTED_MD5 or size != EXPECTED_SIZE:
    err(f"corpus is not the expected postfix-doc 3.7.11-0+deb12u1 html folder (136 files, 76 manual pages, "
        f"{EXPECTED_SIZE} bytes, md5 {EXPECTED_MD5})")
if "postconf.5" in MANPAGES or "postmap.1" not in MANPAGES:
    err("manual-page detection is off")
MODES = ("text", "spaced")
# the block rendering keeps man-page paragraphs and README paragraphs apart
assert re.search(r"Options:\n\n-d queue_id", PAGES["postsuper.1"]["blocks"]) or \
    re.search(r"Options:\n\n", PAGES["postsuper.1"]["blocks"])
assert "\n\n" in PAGES["postconf.5"]["blocks"]
# man-page hyphenation survives as "word- word" (the patterns avoid such words)
assert "no further deliv- ery attempt" in PAGES["postqueue.1"]["text"]

SENT_BREAK = re.compile(r"[.!?][\"'\u201d)\]]*\s+[\"'\u201c(\[]*[A-Z]")
assert SENT_BREAK.search("to the sender. This parameter") and not SENT_BREAK.search("hold queue, i.e. no further") \
    and not SENT_BREAK.search("main.cf: # The")

# anchored pattern of each question -> (bare value as the docs write it, other answers it must accept,
#                                        answers it must reject)
BARE = {
    "pf-message-size-default": ("10240000", ["10240000 bytes", "10,240,000 bytes", "about 10240000"],
                                ["102400", "51200000", "10 MB", "50000", "10240000000"]),
    "pf-queue-lifetime-default": ("5d", ["5 days", "five days", "for 5 days", "5 day"],
                                  ["4000s", "3d", "1d", "5h", "15 days", "50d"]),
    "pf-bounce-size-default": ("50000", ["50000 bytes", "50,000 bytes", "up to 50000 bytes"],
                               ["10240000", "500000", "5000", "51200000"]),
    "pf-mailbox-cap-default": ("51200000", ["51200000 bytes", "51,200,000", "yes, 51200000 bytes"],
                               ["10240000", "0", "512000000", "no limit"]),
    "pf-soft-bounce-howto": ("soft_bounce = yes", ["soft_bounce", "set soft_bounce = yes",
                                                   "soft_bounce=yes in main.cf", "the soft_bounce parameter"],
                             ["smtp_sasl_auth_soft_bounce", "soft_bounce = no", "bounce_queue_lifetime",
                              "defer_transports"]),
    "pf-retry-one-howto": ("postqueue -i queue_id", ["postqueue -i", "-i queue_id", "sendmail -qI queueid",
                                                     "postqueue -i <queue_id>", "use postqueue -i"],
                           ["postqueue -f", "postqueue -s site", "postsuper -r queue_id", "sendmail -q",
                            "postfix flush", "postqueue -p"]),
    "pf-postcat-content-howto": ("-bh", ["postcat -bh", "postcat -q -bh queue_id", "postcat -bh -q", "postcat -hb"],
                                 ["postcat -beh", "postcat -e", "postcat -q", "sendmail -bh", "postcat -b"]),
    "pf-explicit-settings-howto": ("postconf -n", ["the postconf -n command", "run postconf -n"],
                                   ["postconf -d", "postconf -nf -d", "postconf", "postconf -M", "postfix check"]),
    "pf-bdat-off-howto": ("smtpd_discard_ehlo_keywords = chunking",
                          ["smtpd_discard_ehlo_keywords", "smtpd_discard_ehlo_keywords = chunking, silent-discard",
                           "set smtpd_discard_ehlo_keywords=chunking"],
                          ["smtpd_discard_ehlo_keyword_address_maps", "chunking", "smtpd_forbid_bare_newline = reject",
                           "smtpd_discard_ehlo_keywords = pipelining"]),
    "pf-mailq-bang-which": ("hold", ["the hold queue", "hold queue", "they are in the hold queue", "on hold"],
                            ["active", "the active queue", "deferred", "incoming queue", "forced to expire"]),
    "pf-submission-port-which": ("587", ["port 587", "TCP port 587", "587 (submission)", "port 587 submission"],
                                 ["25", "465", "port 465", "2525", "5870"]),
    "pf-eai-abbr": ("Email Address Internationalization", ["email address internationalisation"],
                    ["Extended Address Information", "Email Address", "SMTPUTF8"]),
    "pf-cidr-abbr": ("Classless Inter-Domain Routing", ["classless inter domain routing", "Classless InterDomain Routing"],
                     ["Classful Inter-Domain Routing", "Classless Routing", "Common Internet Domain Routing"]),
    "pf-verp-knobs-count": ("four", ["4", "four configuration parameters", "4 settings", "four main.cf parameters"],
                            ["three", "5", "two", "40"]),
    "pf-queueid-reuse-count": ("1 in 2**15", ["about 1 in 2**15", "one in 32768", "1 in 32,768", "1 in 2^15"],
                               ["1 in 2**16", "1 in 1000", "1 in 215", "2**15"]),
    "pf-qshape-top-count": ("20", ["20 domains", "top 20", "twenty", "the top 20 domains"],
                            ["5", "1000", "200", "17", "10 domains"]),
    "pf-postlog-version": ("3.4", ["Postfix 3.4", "postfix version 3.4", "since 3.4", "3.4 and later"],
                           ["3.7", "3.1", "2.4", "3.40", "13.4"]),
    "pf-unknown-local-version": ("2.0", ["Postfix 2.0", "as of Postfix version 2.0", "since 2.0"],
                                 ["1.1", "2.10", "2.1", "3.0", "12.0"]),
    "pf-dsn-version": ("2.3", ["Postfix 2.3", "postfix version 2.3", "since 2.3", "2.3 and later"],
                       ["2.2", "2.30", "3.3", "1.1", "12.3"]),
    "pf-qshape-author-who": ("Victor Duchovni", ["by Victor Duchovni", "Victor Duchovni of Morgan Stanley",
                                                 "Victor Duchovni (Morgan Stanley)"],
                             ["Wietse Venema", "Morgan Stanley", "Viktor Dukhovni", "Duchovni", "Patrik Rak"]),
    "pf-lmdb-driver-who": ("Howard Chu", ["by Howard Chu", "Howard Chu of Symas Corporation", "Howard Chu, Symas"],
                           ["Wietse Venema", "Symas Corporation", "Chu", "OpenLDAP"]),
    "pf-tls-origin-who": ("Lutz Jänicke", ["Lutz Jaenicke", "by Lutz Jänicke", "Lutz", "Lutz Janicke"],
                          ["Wietse Venema", "Victor Duchovni", "Viktor Dukhovni", "Jänicke", "Till Franke"]),
    "pf-postsuper-all-yesno": ("no", ["No, ALL must be upper case", "no - the word ALL must be in upper case",
                                      "No."],
                               ["yes", "Yes, it deletes everything", "not sure", "it depends"]),
}
IN_PAGE = {"pf-soft-bounce-howto": "soft_bounce = yes", "pf-retry-one-howto": "-i queue_id",
           "pf-queueid-reuse-count": "1 in 2**15", "pf-qshape-top-count": "20 domains",
           "pf-postsuper-all-yesno": "the word ALL must be specified in upper case",
           "pf-mailq-bang-which": "hold queue", "pf-postlog-version": "Postfix version 3.4",
           "pf-unknown-local-version": "Postfix version 2.0", "pf-dsn-version": "Postfix version 2.3",
           "pf-queue-lifetime-default": "maximal_queue_lifetime (default: 5d)",
           "pf-explicit-settings-howto": '"postconf -n"'}

KINDS = {"definition", "who", "when", "count", "which", "where", "yes-no", "default", "version", "howto",
         "abbr", "origin", "nearmiss"}

qs = [json.loads(l) for l in open(os.path.join(HERE, "postfix-docs.jsonl"), encoding="utf-8") if l.strip()]
if len(qs) != 30:
    err(f"expected 30 questions, got {len(qs)}")
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for q in qs:
    for f in ("id", "question", "answerable", "expect", "sources", "kind"):
        if f not in q:
            err(f"{q.get('id')}: missing field {f}")
    if not q["id"].startswith("pf-"):
        err(f"{q['id']}: id not prefixed pf-")
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
if max(akinds.values()) > 5 or akinds["default"] < 3 or akinds["howto"] < 3 or akinds["version"] < 2 \
        or akinds["who"] < 2 or akinds["count"] < 2 or akinds["yes-no"] != 1 or len(akinds) < 9:
    err(f"kind mix off: {dict(akinds)}")

# where the answers sit: manual pages (<pre>), postconf.5, README guides
man_only = [q["id"] for q in ans if all(s in MANPAGES for s in q["sources"])]
with_pc5 = [q["id"] for q in ans if "postconf.5" in q["sources"]]
with_readme = [q["id"] for q in ans if any(s.endswith("README") or s in ("OVERVIEW", "INSTALL") for s in q["sources"])]
print(f"where: {len(man_only)} answers only in manual pages {man_only}")
print(f"       {len(with_pc5)} answers stated in postconf.5, {len(with_readme)} in README guides")
if len(man_only) < 6:
    err("fewer than 6 answers stated only in manual pages")
if len(with_pc5) < 4 or len(with_readme) < 10:
    err("answers not spread over postconf.5 and the README guides")

# ---------------- style
lower = [q["id"] for q in qs if q["question"] == q["question"].lower()]
multi = [q["id"] for q in ans if len(q["sources"]) > 1]
print(f"style: {len(lower)} of 30 questions entirely lowercase; {len(multi)} answerable questions name more than one file")
if len(lower) < 25:
    err("fewer than 25 entirely lowercase questions")
CHATTY = ["pf-message-size-default", "pf-queue-lifetime-default", "pf-mailbox-cap-default", "pf-soft-bounce-howto",
          "pf-retry-one-howto", "pf-explicit-settings-howto", "pf-bdat-off-howto", "pf-mailq-bang-which",
          "pf-submission-port-which", "pf-backscatter-definition", "pf-eai-abbr", "pf-qshape-top-count",
          "pf-qshape-author-who", "pf-dsn-version", "pf-postsuper-all-yesno"]
for qid in CHATTY:  # context first: a clause (ending in . or ,) before the question itself
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or not re.match(r"^[^?]{15,}?[.,)]\s", q["question"]):
        err(f"{qid}: not chatty (no context before the question)")
print(f"style: {len(CHATTY)} chatty questions (context first)")
TYPOS = {"pf-message-size-default": "attachements", "pf-mailbox-cap-default": "defualt",
         "pf-queueid-reuse-count": "mesage", "pf-postlog-version": "verison"}
for qid, typo in TYPOS.items():
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or typo not in q["question"]:
        err(f"{qid}: deliberate typo {typo!r} missing")
    elif any(typo in PAGES[s]["spaced"].lower() for s in PAGES):
        err(f"{qid}: typo {typo!r} occurs in the corpus")
print(f"style: deliberate typos {sorted(TYPOS.values())}, none in the corpus")
# paraphrase 1: no question holds two content words in a row of (a) a heading (h1-h4, <title>) of one of its source
# files, or (b) the name of a postconf.5 parameter that occurs in its answering text. Bigrams of all 684 headings
# are only reported (many are generic: "mail server", "smtp server", "main cf").
STOP = set("a an the of in on at to for and or is are was be being will how what why who which when where its it "
           "this that these those there s x i my me do does can with by from not no yes out up into than then "
           "postfix".split()) | {str(n) for n in range(100)}
HEADINGS_OF = {}
for sid in PAGES:
    src = open(os.path.join(FOLDER, sid + ".html"), encoding="utf-8").read()
    HEADINGS_OF[sid] = [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", "", h))).strip()
                        for h in re.findall(r"(?is)<(?:h[1-4]|title)\b[^>]*>(.*?)</(?:h[1-4]|title)>", src)]


def bigrams_of(names):
    out = {}
    for h in names:
        w = re.findall(r"[a-z0-9]+", h.lower())
        for a, b in zip(w, w[1:]):
            if a not in STOP and b not in STOP:
                out.setdefault((a, b), h)
    return out


ALL_BIGRAMS = bigrams_of(set(HEADINGS))
print(f"     {len(set(HEADINGS))} headings and {len(PARAMS)} postconf.5 parameter names")
for q in qs:
    own = [h for s in q["sources"] for h in HEADINGS_OF.get(s, [])]
    spans = " ".join(m.group(0) for p in q["expect"] if not p.startswith("^") for s in q["sources"] if s in PAGES
                     for m in re.finditer(p, PAGES[s]["text"], re.I))
    params = [p for p in PARAMS if "_" in p and re.search(r"(?<![a-z0-9_])%s(?![a-z0-9_])" % re.escape(p), spans)]
    bg = bigrams_of(own + [p.replace("_", " ") for p in params])
    w = re.findall(r"[a-z0-9]+", q["question"].lower())
    hit = [f"{a} {b} ({bg[(a, b)]!r})" for a, b in zip(w, w[1:]) if (a, b) in bg]
    if hit:
        err(f"{q['id']}: question repeats heading/parameter words {hit}")
    note = [f"{a} {b}" for a, b in zip(w, w[1:]) if (a, b) in ALL_BIGRAMS and (a, b) not in bg]
    if note:
        print(f"     note {q['id']}: generic bigrams also found in other files' headings: {note}")
    for p in PARAMS:
        if "_" in p and p in q["question"].lower():
            err(f"{q['id']}: question names the parameter {p}")
# paraphrase 2: give-away words of the answering sentence or parameter
GIVEAWAY = {"pf-message-size-default": ["size", "limit", "maximal"], "pf-queue-lifetime-default": ["lifetime", "maximal", "5"],
            "pf-bounce-size-default": ["size", "limit", "non-delivery", "original message text"],
            "pf-mailbox-cap-default": ["size", "limit", "maildir"], "pf-soft-bounce-howto": ["soft", "safety", "queued"],
            "pf-retry-one-howto": ["postqueue", "-i", "immediate", "deferred", "sendmail"],
            "pf-postcat-content-howto": ["postcat", "-b", "content only"],
            "pf-explicit-settings-howto": ["postconf", "-n", "explicit", "overrul"],
            "pf-bdat-off-howto": ["discard", "ehlo", "keyword"], "pf-mailq-bang-which": ["hold", "postqueue"],
            "pf-submission-port-which": ["587", "submission", "mua"], "pf-backscatter-definition": ["forged", "worm", "spammer"],
            "pf-greylisting-definition": ["junk", "time stamp", "triple", "defense"],
            "pf-eai-abbr": ["internation", "address"], "pf-cidr-abbr": ["classless", "routing"],
            "pf-verp-knobs-count": ["four", "parameters", "configuration"], "pf-queueid-reuse-count": ["probability", "2**15"],
            "pf-qshape-top-count": ["batch", "top", "20", "terminal"], "pf-postlog-version": ["postlog", "logging utility", "3.4"],
            "pf-unknown-local-version": ["unknown", "recipient", "2.0"],
            "pf-dsn-version": ["dsn", "delivery status", "notification", "2.3"],
            "pf-qshape-author-who": ["duchovni", "developed", "morgan"], "pf-lmdb-driver-who": ["chu", "symas", "dict_lmdb"],
            "pf-tls-origin-who": ["lutz", "cottbus", "patch", "originally developed"],
            "pf-postsuper-all-yesno": ["upper", "safety", "measure"]}
for qid, words in GIVEAWAY.items():
    q = next(q for q in qs if q["id"] == qid)
    for word in words:
        if word.lower() in q["question"].lower():
            err(f"{qid}: question uses the give-away word {word!r}")

# ---------------- patterns
js_sentence = []  # (qid, pattern, mode, sorted list of ids it must match)
js_anchored = []  # (qid, pattern, accept list, reject list)
for q in ans:
    qid, src = q["id"], q["sources"]
    if not q["expect"]:
        err(f"{qid}: empty expect")
    if len(set(src)) != len(src):
        err(f"{qid}: duplicate source ids")
    for sid in src:
        if sid not in PAGES:
            err(f"{qid}: unknown source id {sid}")
    matched = set()
    anchored = [p for p in q["expect"] if p.startswith("^")]
    if len(anchored) != (0 if q["kind"] == "definition" else 1):
        err(f"{qid}: expected {0 if q['kind'] == 'definition' else 1} anchored pattern(s), got {len(anchored)}")
    for p in q["expect"]:
        try:
            rx = re.compile(p, re.I)
        except re.error as ex:
            err(f"{qid}: bad regex {p!r}: {ex}")
            continue
        if p.startswith("^"):
            if not p.endswith("$"):
                err(f"{qid}: anchored pattern does not end in $")
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
            needle = re.sub(r"\s+", " ", IN_PAGE.get(qid, value)).lower()
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
            if s in src and (not rx.search(PAGES[s]["blocks"]) or any("\n\n" in m.group(0) for m in rx.finditer(PAGES[s]["blocks"]))):
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

# ---------------- near-miss absence checks (on the "text" rendering of all 136 files)
ALL = {s: PAGES[s]["text"] for s in PAGES}
ALLTEXT = "\n".join(ALL.values())


def sentences(text):
    return [x for x in re.split(r"(?<=[.!?:])\s+(?=[\"'(]*[A-Z0-9])", text) if x.strip()]


SENTS = [(s, x) for s in ALL for x in sentences(ALL[s])]


def check(qid, cond, why):
    (ok if cond else err)(f"{qid}: {why}")


def files_with(rx, flags=re.I):
    return sorted(s for s in ALL if re.search(rx, ALL[s], flags))


# 1. the year Postfix first came out: never given
qid = "pf-first-release-nearmiss"
y9x = sorted({(s, m.group(0)) for s in ALL for m in re.finditer(r".{0,40}(?<!RFC )\b(19[89]\d)\b.{0,10}", ALL[s])})
check(qid, [s for s, _ in y9x] == ["XCLIENT_README", "XFORWARD_README"] and all("RFC 1891, January 1996" in x for _, x in y9x),
      f"the only 1980s/1990s years (RFC numbers aside) are the RFC 1891 citation (January 1996) in the XCLIENT/XFORWARD references: {[x for _, x in y9x]}")
since = sorted({m.group(0) for m in re.finditer(r"\b[Ss]ince( \w+)? (19|20)\d\d\b", ALLTEXT)})
check(qid, since == ["Since June 2018", "since 2004"],
      f"'since <year>' occurs only as decoys (BDAT commands seen since June 2018; virus-notification documents not updated since 2004): {since}")
born = [x[:140] for s, x in SENTS if re.search(r"\bpostfix\b", x, re.I) and
        re.search(r"first (came out|released|appeared|public)|initial(ly)? released|was (born|started|launched|created|written) in|release (year|date) of postfix|beta release|IBM Secure Mailer|VMailer", x, re.I)]
check(qid, not born, f"no sentence says when Postfix first came out / was first released: {born}")
check(qid, "postscreen(8) was officially released as part of the Postfix 2.8 stable release in January 2011" in ALL["POSTSCREEN_README"]
      and "the issue was well understood before Postfix 1.0" in ALL["TLS_README"]
      and "This service was introduced with Postfix version 1.0" in ALL["flush.8"],
      "decoys present: postscreen in the 2.8 stable release of January 2011, 'before Postfix 1.0' (TLS_README), flush(8) 'introduced with Postfix version 1.0'")

# 2. who maintains Debian's postfix package: never said
qid = "pf-debian-maintainer-nearmiss"
deb = [x[:160] for s, x in SENTS if re.search(r"debian", x, re.I)]
check(qid, not [x for x in deb if re.search(r"maintain|packag\w* by|LaMont|uploader", x, re.I)],
      f"none of the {len(deb)} sentences that name Debian says who maintains or packages it")
lm = files_with(r"LaMont")
check(qid, lm == ["LDAP_README", "PGSQL_README", "regexp_table.5"] and re.findall(r"lamont@\S+", ALLTEXT, re.I) == ["lamont@hp.com"]
      and not re.search(r"@debian\.org", ALLTEXT),
      f"LaMont Jones appears only in credits ({lm}), with an hp.com address and no Debian role; no @debian.org address anywhere")
check(qid, "LaMont Jones was the initial Postfix pgsql maintainer" in ALL["PGSQL_README"]
      and "The regexp table lookup code was originally written by: LaMont Jones" in ALL["regexp_table.5"]
      and "Tips for distribution maintainers" in ALL["INSTALL"]
      and "to use LDAP with Debian GNU/Linux's Postfix, all you need is to install the postfix-ldap package" in ALL["LDAP_README"],
      "decoys present: 'LaMont Jones was the initial Postfix pgsql maintainer', regexp_table(5) code 'originally written by: LaMont Jones', INSTALL's 'Tips for distribution maintainers', Debian's postfix-ldap package")

# 3. end of security support for Postfix 3.7: never said
qid = "pf-eol-37-nearmiss"
check(qid, not re.search(r"end[- ]of[- ]life|\bEOL\b|security (fix|patch|update|support|release)|supported until|support ends|maintenance (release|branch|period)", ALLTEXT),
      "no 'end of life', 'EOL', 'security fix/patch/update/support', 'supported until', 'support ends' anywhere")
s37 = [x[:160] for s, x in SENTS if re.search(r"\b3\.7\b", x) and re.search(r"support|until|release|maint", x, re.I)
       and not re.search(r"(available|introduced|implemented|supported) (in|with|as of) Postfix|Postfix (version )?(≥ )?3\.7( and|,| or) ", x)]
check(qid, all(not re.search(r"until|expire|end", x, re.I) for x in s37),
      f"sentences naming 3.7 with support/release words give no end date: {s37[:6]}")
check(qid, "by the end of the Postfix 2.2 support cycle" in ALL["TLS_LEGACY_README"]
      and re.search(r"available in Postfix 3\.8\.4, 3\.7\.9, 3\.6\.13, and 3\.5\.23", ALL["postconf.5"]) is not None,
      "decoys present: 'the end of the Postfix 2.2 support cycle', smtpd_forbid_bare_newline 'available in Postfix 3.8.4, 3.7.9, ...'")

# 4. messages per second on ordinary hardware: only scenario figures
qid = "pf-throughput-nearmiss"
ps = [(s, x) for s, x in SENTS if re.search(r"messages? (per|a) second|msgs?/s|messages/s", x, re.I)]
print("     'per second' sentences:", [(s, x[:100]) for s, x in ps])
check(qid, sorted({s for s, _ in ps}) == ["QSHAPE_README", "TUNING_README", "postconf.5"]
      and not [x for _, x in ps if re.search(r"hardware|typical|ordinary|commodity|benchmark|capable of", x, re.I)],
      "the message rates are in QSHAPE_README, TUNING_README and postconf.5 only, none about typical hardware or a benchmark")
check(qid, not re.search(r"benchmark|messages per (minute|hour|day)|mails? per second", ALLTEXT, re.I),
      "no benchmark, no 'messages per minute/hour/day', no 'mails per second'")
check(qid, "100 * 2 / 30 ~= 6 messages per second" in ALL["TUNING_README"]
      and "limits the mail inflow to 100 messages per second above the number of messages delivered per second" in ALL["postconf.5"]
      and "throughput falls to just over 1 message per second" in ALL["QSHAPE_README"],
      "decoys present: TUNING's '~= 6 messages per second', in_flow_delay's '100 messages per second', qshape's 'just over 1 message per second'")

# 5. the Postfix version with MTA-STS: not mentioned at all
qid = "pf-mta-sts-nearmiss"
check(qid, not re.search(r"MTA-?STS|\bSTS\b|strict[- ]transport|RFC ?8461|mta_sts|_mta-sts", ALLTEXT, re.I if False else 0)
      and not re.search(r"mta-?sts|strict[- ]transport[- ]security|rfc ?8461", ALLTEXT, re.I),
      "no MTA-STS, STS, Strict Transport Security or RFC 8461 anywhere")
check(qid, re.search(r"DANE", ALL["TLS_README"]) is not None and "smtp_tls_policy_maps" in ALL["TLS_README"],
      "decoys present: DANE and smtp_tls_policy_maps in TLS_README")

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
console.log(`js: ${n - bad}/${n} pattern checks (sentence patterns x 2 renderings, anchored patterns) agree with Python`);
process.exit(bad ? 1 : 0);
"""
    r = subprocess.run([node, "-e", js], input=json.dumps([js_sentence, js_anchored, texts]),
                       capture_output=True, text=True)
    print(r.stdout.strip(), r.stderr.strip())
    if r.returncode:
        err("JavaScript check failed")

pages_used = {s for q in ans for s in q["sources"]}
print("kinds:", dict(sorted(kinds.items())))
print(f"files: {len(pages_used)} named as sources ({len(pages_used & MANPAGES)} manual pages):", sorted(pages_used))
print("answerable:", len(ans), "near-miss:", len(nm))
if errors:
    print(f"{len(errors)} FAILED")
    sys.exit(1)
print("ALL OK")
