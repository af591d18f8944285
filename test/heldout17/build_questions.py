# Builds debian-faq.jsonl (kept as a record of how the file was written; verify.py reads the jsonl).
# Run in this folder: python3 build_questions.py
import json
W = r"\W+"


def s(*words):  # sentence pattern: key words of ONE sentence joined with \W+
    return W.join(words)


def ids(*pages):  # both source ids of each page: X.en (the file) and X (the symlink)
    out = []
    for p in pages:
        out += [p + ".en", p]
    return out


Q = []


def add(id, question, kind, expect, pages=(), answerable=True):
    d = {"id": "faq-" + id, "question": question, "answerable": answerable,
         "expect": expect if answerable else [],
         "sources": ids(*pages) if answerable else [], "kind": kind}
    Q.append(d)


# ---- who (3)
add("toy-story-names-who",
    "just noticed every debian release is named after a toy story character lol. whose idea was that?",
    "who",
    [r"^\W*Bruce\W+Perens\W*$",
     s("The", "decision", "of", "using", "Toy", "Story", "names", "was", "made", "by", "Bruce", "Perens")],
    ["ftparchives"])
add("doc-maintainer-who",
    "who maintains the Debian FAQ nowadays?",
    "who",
    [r"^\W*Javier\W+Fern[aá]ndez\W*Sanguino(\W+Pe[nñ]a)?\W*$",
     s("The", "current", "maintainer", "is", "Javier", "Fernandez", "Sanguino")],
    ["faqinfo"])
add("info-designer-who",
    "Who designed the GNU info documentation system, the hypertext alternative to man pages?",
    "who",
    [r"^\W*Richard\W+(M\W+)?Stallman(\W+\(?RMS\)?)?\W*$",
     s("It", "was", "designed", "by", "Richard", "Stallman", "and", "preceded", "the", "WWW")],
    ["support"])

# ---- when (1)
add("project-start-when",
    "What year did the Debian project start?",
    "when",
    [r"^\W*(in\W+)?1993\W*$",
     s("The", "Debian", "Project", "was", "created", "by", "Ian", "Murdock", "in", "1993")],
    ["basic-defs"])

# ---- count (2)
add("runlevels-count",
    "with old school sysv init, how many runlevles does linux have?",
    "count",
    [r"^\W*(7|seven)(\W+runlevels)?\W*$",
     s("Like", "most", "System", "V", "compatible", "Unices", "Linux", "has", "7", "runlevels")],
    ["customizing"])
add("hardening-count",
    "I read that debian is rebuilding packages with security hardening build flags. roughly how many packages have been changed so far?",
    "count",
    [r"^\W*(around\W+|about\W+|roughly\W+|~\W*)?400(\W+packages)?\W*$",
     s("around", "400", "packages", "have", "been", "modified", "since", "this", "effort", "was", "first", "started")],
    ["nextrelease"])

# ---- default (3)
add("init-system-default",
    "what does a fresh debian install use as its init system?",
    "default",
    [r"^\W*systemd\W*$",
     s("a", "default", "Debian", "system", "uses", "systemd", "as", "the", "implementation", "of", "init"),
     s("Debian", "changed", "its", "default", "init", "system", "from", "System", "V", "init", "to", "systemd")],
    ["customizing"])
add("cron-apt-default",
    "does cron-apt actually install updates on its own out of the box, or does it just fetch them?",
    "default",
    [s("By", "default", "it", "just", "updates", "the", "package", "list", "and", "downloads", "new", "packages", "but", "without", "installing", "them")],
    ["uptodate"])
add("desktop-default",
    "Which desktop environment does the Debian installer put on a machine if you just keep the defaults?",
    "default",
    [r"^\W*GNOME(\W+desktop)?(\W+environment)?\W*$",
     s("most", "commonly", "it", "will", "be", "the", "GNOME", "desktop")],
    ["pkgtools"])

# ---- version (2)
M68K = r"(Etch|4\.0)"
add("m68k-dropped-version",
    "my old amiga runs m68k. in which debian release did m68k stop being an official architecture?",
    "version",
    [r"^\W*(Debian\W+)?" + M68K + r"(\W+\(?(Debian\W+)?" + M68K + r"\)?)?\W*$",
     s("Support", "for", "the", "m68k", "architecture", "was", "dropped", "in", "the", "Etch", "Debian", "4", "0", "release")],
    ["compatibility"])
add("woody-version",
    "What version number was Debian woody?",
    "version",
    [r"^\W*(Debian\W+|release\W+)?3\.0\W*$",
     s("woody", "for", "release", "3", "0"),
     s("woody", "Debian", "3", "0", "was", "the", "cowboy")],
    ["ftparchives"])

# ---- howto (4)
add("hold-package-howto",
    "how do i stop apt from ever upgrading one particular package? i need to keep the version i have",
    "howto",
    [r"^\W*(sudo\W+)?apt-mark\W+hold(\W+\S+)?\W*$",
     s("apt", "mark", "hold", "package_name"),
     s("aptitude", "hold", "package_name")],
    ["pkg-basics"])
add("file-owner-howto",
    "There's some random binary in /usr/bin and I have no idea what installed it. How can I find out which package a file belongs to?",
    "howto",
    [r"^\W*(dpkg\W+(--search|-S)|dlocate\W+-S|apt-file\W+search)(\W+\S+)?\W*$",
     s("dpkg", "search", "foo"),
     s("dlocate", "S", "foo"),
     s("apt", "file", "search", "foo")],
    ["pkgtools"])
add("custom-kernel-howto",
    "i want to build my own kernal from source and end up with a .deb i can install. what command do i run?",
    "howto",
    [r"^\W*make\W+deb-pkg\W*$",
     s("simply", "run", "the", "following", "command", "make", "deb", "pkg")],
    ["kernel"])
add("window-manager-howto",
    "I've got a couple of window managers installed and the wrong one is the system default. How do I switch which one x-window-manager points to?",
    "howto",
    [r"^\W*(sudo\W+)?update-alternatives\W+--config\W+x-window-manager\W*$",
     s("update", "alternatives", "config", "x", "window", "manager")],
    ["customizing"])

# ---- origin (2)
add("debian-name-origin",
    "where does the name debian come from? is it an acronym?",
    "origin",
    [s("This", "word", "is", "a", "contraction", "of", "the", "names", "of", "Debra", "and", "Ian", "Murdock"),
     s("Debra", "and", "Ian")],
    ["basic-defs"])
add("sid-name-origin",
    "why is debian unstable always called sid",
    "origin",
    [s("sid", "was", "the", "evil", "neighbor", "kid", "next", "door", "who", "broke", "all", "toys"),
     s("The", "name", "sid", "also", "comes", "from", "the", "Toy", "Story", "animated", "motion", "picture"),
     s("Sid", "was", "the", "boy", "next", "door", "who", "destroyed", "toys")],
    ["ftparchives"])

# ---- definition (2)
add("virtual-package-def",
    "apt tells me mail-transport-agent is a virtaul package and won't just install it. what is a virtual package?",
    "definition",
    [s("A", "virtual", "package", "is", "a", "generic", "name", "that", "applies", "to", "any", "one", "of", "a", "group", "of", "packages"),
     s("all", "of", "which", "provide", "similar", "basic", "functionality"),
     s("Debian", "uses", "a", "virtual", "package", "system", "to", "allow", "system", "administrators", "to", "choose")],
    ["pkg-basics", "customizing"])
add("broken-testing-def",
    "people in #debian keep saying testing is \"broken\" right now. what does broken actually mean for a distribution?",
    "definition",
    [s("a", "package", "might", "not", "be", "installable", "through", "package", "management", "tools"),
     s("a", "package", "might", "not", "be", "available", "at", "all"),
     s("a", "package", "installs", "but", "does", "not", "behave", "in", "the", "proper", "way"),
     s("the", "distribution", "is", "said", "to", "be", "broken")],
    ["choosing"])

# ---- abbr (2)
add("apt-abbr",
    "What does APT stand for in apt-get?",
    "abbr",
    [r"^\W*(the\W+)?Advanced\W+Packag(e|ing)\W+Tool\W*$",
     s("APT", "is", "the", "Advanced", "Package", "Tool")],
    ["pkgtools"])
add("spi-abbr",
    "what's SPI short for? saw it next to debian donations",
    "abbr",
    [r"^\W*Software\W+in\W+the\W+Public\W+Interest(\W+Inc)?\W*$",
     s("Software", "in", "the", "Public", "Interest", "SPI", "is", "an", "IRS", "501")],
    ["contributing"])

# ---- yes-no (2)
add("sell-cds-yesno",
    "thinking of selling debian install CDs at our local computer fair. is that allowed without asking the project for permision?",
    "yes-no",
    [r"^\W*(yes|go\W+ahead)\b",
     s("You", "do", "not", "need", "permission", "to", "distribute", "anything", "we", "have", "released")],
    ["redistributing"])
add("stable-new-features-yesno",
    "once a debian stable release is out, does it still get new features and newer program versions?",
    "yes-no",
    [r"^\W*no\b",
     s("No", "new", "functionality", "is", "added", "to", "the", "stable", "release"),
     s("it", "will", "only", "get", "security", "updates"),
     s("packages", "in", "stable", "i", "e", "bullseye", "remain", "the", "same", "except", "for", "security", "updates")],
    ["getting-debian", "choosing"])

# ---- where (1)
add("usr-local-where",
    "where am i supposed to put programs i compile myself from a tarball so they don't clash with dpkg?",
    "where",
    [r"^\W*(in\W+|under\W+)?/usr/local(/(src|bin))?/?\W*$",
     s("Files", "under", "the", "directory", "usr", "local", "are", "not", "under", "the", "control", "of", "the", "Debian", "package", "management", "system"),
     s("place", "the", "source", "code", "for", "your", "program", "in", "usr", "local", "src"),
     s("subdirectories", "under", "usr", "local", "be", "entirely", "under", "the", "user", "s", "discretion")],
    ["compatibility"])

# ---- which (1)
add("build-essential-which",
    "Which package should I install to get gcc, make and the other basics for building Debian packages?",
    "which",
    [r"^\W*build-essential(\W+package)?\W*$",
     s("In", "order", "to", "install", "this", "environment", "you", "just", "need", "to", "install", "the", "build", "essential", "package")],
    ["software"])

# ---- near-misses (5): all traps, the FAQ talks about the thing but never gives the asked value
add("security-support-years-nearmiss",
    "planning a server deployment. how many years of security support does a debian stable release get?",
    "nearmiss", [], answerable=False)
add("apt-cacher-port-nearmiss",
    "What port does apt-cacher listen on by default?",
    "nearmiss", [], answerable=False)
add("posix-cert-cost-nearmiss",
    "How much does it cost to get a system POSIX.1 certified?",
    "nearmiss", [], answerable=False)
add("mirror-disk-space-nearmiss",
    "want to run a full debian mirror at my uni. how much disk space does the whole archive need?",
    "nearmiss", [], answerable=False)
add("bookworm-release-date-nearmiss",
    "when was bookworm released as the new stable?",
    "nearmiss", [], answerable=False)

assert len(Q) == 30, len(Q)
assert len({q["id"] for q in Q}) == 30
with open("debian-faq.jsonl", "w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")
print("wrote", len(Q))
