# Builds vim-help.jsonl (kept as a record of how the file was written; verify.py reads the jsonl).
# Run in this folder: python3 build_questions.py
import json, os
W = r"\W+"
GAP = r"(?:\W+\S+){0,6}?\W+"  # skips a few tokens of markup (|link|, *tag*, 'option') inside one sentence


def s(*words):  # sentence pattern: key words of ONE sentence joined with \W+; "~" puts GAP instead
    res, sep = "", W
    for w in words:
        if w == "~":
            sep = GAP
            continue
        res += (sep if res else "") + w
        sep = W
    return res


Q = []


def add(id, question, kind, expect, sources=(), answerable=True):
    Q.append({"id": "vim-" + id, "question": question, "answerable": answerable,
              "expect": list(expect) if answerable else [],
              "sources": list(sources) if answerable else [], "kind": kind})


# ---- who (2)
add("dedication-who",
    "the 9.0 release notes say that release is in memory of somebody. who was it?",
    "who",
    [r"^\W*(to\W+)?(Sven\W+)?Guckes\W*$",
     s("Vim", "version", "9", "0", "is", "dedicated", "to", "Sven", "Guckes")],
    ["version9"])
add("first-book-who",
    "who wrote the first ever book on vim? i heard bits of the user manual were taken from it",
    "who",
    [r"^\W*(by\W+)?Steve\W+Oualline\W*$",
     s("Steve", "Oualline", "Author", "of", "the", "first", "Vim", "book"),
     s("Parts", "of", "the", "user", "manual", "come", "from", "the", "book", "Vi", "IMproved", "Vim", "by", "Steve", "Oualline")],
    ["intro", "usr_01"])

# ---- when (2)
add("neovim-fork-when",
    "when did neovim split off from vim?",
    "when",
    [r"^\W*(in\W+)?(the\W+year\W+)?2014\W*$",
     s("Forked", "the", "Vim", "source", "in", "2014", "and", "went", "a", "different", "way")],
    ["intro"])
add("defaults-script-when",
    "fresh install, nothing of mine in my home dir, yet vim switches on syntax highlighting and a bunch of other stuff. in what situation does it load those built-in defaults?",
    "when",
    [r"^\W*((only\W+)?(when|if)\W+)?(there\W+is\W+|you\W+have\W+|the\W+user\W+has\W+)?no\W+(user\W+|personal\W+|own\W+)?\.?vimrc(\W+file)?(\W+(is\W+)?(found|exists))?\W*$",
     s("If", "Vim", "is", "started", "normally", "and", "no", "user", "vimrc", "file", "is", "found", "the", "VIMRUNTIME", "defaults", "vim", "script", "is", "loaded"),
     s("The", "defaults", "vim", "file", "is", "loaded", "when", "the", "user", "has", "no", "vimrc", "file")],
    ["starting", "usr_05"])

# ---- version (3)
add("winxp-version",
    "my work machine is stuck on windows xp (dont ask). whats the newest vim that still runs on it?",
    "version",
    [r"^\W*(vim\W+)?9\.0(\.0*495|\W+(up\W+to\W+)?(patch(\W+level)?\W+)?(9\.0\.)?0*495)\W*$",
     s("If", "you", "have", "Windows", "XP", "or", "Vista", "then", "Vim", "9", "0", "up", "to", "patch", "level", "495", "can", "be", "used")],
    ["os_win32"])
add("xchacha-version",
    "a coworker encryped a file with the xchacha20 method in vim. what's the oldest vim version that can open it?",
    "version",
    [r"^\W*(vim\W+)?8\.2\.3022(\W+or\W+(later|newer|higher|above))?\W*$",
     s("This", "needs", "at", "least", "a", "Vim", "8", "2", "3022", "to", "read", "the", "encrypted", "file"),
     s("Patch", "8", "2", "3022", "Problem", "Available", "encryption", "methods", "are", "not", "strong", "enough")],
    ["options", "version9"])
add("gdb-version",
    "How old a gdb can I get away with for Vim's built-in debugger plugin?",
    "version",
    [r"^\W*(gdb\W+)?(version\W+)?7\.12(\W+or\W+(later|newer|higher|above))?\W*$",
     s("The", "new", "ui", "command", "requires", "gdb", "version", "7", "12", "or", "later")],
    ["terminal"])

# ---- count (2)
add("register-kinds-count",
    "how many kinds of registers are there in vim altogether?",
    "count",
    [r"^\W*(10|ten)(\W+(types|kinds|sorts)(\W+of\W+registers)?)?\W*$",
     s("There", "are", "ten", "types", "of", "registers")],
    ["change"])
add("mapping-lhs-count",
    "is there a limit on how long the key sequence on the left side of a mapping can be? how many characters max?",
    "count",
    [r"^\W*(up\W+to\W+|at\W+most\W+|max(imum)?\W+)?(50|fifty)(\W+(characters|chars|keys|bytes))?\W*$",
     s("Maximum", "lhs", "of", "a", "mapping", "50", "characters")],
    ["vi_diff"])

# ---- default (3)
add("undo-levels-default",
    "by default how many changes can i undo on linux before the oldest ones get dropped?",
    "default",
    [r"^\W*(1000|1,000|one\W+thousand)(\W+(changes|levels|undo\W+levels|steps))?\W*$",
     s("undolevels", "ul", "number", "default", "100", "1000", "for", "Unix"),
     s("Set", "option", "undolevels", "to", "the", "number", "of", "changes", "to", "be", "remembered", "default", "1000")],
    ["options", "vi_diff"])
add("swap-idle-default",
    "vim crashed on me and i lost the last bit of what i typed. how long do i have to stop typing before vim writes my changes to the swap file?",
    "default",
    [r"^\W*(after\W+)?(about\W+)?((4|four)\W*(s|secs?|seconds)|4,?000\W*(ms|milliseconds)?)\W*$",
     s("updatetime", "ut", "number", "default", "4000"),
     s("The", "swap", "file", "is", "updated", "after", "typing", "200", "characters", "or", "when", "you", "have", "not", "typed", "anything", "for", "four", "seconds"),
     s("Vim", "flushes", "the", "changes", "to", "disk", "when", "you", "don", "t", "type", "for", "about", "four", "seconds")],
    ["options", "recover", "usr_11"])
add("cmd-history-default",
    "how many of my old : commands does vim remember out of the box?",
    "default",
    [r"^\W*(50|fifty|200)(\W+(commands|entries|lines|items))?(\W+\(?(or\W+)?200(\W+(with|in|via)\W+defaults\.vim)?\)?)?\W*$",
     s("history", "hi", "number", "Vim", "default", "50", "Vi", "default", "0", "set", "to", "200", "in", "defaults", "vim"),
     s("Use", "the", "history", "option", "to", "set", "the", "number", "of", "lines", "that", "are", "remembered", "default", "50"),
     s("Keep", "200", "commands", "and", "200", "search", "patterns", "in", "the", "history")],
    ["options", "cmdline", "usr_05"])

# ---- howto (3)
add("keep-undo-howto",
    "i keep losing my undo histroy when i close a file. is there a setting so it survives restarting vim?",
    "howto",
    [r"^\W*((set|setlocal|setl|se)\W+)?undofile\W*$",
     s("By", "setting", "the", "undofile", "option", "Vim", "will", "automatically", "save", "your", "undo", "history"),
     s("When", "on", "Vim", "automatically", "saves", "undo", "history", "to", "an", "undo", "file", "when", "writing", "a", "buffer", "to", "a", "file"),
     s("This", "also", "sets", "the", "undofile", "option", "if", "available")],
    ["undo", "options", "usr_05"])
add("crash-restore-howto",
    "my laptop died while i had unsaved edits open in vim. how do i get them back?",
    "howto",
    [r"^\W*(vim\W+-r(\W+\S+)?|:?recover(\W+\S+)?)\W*$",
     s("Mostly", "you", "can", "recover", "your", "work", "with", "one", "command", "vim", "r", "filename"),
     s("Start", "Vim", "on", "the", "file", "with", "the", "r", "argument", "added")],
    ["recover", "usr_11"])
add("word-total-howto",
    "how can i see how many words are in the file i'm editing?",
    "howto",
    [r"^\W*(type\W+|use\W+|press\W+)?g\W*(CTRL\W*G|<C-g>|\^G|ctrl\W*\+?\W*g)\W*$",
     s("g", "CTRL", "G", "Prints", "the", "current", "position", "of", "the", "cursor", "in", "five", "ways", "Column", "Line", "Word"),
     s("When", "the", "whole", "file", "is", "what", "you", "want", "to", "count", "the", "words", "in", "use", "this", "command")],
    ["editing", "usr_12"])

# ---- abbr (2)
add("old-name-abbr",
    "before it meant vi improved, what did the name vim originally stand for?",
    "abbr",
    [r"^\W*Vi\W*IMitation\W*$",
     s("It", "used", "to", "be", "Vi", "IMitation")],
    ["intro"])
add("kcc-abbr",
    "the uganda charity section in the vim help keeps saying KCC. what's that short for?",
    "abbr",
    [r"^\W*(the\W+)?Kibaale\W+Children\W*s\W+Cent(re|er)\W*$",
     s("Kibaale", "Children", "s", "Centre", "KCC", "is", "located", "in", "Kibaale")],
    ["uganda"])

# ---- which (2)
add("yank-register-which",
    "i yanked a line, then deleted a few words, and now p pastes the deleted stuff instead. which register still has the line i yanked?",
    "which",
    [r"^\W*(the\W+)?(numbered\W+)?(register\W+)?\"?(0|zero)(\W+register)?\W*$",
     s("Numbered", "register", "0", "contains", "the", "text", "from", "the", "most", "recent", "yank", "command")],
    ["change"])
add("docs-license-which",
    "we want to reuse parts of the vim documentaion in our internal wiki. is it under the same license as vim itself, or which license covers the docs?",
    "which",
    [r"^\W*(the\W+)?(Open\W+Publication\W+License|OPL)(\W*\(?OPL\)?)?(\W*,?\W*v?1\.0(\W+or\W+later)?)?\W*$",
     s("The", "Open", "Publication", "License", "applies", "to", "the", "Vim", "documentation"),
     s("This", "material", "may", "be", "distributed", "only", "subject", "to", "the", "terms", "and", "conditions", "set", "forth", "in", "the", "Open", "Publication", "License"),
     s("Changed", "the", "license", "for", "the", "documentation", "to", "the", "Open", "Publication", "License")],
    ["uganda", "usr_01", "version6"])

# ---- where (2)
add("vimrc-where",
    "where does vim look for my personal config file on linux?",
    "where",
    [r"^\W*(in\W+)?((~|\$HOME)/\.vimrc|(~|\$HOME)/\.vim/vimrc)(\W+or\W+((~|\$HOME)/\.vimrc|(~|\$HOME)/\.vim/vimrc))?\W*$",
     s("Unix", "HOME", "vimrc", "or", "HOME", "vim", "vimrc"),
     s("For", "Unix", "and", "Macintosh", "this", "file", "is", "always", "used", "and", "is", "recommended"),
     s("The", "files", "HOME", "vimrc", "and", "HOME", "exrc", "are", "used", "instead", "of")],
    ["starting", "usr_05", "os_unix"])
add("session-memory-where",
    "which file does vim use on linux to remember marks and command history between sessions?",
    "where",
    [r"^\W*(in\W+)?(the\W+)?(~|\$HOME)/\.viminfo(\W+file)?\W*$",
     s("The", "default", "name", "of", "the", "viminfo", "file", "is", "HOME", "viminfo", "for", "Unix")],
    ["starting"])

# ---- yes-no (2)
add("vim9-compat-yesno",
    "is the new vim9 script syntax fully backwards compatable with old vimscript?",
    "yes-no",
    [r"^\W*no\b.*$",
     s("The", "price", "to", "pay", "is", "that", "Vim9", "script", "is", "not", "backwards", "compatible"),
     s("The", "performance", "improvements", "can", "only", "be", "achieved", "by", "not", "being", "100", "backwards", "compatible")],
    ["version9", "vim9"])
add("license-fee-yesno",
    "my company wants to roll out vim on all our dev laptops. do we have to pay some kind of license fee for that?",
    "yes-no",
    [r"^\W*no\b.*$",
     s("Vim", "is", "Charityware"),
     s("You", "can", "use", "and", "copy", "it", "as", "much", "as", "you", "like")],
    ["uganda"])

# ---- definition (1)
add("buffer-definition",
    "coming from vscode, the word buffer in vim confuses me. what actually is a buffer?",
    "definition",
    [s("A", "buffer", "is", "the", "in", "memory", "text", "of", "a", "file"),
     s("A", "buffer", "is", "a", "file", "loaded", "into", "memory", "for", "editing"),
     s("a", "buffer", "is", "a", "copy", "of", "the", "file", "that", "you", "edit"),
     s("The", "Vim", "editor", "uses", "the", "term", "buffer", "to", "describe", "a", "file", "being", "edited")],
    ["windows", "usr_22"])

# ---- origin (1)
add("code-origin",
    "vim wasn't written from scratch, right? which older program was its code originally based on?",
    "origin",
    [r"^\W*(on\W+|from\W+)?(the\W+)?Stevie(\W+(editor|code))?\W*$",
     s("The", "Vim", "editor", "is", "based", "on", "Stevie")],
    ["intro"])

# ---- near-misses (5): same topics, the value asked never appears (see NOTES.md and verify.py)
add("first-release-year-nearmiss",
    "what year did the very first version of vim come out?", "nearmiss", [], answerable=False)
add("v90-release-date-nearmiss",
    "on what date exactly was vim 9.0 released?", "nearmiss", [], answerable=False)
add("iccf-abbr-nearmiss",
    "what does iccf stand for? the charity vim asks you to donate to", "nearmiss", [], answerable=False)
add("undolevels-max-nearmiss",
    "is there an upper limit for undolevels? what's the biggest number it accepts?", "nearmiss", [], answerable=False)
add("sponsored-children-nearmiss",
    "how many kids does the vim charity in uganda currently support through its sponsorship program?",
    "nearmiss", [], answerable=False)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "vim-help.jsonl"), "w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")
print(len(Q), "questions written")
