#!/usr/bin/env python3
"""Check vim-help.jsonl against Vim 9.0's help files (Debian 12's vim-runtime, /usr/share/vim/vim90/doc).

Usage: python3 verify.py [FOLDER]
  FOLDER is the indexed folder (default /usr/share/vim/vim90/doc, as `apt-get install -y vim-runtime` leaves it).
  Only *.txt files are read (the folder also holds a `tags` file without extension, which the system does not
  read since it reads only .txt/.md/.html).

A source id is the file name without ".txt" (options, usr_05, version9, ...).
Two renderings of each file are checked:
  "raw"      - the help file as it is (*tags*, |links|, 'option' quotes, tabs, `>`/`<` example markers,
               hard line breaks, two spaces after a period);
  "rendered" - a crude help-to-text: |link| -> link, *tag* -> tag, white space collapsed.
Every sentence pattern must pass in both.

Checks:
  * the corpus is the expected one (151 .txt files, no .md/.html, md5 of the sorted .txt files' concatenation);
  * 30 questions, unique ids prefixed vim-, required fields, known kinds, 25 answerable / 5 near-miss,
    no kind above 3 among the answerable, at least 10 answer kinds, at least 15 different files, style counts,
    the deliberate typos are in the questions and nowhere in the corpus;
  * every pattern compiles in Python (re.IGNORECASE) and in JavaScript (node, RegExp 'i');
  * every sentence pattern (not starting with ^) matches at least one named file, matches no file that is not
    named, never spans a sentence break ([.!?] + space + capital) nor, in the raw file, a blank line, a ====/----
    rule or the start of an example block (a line ending in ">"); every named file is matched by at least one
    sentence pattern;
  * every anchored pattern (^...) matches its bare value (BARE below) and other phrasings, rejects wrong values,
    and the bare value (or its in-file form, IN_PAGE) occurs in a named file;
  * the same matches are re-run with JavaScript RegExp on the same texts;
  * near-misses have no expect/sources, and the absence checks of NOTES.md still hold.
"""
import hashlib, json, os, re, shutil, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/vim/vim90/doc"
if not os.path.isdir(FOLDER):
    sys.exit(f"no {FOLDER}: apt-get install -y vim-runtime, or pass the folder")
errors = []


def err(m):
    errors.append(m)
    print("FAIL:", m)


def ok(m):
    print("ok  ", m)


def render(t):
    t = re.sub(r"\|([^\s|]+)\|", r"\1", t)          # |link| -> link
    t = re.sub(r"\*([^\s*|]+)\*", r"\1", t)         # *tag*  -> tag
    return re.sub(r"\s+", " ", t).strip()


PAGES, blobs, other = {}, [], []
for f in sorted(os.listdir(FOLDER)):
    p = os.path.join(FOLDER, f)
    if not os.path.isfile(p):
        continue
    if f.endswith(".txt"):
        data = open(p, "rb").read()
        blobs.append(data)
        raw = data.decode("utf-8")          # strict: every help file is UTF-8 (most are ASCII)
        PAGES[f[:-4]] = {"raw": raw, "rendered": render(raw)}
    elif f.endswith((".md", ".html", ".htm")):
        other.append(f)
md5 = hashlib.md5(b"".join(blobs)).hexdigest()
size = sum(len(b) for b in blobs)
print(f"corpus: {len(PAGES)} .txt files, {size} bytes, md5 {md5} in {FOLDER}")
if len(PAGES) != 151:
    err(f"expected 151 .txt files, got {len(PAGES)}")
if other:
    err(f"unexpected .md/.html files in the folder: {other}")
EXPECTED_MD5 = "d44ccfe63e62a78b6e4fc046bc589a8f"
if md5 != EXPECTED_MD5:
    err(f"corpus md5 {md5} != {EXPECTED_MD5}")
MODES = ("raw", "rendered")

SENT_BREAK = re.compile(r"[.!?][\"'\u201d)\]*|`]*\s+[\"'\u201c(*|`]*[A-Z]")
assert SENT_BREAK.search("a clone.  Forked") and not SENT_BREAK.search("Vim version 9.0 is") \
    and not SENT_BREAK.search("(e.g.  \"xdd)") and not SENT_BREAK.search("$HOME/.vimrc or")


def block_break(span):  # raw text only: a match may run over a line break, but not into a new block
    lines = span.split("\n")
    for prev, nxt in zip(lines, lines[1:]):
        if not nxt.strip() or re.match(r"\s*(={3,}|-{3,})\s*$", nxt) or re.search(r"(^|\s)>\s*$", prev):
            return True
    return False


assert block_break("command: >\n\tg CTRL-G") and block_break("a\n\nb") and not block_break("command:\n\tvim -r filename")

# anchored pattern of each question -> (bare value as the help writes it, other answers it must accept,
#                                        answers it must reject)
BARE = {
    "vim-dedication-who": ("Sven Guckes", ["Guckes", "to Sven Guckes"], ["Sven Verdoolaege", "Sven", "Bram Moolenaar"]),
    "vim-first-book-who": ("Steve Oualline", ["by Steve Oualline", "steve oualline."],
                           ["Bram Moolenaar", "Steve Kirkendall", "Oualline"]),
    "vim-neovim-fork-when": ("2014", ["in 2014", "In 2014."], ["2015", "2004", "20144", "1991"]),
    "vim-defaults-script-when": ("no user vimrc file is found",
                                 ["when no user vimrc file is found", "If there is no vimrc",
                                  "when the user has no vimrc file", "When no .vimrc exists."],
                                 ["always", "when a vimrc is found", "when started with -u NONE", "never"]),
    "vim-winxp-version": ("Vim 9.0 up to patch level 495",
                          ["9.0.0495", "9.0.495", "Vim 9.0 patch 495", "9.0 up to patch 9.0.0495"],
                          ["9.0", "8.2", "9.0.0496", "9.0.4950", "Vim 9.1"]),
    "vim-xchacha-version": ("8.2.3022", ["Vim 8.2.3022", "8.2.3022 or later"], ["8.2", "9.0", "7.4.401", "8.2.302", "8.2.30222"]),
    "vim-gdb-version": ("7.12", ["gdb 7.12", "version 7.12 or later", "7.12 or newer"], ["7.1", "7.2", "12.7", "8.0", "7.123"]),
    "vim-register-kinds-count": ("ten", ["10", "ten types", "10 kinds of registers"], ["26", "9", "36", "ten numbered registers"]),
    "vim-mapping-lhs-count": ("50 characters", ["50", "fifty", "up to 50 chars", "max 50 characters"],
                              ["5", "500", "1024 characters", "255", "150 characters"]),
    "vim-undo-levels-default": ("1000", ["1,000", "1000 changes", "one thousand"], ["100", "10000", "-1", "10", "1000000"]),
    "vim-swap-idle-default": ("four seconds", ["4 seconds", "4s", "4000 ms", "4000", "after about four seconds", "4,000 milliseconds"],
                              ["200 characters", "40 seconds", "400 ms", "4 minutes", "14 seconds", "40000"]),
    "vim-cmd-history-default": ("50", ["50 commands", "fifty", "200", "50 (200 with defaults.vim)", "50 entries"],
                                ["10000", "20", "100", "500", "0"]),
    "vim-keep-undo-howto": ("undofile", [":set undofile", "set undofile", "'undofile'", ":setlocal undofile"],
                            ["set undolevels=1000", "set noundofile", "set undodir=~/.vim/undo", ":wundo"]),
    "vim-crash-restore-howto": ("vim -r filename", ["vim -r", ":recover", "vim -r notes.txt", "`vim -r file`"],
                                ["vim -x", ":e!", "vim -u NONE", "u", "vim -r a b c"]),
    "vim-word-total-howto": ("g CTRL-G", ["g<C-g>", "g^G", "type g CTRL-G", "g ctrl+g"], ["CTRL-G", ":wc", "g?", "wc -w", "gg"]),
    "vim-old-name-abbr": ("Vi IMitation", ["vi imitation", "Vi-Imitation."], ["Vi IMproved", "Vi imitator", "Vi"]),
    "vim-kcc-abbr": ("Kibaale Children's Centre", ["Kibaale Childrens Center", "the Kibaale Children\u2019s Centre"],
                     ["Kibaale", "Kenya Children's Charity", "ICCF", "Kibaale Children's Fund"]),
    "vim-yank-register-which": ("\"0", ["register 0", "0", "the \"0 register", "numbered register 0", "zero"],
                                ["\"1", "the unnamed register", "\"-", "10", "\"a", "register 1"]),
    "vim-docs-license-which": ("Open Publication License", ["the Open Publication License, v1.0 or later", "OPL",
                                                            "Open Publication License (OPL)"],
                               ["GPL", "the Vim license", "Open Content License", "Creative Commons"]),
    "vim-vimrc-where": ("$HOME/.vimrc", ["~/.vimrc", "~/.vim/vimrc", "$HOME/.vimrc or $HOME/.vim/vimrc", "in ~/.vimrc"],
                        ["/etc/vim/vimrc", "~/.viminfo", "~/_vimrc", "$VIM/vimrc", "~/.config/vim/vimrc"]),
    "vim-session-memory-where": ("$HOME/.viminfo", ["~/.viminfo", "the ~/.viminfo file"],
                                 ["~/.vimrc", "~/.vim/viminfo", "$HOME/_viminfo", "~/.viminfo.tmp"]),
    "vim-vim9-compat-yesno": ("No", ["No.", "No, Vim9 script is not backwards compatible"], ["Yes", "not really", "nope"]),
    "vim-license-fee-yesno": ("No", ["No.", "no, it's charityware"], ["Yes", "not really", "nope"]),
    "vim-code-origin": ("Stevie", ["on Stevie", "the Stevie editor", "Stevie."], ["Vi", "Elvis", "Nvi", "ex", "Stevie Wonder's vi"]),
}
# bare values that the file writes in another form (the check looks for this text instead)
IN_PAGE = {"vim-dedication-who": "dedicated to Sven Guckes", "vim-defaults-script-when": "no user vimrc file is found",
           "vim-swap-idle-default": "four seconds", "vim-register-kinds-count": "ten types of registers",
           "vim-yank-register-which": "numbered register 0", "vim-vim9-compat-yesno": "not backwards compatible",
           "vim-license-fee-yesno": "use and copy it as much as you like", "vim-kcc-abbr": "Kibaale Children's Centre (KCC)",
           "vim-mapping-lhs-count": "50 characters", "vim-xchacha-version": "Vim 8.2.3022",
           "vim-winxp-version": "Vim 9.0 up to patch level 495"}

KINDS = {"definition", "who", "when", "count", "which", "where", "yes-no", "default", "version", "howto",
         "abbr", "origin", "nearmiss"}

qs = [json.loads(l) for l in open(os.path.join(HERE, "vim-help.jsonl"), encoding="utf-8") if l.strip()]
if len(qs) != 30:
    err(f"expected 30 questions, got {len(qs)}")
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    err("duplicate ids")
for q in qs:
    for f in ("id", "question", "answerable", "expect", "sources", "kind"):
        if f not in q:
            err(f"{q.get('id')}: missing field {f}")
    if not q["id"].startswith("vim-"):
        err(f"{q['id']}: id not prefixed vim-")
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
if max(akinds.values()) > 3:
    err(f"an answer kind has more than 3 questions: {akinds}")
if len(akinds) < 10:
    err(f"fewer than 10 answer kinds: {akinds}")
pages_used = {s for q in ans for s in q["sources"]}
if len(pages_used) < 15:
    err(f"fewer than 15 files: {sorted(pages_used)}")
multi = [q["id"] for q in ans if len(q["sources"]) > 1]
lower = [q["id"] for q in qs if q["question"] == q["question"].lower()]
print(f"style: {len(lower)} of 30 questions entirely lowercase; {len(multi)} answerable questions name more than one file")
CHATTY = ["vim-defaults-script-when", "vim-winxp-version", "vim-xchacha-version", "vim-swap-idle-default",
          "vim-keep-undo-howto", "vim-crash-restore-howto", "vim-yank-register-which", "vim-docs-license-which",
          "vim-license-fee-yesno", "vim-buffer-definition", "vim-code-origin"]
for qid in CHATTY:  # context first: a sentence (ending in . or ,) before the question itself
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or not re.match(r"^[^?]{15,}?[.,)]\s", q["question"]):
        err(f"{qid}: not chatty (no context before the question)")
print(f"style: {len(CHATTY)} chatty questions (context first)")
TYPOS = {"vim-keep-undo-howto": "histroy", "vim-xchacha-version": "encryped",
         "vim-docs-license-which": "documentaion", "vim-vim9-compat-yesno": "compatable"}
for qid, typo in TYPOS.items():
    q = next((q for q in qs if q["id"] == qid), None)
    if not q or typo not in q["question"]:
        err(f"{qid}: deliberate typo {typo!r} missing")
    elif any(typo in PAGES[s]["raw"].lower() for s in PAGES):
        err(f"{qid}: typo {typo!r} occurs in the corpus")
# paraphrase: no question repeats a help tag of its answer's option/section verbatim
for qid, tag in {"vim-swap-idle-default": "updatetime", "vim-undo-levels-default": "undolevels",
                 "vim-keep-undo-howto": "undofile", "vim-keep-undo-howto#2": "persistent",
                 "vim-session-memory-where": "viminfo", "vim-word-total-howto": "word-count",
                 "vim-crash-restore-howto": "recover", "vim-defaults-script-when": "defaults.vim",
                 "vim-vimrc-where": "vimrc", "vim-cmd-history-default": "'history'",
                 "vim-code-origin": "stevie", "vim-dedication-who": "sven"}.items():
    q = next(q for q in qs if q["id"] == qid.split("#")[0])
    if tag in q["question"].lower():
        err(f"{q['id']}: question repeats the help's own tag {tag!r}")

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
            needle = re.sub(r"\s+", " ", IN_PAGE.get(qid, value)).lower()
            if not any(needle in re.sub(r"\s+", " ", PAGES[s]["raw"]).lower() for s in src if s in PAGES):
                err(f"{qid}: bare value {needle!r} not in the text of {src}")
            js_anchored.append((qid, p, [value] + accept, reject))
            ok(f"{qid}: anchored {p}  <- {value!r}")
            continue
        for mode in MODES:
            hits = sorted(s for s in PAGES if rx.search(PAGES[s][mode]))
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
            err(f"{qid}: named file {s} is matched by none of its sentence patterns")

for q in nm:
    if q["expect"] or q["sources"]:
        err(f"{q['id']}: near-miss with expect or sources")


# ---------------- near-miss absence checks (the greps of NOTES.md, re-run on the raw files)
ALL = {s: PAGES[s]["raw"] for s in PAGES}
ALLTEXT = "\n".join(ALL.values())


def sentences(text):
    # sentences (period/!/? + space + capital), and paragraphs / lines of a block on their own
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[\"'(|*`]*[A-Z])|\n\s*\n", text) if x and x.strip()]


def sentences_with(word, files=None):
    return [x for s, t in ALL.items() if files is None or s in files for x in sentences(t) if re.search(word, x, re.I)]


def short(xs, n=90):
    return [re.sub(r"\s+", " ", x)[:n] for x in xs]


def check(qid, cond, why):
    (ok if cond else err)(f"{qid}: {why}")


YEAR = r"(?<![\d.:#/-])(19|20)\d\d(?![\d])"
MONTHS = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"

# 1. the year of Vim's first release: no year is tied to a release of Vim
qid = "vim-first-release-year-nearmiss"
nov = {s: t for s, t in ALL.items() if not re.match(r"version\d$|todo$", s)}
years = Counter(m.group(0) for t in nov.values() for m in re.finditer(YEAR, t))
print("     years outside version*.txt/todo.txt:", dict(sorted(years.items())))
ysent = [x for t in ALL.values() for x in sentences(t) if re.search(YEAR, x)]
FIRST = (r"\b(first|initial|original)\w*\b.{0,40}\b(releas\w*|version|came out|written|created|started|appeared)\b"
         r"|\b(releas\w*|came out|written|created|appeared)\b.{0,40}\b(first|initial)\b")
bad = [x for x in ysent if re.search(r"\bVim\b", x, re.I) and re.search(FIRST, re.sub(r"\s+", " ", x), re.I)]
check(qid, len(bad) == 1 and "Initial Macintosh release, VIM version 3.0 19 October 1994" in re.sub(r"\s+", " ", bad[0]),
      f"the only sentence with a year about a first/initial release is os_mac.txt's decoy (the first Mac port of Vim 3.0, 1994): {short(bad, 120)}")
check(qid, not re.search(r"\bVim\s+(1|2)\.\d|\bversion\s+1\.0\b", ALLTEXT.replace("Motif version 1.2", "")),
      "no 'Vim 1.x' / 'Vim 2.x' / 'version 1.0' anywhere")
y1991 = sorted({s for s, t in ALL.items() if re.search(YEAR.replace(r"(19|20)\d\d", "1991"), t)})
check(qid, y1991 == ["syntax"], f"1991 occurs only in syntax.txt (a FORM reference manual citation): {y1991}")
check(qid, "Copyright (c) 1988-2003 by Bram" in ALL["usr_01"], "decoy present: usr_01's 'Copyright (c) 1988-2003' (the manuals, not a release)")

# 2. the release date of Vim 9.0: version9.txt has no date for the release
qid = "v90-release-date-nearmiss"
qid = "vim-" + qid
v9 = ALL["version9"]
dates = [m.group(0) for m in re.finditer(MONTHS + r"\s+\d{1,2},?\s+20\d\d|\b20\d\d\s+" + MONTHS + r"(\s+\d{1,2})?|\b20\d\d-\d\d-\d\d\b|" + MONTHS + r"\s+20\d\d", v9)]
check(qid, dates == ["2022 Nov 23", "February 2022"],
      f"version9.txt's only dates are its 'Last change' header and Sven Guckes' death (February 2022): {dates}")
rel = [x for x in sentences_with(r"\breleas(e|ed|ing)\b") if re.search(r"\b9\.0\b|\bVim 9\b", x)]
reld = [x for x in rel if re.search(YEAR, x) or re.search(MONTHS + r"\s+\d", x)]
check(qid, len(reld) == 1 and "dedicated to Sven Guckes, who passed away in February 2022" in re.sub(r"\s+", " ", reld[0]),
      f"the only sentence about the 9.0 release with a date is the dedication (Sven Guckes died February 2022 'when the release was being prepared'): {short(reld, 100)}")
d22 = [(s, m.group(0)) for s, x in ALL.items() for m in re.finditer(MONTHS + r"\s+\d{1,2},?\s+2022|2022\s+" + MONTHS + r"\s+\d+|2022-\d\d-\d\d",
                                                                  re.sub(r"(?m)^\*[\w.-]+\*\s+For Vim version 9\.0\.\s+Last change:.*$", "", x))]
check(qid, d22 == [("todo", "2022 Dec 4")],
      f"apart from the files' 'Last change' headers, the only day-precise 2022 date is a todo.txt note (a Perl patch): {d22}")

# 3. what ICCF stands for: never expanded
qid = "vim-iccf-abbr-nearmiss"
check(qid, not re.search(r"International\s+Child|Child\s+Care\s+Fund|Children'?s\s+Care|Child\s+Care\s+Foundation", ALLTEXT, re.I),
      "no 'International Child...' / 'Child Care Fund' anywhere")
ctx = sorted({re.sub(r"\s+", " ", m.group(0)) for m in re.finditer(r".{0,25}\bICCF\b.{0,25}", ALLTEXT, re.I)})
check(qid, not [c for c in ctx if re.search(r"\bICCF\b\s*\(|\(\s*ICCF\s*\)|ICCF\s+(stands|means|is short)", c, re.I)],
      f"ICCF is never spelled out ({len(ctx)} contexts, all names/URLs such as 'ICCF Holland', 'iccf-holland.org')")
check(qid, "Kibaale Children's Centre (KCC)" in ALL["uganda"], "decoy present: KCC is spelled out (Kibaale Children's Centre)")

# 4. the largest value of 'undolevels': no maximum is given
qid = "vim-undolevels-max-nearmiss"
ent = ALL["options"][ALL["options"].index("'undolevels' 'ul'\tnumber"):ALL["options"].index("*'undoreload'*")]
MAXV = r"maximum value|max(imum)?\s+is\b|at most|upper\s+(limit|bound)|\blimit(ed)?\s+(is|to)\b|largest|highest|no\s+limit|unlimited"
check(qid, not re.search(MAXV, ent, re.I) and ent.count("Maximum") == 1 and "Maximum number of changes that can be undone." in ent,
      "the 'undolevels' entry of options.txt gives no maximum value (its only 'Maximum' is the description 'Maximum number of changes that can be undone'; values named: 0, -1, -123456)")
usents = sentences_with(r"undolevels|\bundo\s+levels\b")
badu = [x for x in usents if re.search(MAXV, x, re.I) and re.search(r"\d{2,}", x)]
check(qid, not badu, f"none of the {len(usents)} sentences about undolevels gives a maximum number: {short(badu)}")
check(qid, "The maximum value is 10000." in ALL["options"] and "'undoreload' 'ur'\tnumber\t(default 10000)" in ALL["options"],
      "decoys present: 'history' has 'The maximum value is 10000', 'undoreload' defaults to 10000")

# 5. how many children the charity sponsors: no such count
qid = "vim-sponsored-children-nearmiss"
kids = sorted({re.sub(r"\s+", " ", m.group(0)) for m in re.finditer(r"\b\d[\d,.]*\s+(children|kids|orphans|child)\b", ALLTEXT, re.I)})
check(qid, kids == ["60,000 children"], f"the only 'N children' is the orphan count of the district (60,000): {kids}")
nums = sorted({m.group(0) for m in re.finditer(r"\d[\d,]*", ALL["uganda"][ALL["uganda"].index("*kcc*"):ALL["uganda"].index("*iccf-donations*")])})
check(qid, nums == ["1", "10", "1658", "17", "1993", "1994", "1995", "2", "2020", "24", "25", "3", "30", "350,000", "4", "5", "60,000", "7"],
      f"the numbers of uganda.txt's KCC section are list items 1-4, 10 to 30% infected, 60,000 orphans of 350,000, 2020 (maternity ward), 24/7, 1993-1995 (visits), 17/25 euro a month, 5% administration, box 1658 - none counts sponsored children: {nums}")
sp = sentences_with(r"sponsor", ["uganda", "sponsor"])
check(qid, not [x for x in sp if re.search(r"\b\d[\d,]*\s+(children|kids|child)", x, re.I)],
      f"none of the {len(sp)} sentences about sponsoring gives a number of children")

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
