# Builds debian-history.jsonl (kept as a record of how the file was written; verify.py reads the jsonl).
# Run in this folder: python3 build_questions.py
import json, os
W = r"\W+"


def s(*words):  # sentence pattern: key words of ONE sentence joined with \W+ (absorbs tags, entities, line breaks)
    return W.join(words)


Q = []


def add(id, question, kind, expect, sources=(), answerable=True):
    Q.append({"id": "dh-" + id, "question": question, "answerable": answerable,
              "expect": list(expect) if answerable else [],
              "sources": list(sources) if answerable else [], "kind": kind})


REL, DET, LEAD, INTRO, MANI = "docs/releases.en", "docs/detailed.en", "docs/leaders.en", "docs/intro.en", "docs/manifesto.en"
D22, D50, D90 = "dedication/dedication-2.2", "dedication/dedication-5.0", "dedication/dedication-9.0"

# ---- who (4)
add("master-box-who",
    "doing a talk on the early infrastructure. who built the original master.debian.org machine?",
    "who",
    [r"^\W*(by\W+)?Bdale\W+Garbee\W*$",
     s("The", "first", "master", "debian", "org", "server", "was", "built", "by", "Bdale", "Garbee")],
    [REL])
add("m68k-port-who",
    "my uncle ran debian on his atari back in the 90s. who first got it going on a non-intel cpu?",
    "who",
    [r"^\W*(by\W+)?Hartmut(\W+Koptein)?\W*$",
     s("Hartmut", "Koptein", "started", "the", "first", "port", "for", "Debian", "for", "the", "Motorola", "m68k", "family")],
    [DET])
add("dpl-2012-who",
    "who was in charge of debian in 2012?",
    "who",
    [r"^\W*Stefano(\W+Zacchiroli)?\W*$",
     s("Stefano", "Zacchiroli", "led", "Debian", "from", "April", "2010", "until", "April", "2013")],
    [LEAD])
add("lenny-memory-who",
    "i read that debian 5.0 came out in memory of someone. who was it?",
    "who",
    [r"^\W*(to\W+)?Thiemo(\W+Seufer)?\W*$",
     s("Lenny", "dedicated", "to", "Thiemo", "Seufer"),
     s("the", "project", "dedicates", "the", "release", "of", "Debian", "GNU", "Linux", "5", "0", "Lenny", "to", "Thiemo")],
    [D50])

# ---- when (4)
add("founding-day-when",
    "writing a birthday post for debian. on what exact day did it get started?",
    "when",
    [r"^\W*(on\W+)?(August\W+16(th)?,?\W+1993|16(th)?\W+(of\W+)?August,?\W+1993|1993-08-16)\W*$",
     s("The", "Debian", "Project", "was", "officially", "founded", "by", "Ian", "Murdock", "on", "August", "16th", "1993")],
    [INTRO])
add("woody-freeze-when",
    "when did the code freeze for debian 3.0 kick off?",
    "when",
    [r"^\W*(on\W+)?(July\W+1(st)?,?\W+2001|1(st)?\W+(of\W+)?July,?\W+2001|2001-07-01|July\W+2001)\W*$",
     s("The", "freeze", "for", "the", "next", "release", "started", "on", "July", "1st", "2001")],
    [DET])
add("twente-blaze-when",
    "on what day did the blaze at the dutch university destroy the building where debian's security archive machine lived?",
    "when",
    [r"^\W*(on\W+)?(November\W+20(th)?,?\W+2002|20(th)?\W+(of\W+)?November,?\W+2002|2002-11-20)\W*$",
     s("Around", "08", "00", "CET", "on", "November", "20th", "2002", "the", "University", "of", "Twente", "Network", "Operations", "Center", "NOC", "caught", "fire")],
    [DET])
add("sarge-out-when",
    "when did sarge come out?",
    "when",
    [r"^\W*(on\W+|in\W+)?(June\W+6(th)?,?\W+2005|6(th)?\W+(of\W+)?June,?\W+2005|2005-06-06)\W*$",
     s("Debian", "3", "1", "Sarge", "6", "June", "2005"),
     s("Debian", "3", "1", "sarge", "was", "released", "June", "6th", "2005")],
    [REL, DET])

# ---- count (4)
add("buzz-packages-count",
    "how many packges were in the first debian version that got a toy story nickname?",
    "count",
    [r"^\W*(about\W+)?474(\W+packages)?\W*$",
     s("This", "release", "was", "fully", "ELF", "used", "Linux", "kernel", "2", "0", "and", "contained", "474", "packages"),
     s("1", "1", "Buzz", "released", "June", "1996", "474", "packages")],
    [REL, DET])
add("potato-sloc-count",
    "someone on reddit said debian 2.2 was twice the size of red hat. how many lines of code did it actually have?",
    "count",
    [r"^\W*(more\W+than\W+|over\W+|about\W+)?(55,000,000|55000000|55\W*(million|M))(\W+(physical\W+)?(SLOC|(source\W+)?lines(\W+of\W+(source\W+)?code)?))?\W*$",
     s("We", "show", "that", "Debian", "2", "2", "includes", "more", "than", "55", "000", "000", "physical", "SLOC")],
    [DET])
add("derived-distros-count",
    "how many other distros are built on top of debian?",
    "count",
    [r"^\W*(more\W+than\W+|over\W+)?350\+?(\W+(other\W+)?(distributions|distros))?\W*$",
     s("More", "than", "350", "distributions", "are", "known", "to", "be", "derived", "from", "Debian")],
    [D90])
add("espy-age-count",
    "the debian dev everyone knew as espy, how old was he when he passed away?",
    "count",
    [r"^\W*(at\W+)?(the\W+)?(age\W+(of\W+)?)?21(\W+years(\W+old|\W+of\W+age)?)?\W*$",
     s("Joel", "was", "21", "when", "he", "died"),
     s("Joel", "Klecker", "who", "was", "also", "known", "as", "Espy", "passed", "away", "at", "21", "years", "of", "age")],
    [D22, DET])

# ---- version (3)
add("systemd-default-version",
    "which debian relase was the first to boot with systemd out of the box?",
    "version",
    [r"^\W*(Debian\W+)?(8(\.0)?(\W+\(?Jessie\)?)?|Jessie)\W*$",
     s("This", "release", "introduced", "for", "the", "first", "time", "the", "systemd", "init", "system", "as", "default"),
     s("A", "major", "change", "in", "this", "release", "was", "the", "replacement", "of", "the", "init", "system", "systemd", "replaced", "sysvinit")],
    [REL, DET])
add("free-java-version",
    "back in the day you couldn't get a free java from debian main. which version changed that?",
    "version",
    [r"^\W*(Debian\W+)?(5(\.0)?(\W+\(?Lenny\)?)?|Lenny)\W*$",
     s("It", "was", "also", "the", "first", "release", "to", "provide", "free", "versions", "of", "Sun", "s", "Java", "technology")],
    [REL])
add("wheezy-kernel-version",
    "what linux kernel did Debian 7 ship with?",
    "version",
    [r"^\W*(Linux\W+)?(kernel\W+)?3\.2\W*$",
     s("Linux", "Kernel", "3", "2")],
    [DET])

# ---- which (2)
add("fake-cd-which",
    "which company put out that bogus cd labelled debian 1.0?",
    "which",
    [r"^\W*InfoMagic(\W+Inc\W*)?\W*$",
     s("Debian", "1", "0", "was", "never", "released", "InfoMagic", "a", "CD", "vendor", "accidentally", "shipped", "a", "development", "release", "of", "Debian")],
    [REL])
add("archive-db-which",
    "which database engine sits behind the debian archive since james troup rewrote the archive tools in 2000?",
    "which",
    [r"^\W*(Postgre(SQL|s)|PostgreSQL\W+database)\W*$",
     s("The", "archive", "is", "also", "database", "driven", "using", "PostgreSQL")],
    [DET])

# ---- where (2)
add("debconf-first-where",
    "where did the very first annual developer conference take place?",
    "where",
    [r"^\W*(in\W+)?Bordeaux(\W*,?\W*\(?France\)?)?\W*$",
     s("The", "first", "meeting", "called", "Debconf0", "took", "place", "in", "Bordeaux", "France")],
    [DET])
add("founder-uni-where",
    "my prof says debian started as a student project. which univeristy was its founder at back then?",
    "where",
    [r"^\W*(at\W+)?(the\W+)?Purdue(\W+University)?\W*$",
     s("Debian", "was", "begun", "in", "August", "1993", "by", "Ian", "Murdock", "then", "an", "undergraduate", "at", "Purdue", "University"),
     s("nurtured", "the", "fledgling", "project", "throughout", "his", "studies", "at", "Purdue", "University")],
    [DET, D90])

# ---- abbr (2)
add("sid-abbr",
    "i always thought sid was just named after the kid from toy story. does the name stand for something too?",
    "abbr",
    [r"^\W*(yes\W+)?Still\W+In\W+Development\W*$",
     s("Sid", "is", "the", "permanent", "name", "for", "the", "unstable", "distribution", "and", "is", "always", "Still", "In", "Development")],
    [DET])
add("sls-abbr",
    "reading the founder's manifesto, he trashes a distrubution called SLS. what's that short for?",
    "abbr",
    [r"^\W*(the\W+)?Soft\W*landing\W+Linux\W+System\W*$",
     s("A", "case", "in", "point", "is", "the", "Softlanding", "Linux", "System", "better", "known", "as", "SLS")],
    [MANI])

# ---- origin (1)
add("name-origin",
    "where does the word debian itself come from?",
    "origin",
    [r"^\W*(from\W+)?(the\W+(first\W+)?names\W+(of\W+)?)?((Debra|Deb)\W+(and|\+|&)\W+Ian(\W+Murdock)?|Ian(\W+Murdock)?\W+(and|\+|&)\W+(his\W+wife\W+,?\W*)?(Debra|Deb))\W*$",
     s("The", "name", "comes", "from", "the", "names", "of", "the", "creator", "of", "Debian", "Ian", "Murdock", "and", "his", "wife", "Debra")],
    [INTRO])

# ---- definition (1)
add("multiarch-definition",
    "what is multiarch, in plain words?",
    "definition",
    [s("Multiarch", "is", "a", "radical", "rethinking", "of", "the", "filesystem", "hierarchy", "with", "respect", "to", "library", "and", "header", "paths"),
     s("This", "allows", "users", "to", "install", "packages", "from", "multiple", "architectures", "on", "the", "same", "machine"),
     s("this", "release", "introduced", "multi", "arch", "support", "which", "allowed", "users", "to", "install", "packages", "from", "multiple", "architectures")],
    [DET, REL])

# ---- yes-no (2)
add("intrusion-archive-yesno",
    "when attackers broke into a bunch of debian's machines in 2003, did they tamper with the package archive?",
    "yes-no",
    [r"^\W*no\b.*$",
     s("fortunately", "it", "could", "be", "confirmed", "that", "the", "package", "archive", "was", "not", "affected", "by", "this", "compromise")],
    [DET])
add("squeeze-kernel-yesno",
    "is it true that debian 6 was the first linux distro you could also run on a kernel that isn't linux?",
    "yes-no",
    [r"^\W*yes\b.*$",
     s("This", "was", "the", "first", "time", "a", "Linux", "distribution", "has", "been", "extended", "to", "also", "allow", "use", "of", "a", "non", "Linux", "kernel")],
    [REL])

# ---- near-misses (5): the figure or entity asked is absent; decoys in NOTES.md, checks in verify.py
add("bullseye-devs-nearmiss",
    "how many developers worked on debian 11?",
    "nearmiss", [], answerable=False)
add("bookworm-date-nearmiss",
    "when was debian 12 bookworm released?",
    "nearmiss", [], answerable=False)
add("debconf22-where-nearmiss",
    "where was debconf22 held?",
    "nearmiss", [], answerable=False)
add("debconf0-crowd-nearmiss",
    "how many people showed up to the very first debconf in 2000?",
    "nearmiss", [], answerable=False)
add("logo-designer-nearmiss",
    "who designed the debian swirl logo?",
    "nearmiss", [], answerable=False)

assert len(Q) == 30, len(Q)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "debian-history.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")
print(f"wrote {len(Q)} questions to {out}")
