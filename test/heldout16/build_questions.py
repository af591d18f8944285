# Builds foldoc.jsonl (kept only as a record of how the file was written; verify.py reads the jsonl).
import json
W = r"\W+"
def s(*words):  # sentence pattern: key words joined with \W+
    return W.join(words)

Q = []
def add(id, question, kind, expect, answerable=True):
    d = {"id": "foldoc-" + id, "question": question, "answerable": answerable,
         "expect": expect if answerable else []}
    if answerable:
        d["sources"] = ["foldoc"]
    d["kind"] = kind
    Q.append(d)

# ---- definition (7)
add("heisenbug-def",
    "my integration test only fails when i DON'T have the debugger attached lol. coworker says it's a heisenbug. what's that supposed to mean?",
    "definition",
    [s("A", "bug", "that", "disappears", "or", "alters", "its", "behaviou?r", "when", "one", "attempts", "to", "probe", "or", "isolate", "it")])
add("zombie-process-def",
    "ps on our build box shows a few processes in state Z that never go away. what is a zombie proccess exactly?",
    "definition",
    [s("A", "Unix", "process", "that", "has", "terminated"),
     s("whose", "parent", "process", "has", "not", "yet", "received", "notification", "of", "its", "termination"),
     s("A", "zombie", "process", "exists", "solely", "as", "a", "process", "table", "entry")])
add("cargo-cult-programming-def",
    "what is cargo cult programming",
    "definition",
    [s("A", "style", "of", "incompetent", "programming", "dominated", "by", "ritual", "inclusion", "of", "code", "or", "program", "structures", "that", "serve", "no", "real", "purpose")])
add("idempotent-header-def",
    "Reviewer left a comment that my C header \"isn't idempotent\". What does idempotent mean when talking about header files?",
    "definition",
    [s("header", "file", "has", "protected", "itself", "against", "multiple", "inclusion"),
     s("a", "header", "file", "so", "protected", "is", "said", "to", "be", "idempotent")])
add("memoization-def",
    "what is memoizaton in programming?",
    "definition",
    [s("function", "that", "remembers", "which", "arguments", "it", "has", "been", "called", "with", "and", "the", "result", "returned")])
add("vaporware-def",
    "everyone on the forum keeps calling that game vaporwear. what does the term actually mean?",
    "definition",
    [s("Products", "announced", "far", "in", "advance", "of", "any", "release")])
add("fencepost-error-def",
    "In code review someone flagged a \"fencepost error\" in my loop. What kind of bug is that?",
    "definition",
    [s("A", "problem", "with", "the", "discrete", "equivalent", "of", "a", "boundary", "condition"),
     s("Fencepost", "errors", "come", "from", "counting", "things", "rather", "than", "the", "spaces", "between", "them")])

# ---- abbr (4)
CAPTCHA = s("Completely", "Automated", "Public", "Turing", "test", "to", "tell", "Computers", "and", "Humans", "Apart")
add("captcha-abbr",
    "what does CAPTCHA actually stand for",
    "abbr",
    [r"^\W*" + CAPTCHA + r"\W*$", s("acronym", "for", "Completely", "Automated", "Public", "Turing", "test")])
add("hurd-abbr",
    "GNU's kernel is called the Hurd. is that short for something?",
    "abbr",
    [r"^\W*Hird\W+of\W+Unix\W*Replacing\W+Daemons\b",
     s("Hurd", "stands", "for", "Hird", "of", "Unix", "Replacing", "Daemons")])
add("scram-abbr",
    "Our server room has a big red emergency power-off button that the old-timers call the scram switch. What does SCRAM stand for?",
    "abbr",
    [r"^\W*Safety\W+Control\W+Rod\W+Axe?\W+Man\W*$",
     s("SCRAM", "stands", "for", "Safety", "Control", "Rod", "Ax", "Man")])
add("ll-parser-abbr",
    "in LL(1) grammars what do the two L's stand for?",
    "abbr",
    [r"^\W*Left\W*to\W*right(\W+scan)?\W+(and\W+)?Leftmost(\W+derivation)?\W*$",
     s("The", "first", "L", "stands", "for", "Left", "to", "right", "scan", "the", "second", "for", "Leftmost", "derivation")])

# ---- who (3)
add("mouse-who",
    "who invented the computer mouse?",
    "who",
    [r"^\W*Douglas\W+(C\W+)?Engelbart\W*$",
     s("first", "introduced", "by", "Douglas", "Engelbart"),
     s("Engelbart", "the", "inventor", "of", "the", "mouse")])
add("b-language-who",
    "who wrote B, the langauge that C grew out of?",
    "who",
    [r"^\W*Ken\W+Thompson\W*$",
     s("A", "systems", "language", "written", "by", "Ken", "Thompson"),
     s("author", "of", "the", "B", "language", "the", "predecessor", "of", "C")])
add("ioccc-who",
    "Who runs the International Obfuscated C Code Contest?",
    "who",
    [r"^\W*Landon\W+Curt\W+Noll(\W+and\W+friends)?\W*$",
     s("run", "since", "1984", "over", "Usenet", "by", "Landon", "Curt", "Noll")])

# ---- when (3)
add("ethernet-when",
    "what year was ethernet first described?",
    "when",
    [r"^\W*(in\W+)?1976\W*$",
     s("first", "described", "by", "Metcalfe", "Boggs", "of", "Xerox", "PARC", "in", "1976")])
add("python-when",
    "when did Guido come up with Python? just need the year",
    "when",
    [r"^\W*(in\W+)?1991\W*$",
     s("invented", "by", "Guido", "van", "Rossum") + r"\W+(guido\W+cwi\W+nl\W+)?in\W+1991"])
add("unix-when",
    "settling an argument in #history: what year was unix invented?",
    "when",
    [r"^\W*(in\W+)?1969\W*$",
     s("invented", "in", "1969", "by", "Ken", "Thompson"),
     s("In", "1969", "when", "Bell", "Labs", "withdrew", "from", "the", "project", "Ken", "got", "fed", "up", "with", "Multics")])

# ---- count (2)
add("eniac-registers-count",
    "how many registers did the ENIAC have?",
    "count",
    [r"^\W*20(\W+registers)?\W*$",
     s("ENIAC", "had", "20", "registers")])
add("brainfuck-memory-count",
    "how much memory does a brainfuck program get to play with? like how many cells/bytes",
    "count",
    [r"^\W*30,?000(\W+(bytes|cells))?\W*$",
     s("array", "of", "30000", "bytes")])

# ---- which (2)
add("scsi-company-which",
    "which company originally developed SCSI?",
    "which",
    [r"^\W*Shugart(\W+Associates)?\W*$",
     s("SCSI", "was", "developed", "by", "Shugart", "Associates"),
     s("Shugart", "which", "developed", "SCSI")])
add("xyzzy-game-which",
    "which game is the magic word xyzzy from?",
    "which",
    [r"^\W*(ADVENT|Adventure|Colossal\W+Cave(\W+Adventure)?)\W*$",
     s("canonical", "magic", "word", "from", "the", "ADVENT", "adventure", "game")])

# ---- origin (2)
add("kludge-origin",
    "where does the word \"kludge\" (the spelling with a d) come from originally?",
    "origin",
    [s("From", "the", "old", "Scots", "kludgie", "meaning", "an", "outside", "toilet"),
     r"\bkludgie\b"])
add("advent-name-origin",
    "why is the original colossal cave game named ADVENT and not Adventure?",
    "origin",
    [s("better", "known", "as", "Adventure", "but", "the", "TOPS", "10", "operating", "system", "permitted", "only", "six", "letter", "filenames"),
     r"six\W*letter\W+file\W*names"])

# ---- yes-no (1)
add("duffs-device-yesno",
    "just saw duff's device for the first time (switch cases jumping into the middle of a do-while). is that actually legal C??",
    "yes-no",
    [r"^\W*yes\b",
     s("the", "device", "is", "actually", "perfectly", "valid", "legal", "C")])

# ---- where (1)
add("usenet-where",
    "where was usenet first implemented?",
    "where",
    [r"^\W*(at\W+)?Duke(\W+University)?\W*$",
     s("Truscott", "and", "Steve", "Daniel", "at", "Duke", "University")])

# ---- near-misses (5)
add("quicksort-inventor-nearmiss", "who invented quicksort?", "nearmiss", [], False)
add("teco-author-nearmiss", "who originally wrote the TECO editor?", "nearmiss", [], False)
add("eniac-tubes-nearmiss", "roughly how many vacuum tubes were in the ENIAC?", "nearmiss", [], False)
add("ldap-port-nearmiss",
    "our firewall guy needs to open LDAP for the new directory server. what port does LDAP use by default?",
    "nearmiss", [], False)
add("kerberos-port-nearmiss", "which port does kerberos listen on?", "nearmiss", [], False)

assert len(Q) == 30, len(Q)
assert len({q["id"] for q in Q}) == 30
with open("foldoc.jsonl", "w") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")
print("wrote", len(Q))
