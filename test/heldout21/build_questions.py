#!/usr/bin/env python3
"""Write postfix-docs.jsonl (30 held-out questions on the Postfix 3.7 HTML documentation, Debian 12 postfix-doc).

Written from the corpus files alone (/usr/share/doc/postfix/html); see verify.py for the checks.
Sentence patterns join the answering sentence's key words with \\W+ so that tags, entities, line breaks, the
double spaces of man-page justification and punctuation fall between words; none crosses a word that the man
pages hyphenate across a line ("deliv- ery", "Post- fix"). Anchored patterns (^...$) are for the bare value.
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
W = r"\W+"


def s(*words):  # words joined by \W+
    return W.join(words)


Q = []


def q(id, question, kind, sources, *expect, answerable=True):
    Q.append({"id": id, "question": question, "answerable": answerable, "expect": list(expect),
              "sources": list(sources), "kind": kind})


# ---------------------------------------------------------------- default (4)
q("pf-message-size-default",
  "my server keeps bouncing big attachements. out of the box, how large can a single email get before postfix refuses it?",
  "default", ["postconf.5", "cleanup.8", "qmqpd.8", "smtpd.8"],
  r"^\W*(about\W+)?(10240000|10,240,000|10\.240\.000)(\W+bytes)?\W*$",
  s("message_size_limit", "(default", ")?10240000"))

q("pf-queue-lifetime-default",
  "a customer's mail server has been down since friday. how long will postfix keep retrying a stuck message before it gives up and sends it back, if i never changed anything?",
  "default", ["postconf.5", "qmgr.8", "oqmgr.8", "TUNING_README"],
  r"^\W*(for\W+)?(5\W*d(ays?)?|five\W+days)\W*$",
  s("maximal_queue_lifetime", "(default", ")?5\\W*(d|days)\\b"))

q("pf-bounce-size-default",
  "when something bounces, how much of the original mail does postfix paste into the notice it sends back, at most?",
  "default", ["postconf.5", "bounce.8", "defer.8", "trace.8", "sendmail.1", "mailq.1", "newaliases.1"],
  r"^\W*(up\W+to\W+|at\W+most\W+)?(50000|50,000)(\W+bytes)?\W*$",
  s("bounce_size_limit", "(default", ")?50000"))

q("pf-mailbox-cap-default",
  "my users keep their mail in plain mbox files on the server. is there a cap on how big one can grow by defualt, and how big?",
  "default", ["postconf.5", "local.8"],
  r"^\W*(yes\W+)?(51200000|51,200,000)(\W+bytes)?\W*$",
  s("mailbox_size_limit", "(default", ")?51200000"))

# ---------------------------------------------------------------- howto (5)
q("pf-soft-bounce-howto",
  "about to try some new anti-spam rules and i'm scared of rejecting real mail for good. is there a switch that turns the hard rejects into try-again-later while i test?",
  "howto", ["postconf.5", "cleanup.8", "postscreen.8", "qmqpd.8", "smtpd.8", "SMTPD_ACCESS_README",
            "POSTSCREEN_README", "POSTSCREEN_3_5_README"],
  r"^\W*(set\W+|use\W+|enable\W+|turn\W+on\W+)?(the\W+)?soft_bounce(\W*=\W*yes)?(\W+(parameter|setting|in\W+main\W+cf))?\W*$",
  s("keeps?", "mail", "queued", "that", "would", "otherwise", "be", "returned", "to", "the", "sender"),
  s("This", "causes", "Postfix", "to", "reject", "mail", "with", "a", "try", "again", "reply", "code"))

q("pf-retry-one-howto",
  "one msg has been stuck for hours after a temp failure. how do i retry just that one right now without flushing the whole queue?",
  "howto", ["postqueue.1", "sendmail.1", "mailq.1", "newaliases.1"],
  r"^\W*(run\W+|use\W+)?((postqueue\W+)?-i|(sendmail\W+)?-qI)(\W*<?(queue[_ ]?id|queueid|id)>?)?\W*$",
  s("Schedule", "immediate", "delivery", "of", "(deferred", ")?mail", "with", "the", "specified", "queue", "ID"))

q("pf-postcat-content-howto",
  "how can i look at only the headers and body of a mail that's sitting in the queue, without all the envelope records?",
  "howto", ["postcat.1"],
  r"^\W*(run\W+|use\W+)?(postcat\W+)?(-q\W+)?-(bh|hb)(\W+-q)?(\W+<?(queue[_ ]?id|file)>?)?\W*$",
  s("To", "view", "message", "content", "only", "specify", "bh", "Postfix", "2", "7", "and", "later"))

q("pf-explicit-settings-howto",
  "someone on the mailing list wants my config, but only the lines i actually set in main.cf, not hundreds of builtin values. what command prints just those?",
  "howto", ["postconf.1", "SOHO_README", "STANDARD_CONFIGURATION_README"],
  r"^\W*(run\W+|use\W+)?(the\W+)?postconf\W+-n(\W+command)?\W*$",
  s("Show", "only", "configuration", "parameters", "that", "have", "explicit", "name", "value", "settings", "in", "main", "cf"),
  s("You", "can", "use", "the", "command", "postconf", "-n", "to", "find", "out", "what", "settings", "are", "overruled", "by", "your", "main", "cf"))

q("pf-bdat-off-howto",
  "a crappy old client chokes whenever my server offers chunking. how do i turn bdat off?",
  "howto", ["BDAT_README", "postconf.5"],
  r"^\W*(set\W+|add\W+|use\W+)?smtpd_discard_ehlo_keywords(\W*=\W*chunking(\W*,\W*silent\W*discard)?)?\W*$",
  s("smtpd_discard_ehlo_keywords", "chunking"),
  s("BDAT", "can", "be", "selectively", "disabled", "with", "smtpd_discard_ehlo_keyword_address_maps", "or",
    "globally", "disabled", "with", "smtpd_discard_ehlo_keywords"))

# ---------------------------------------------------------------- which (2)
q("pf-mailq-bang-which",
  "in the mailq listing some queue ids have a ! stuck right after them. which queue are those messages in?",
  "which", ["postqueue.1", "sendmail.1", "mailq.1", "newaliases.1"],
  r"^\W*(they\W+are\W+|it\W+is\W+)?(in\W+)?(the\W+)?(on\W+)?hold(\W+queue)?\W*$",
  s("The", "message", "is", "in", "the", "hold", "queue", "i", "e", "no", "further"))

q("pf-submission-port-which",
  "putting postscreen in front of port 25. which port are my users' mail apps supposed to send through instead?",
  "which", ["POSTSCREEN_README", "POSTSCREEN_3_5_README", "postscreen.8", "SASL_README", "SOHO_README",
            "BUILTIN_FILTER_README"],
  r"^\W*(tcp\W+)?(port\W+)?587(\W+\(?(submission|smtp\W+submission)\)?)?\W*$",
  s("MUA", "clients", "submit", "mail", "via", "the", "submission", "service", "on", "TCP", "port", "587"),
  s("smtpd", "8", "receives", "mail", "from", "MUAs", "on", "the", "submission", "service", "TCP", "port", "587"),
  s("TCP", "network", "port", "587", "which", "is", "reserved", "for", "email", "client", "applications"),
  s("authorized", "users", "connect", "to", "TCP", "port", "587"))

# ---------------------------------------------------------------- definition (2)
q("pf-backscatter-definition",
  "people on a forum told me my server is a 'backscatter victim'. what is backscatter anyway?",
  "definition", ["BACKSCATTER_README", "LOCAL_RECIPIENT_README", "canonical.5", "virtual.5", "postconf.5"],
  s("When", "a", "spammer", "or", "worm", "sends", "mail", "with", "forged", "sender", "addresses", "innocent",
    "sites", "are", "flooded", "with", "undeliverable", "mail", "notifications"),
  s("backscatter", "source", "(Postfix", "first", "|it", ")accepts", "mail", "for", "non", "existent", "recipients",
    "and", "then", "tries", "to", "return", "that", "mail"),
  s("source", "of", "backscatter", "mail", "Postfix", "accepts", "spam", "for", "non", "existent", "recipients",
    "and", "then", "floods", "innocent", "people"))

q("pf-greylisting-definition",
  "what does greylisting actually do to incoming mail?",
  "definition", ["SMTPD_POLICY_README", "postconf.5"],
  s("Greylisting", "is", "a", "defense", "against", "junk", "email"),
  s("stores", "a", "time", "stamp", "for", "every", "client", "sender", "recipient", "triple"),
  s("mail", "is", "not", "accepted", "until", "a", "time", "stamp", "is", "more", "than", "60", "seconds", "old"),
  s("crude", "form", "of", "greylisting", "that", "is", "always", "defer", "the", "first", "delivery", "request"))

# ---------------------------------------------------------------- abbr (2)
q("pf-eai-abbr",
  "the smtputf8 doc keeps saying EAI. what's that short for?",
  "abbr", ["SMTPUTF8_README"],
  r"^\W*Email\W+Address\W+Internationali[sz]ation\W*$",
  s("support", "for", "Email", "Address", "Internationalization", "EAI"))

q("pf-cidr-abbr",
  "what does the cidr in cidr: lookup tables stand for?",
  "abbr", ["DATABASE_README", "postconf.1", "cidr_table.5"],
  r"^\W*Classless\W+Inter\W*Domain\W+Routing\W*$",
  s("Classless", "Inter", "Domain", "Routing"))

# ---------------------------------------------------------------- count (3)
q("pf-verp-knobs-count",
  "how many main.cf settings control the verp stuff in postfix?",
  "count", ["VERP_README"],
  r"^\W*(four|4)(\W+(main\W+cf\W+)?(configuration\W+)?(parameters|settings))?\W*$",
  s("the", "whole", "process", "is", "controlled", "by", "four", "configuration", "parameters"))

q("pf-queueid-reuse-count",
  "how likely is it that postsuper deletes the wrong mesage because a queue id got reused?",
  "count", ["postsuper.1"],
  r"^\W*(about\W+|roughly\W+)?(1|one)\W+in\W+(2\s*\*\*\s*15|2\s*\^\s*15|32,?768)\W*$",
  s("The", "probability", "for", "reusing", "a", "deleted", "queue", "ID", "is", "about", "1", "in", "2", "15"))

q("pf-qshape-top-count",
  "running qshape against a huge backlog, it only lists some of the domains. how many does it show by default?",
  "count", ["qshape.1"],
  r"^\W*(the\W+)?(top\W+)?(20|twenty)(\W+domains)?\W*$",
  s("The", "default", "limit", "is", "20", "domains"))

# ---------------------------------------------------------------- version (3)
q("pf-postlog-version",
  "since which postfix verison is there a command for writing to the mail log from my own shell scripts?",
  "version", ["postlog.1"],
  r"^\W*(since\W+|in\W+)?(postfix\W+)?(version\W+)?3\.4(\W+and\W+later)?\W*$",
  s("The", "postlog", "1", "command", "was", "introduced", "with", "Postfix", "version", "3", "4"))

q("pf-unknown-local-version",
  "since what postfix release does the smtp server refuse mail for nonexistent local users out of the box?",
  "version", ["LOCAL_RECIPIENT_README", "smtpd.8", "ADDRESS_CLASS_README"],
  r"^\W*(since\W+|as\W+of\W+)?(postfix\W+)?(version\W+)?2\.0(\W+and\W+later)?\W*$",
  s("As", "of", "Postfix", "version", "2", "0", "the", "(Postfix", ")?SMTP", "server", "rejects", "mail", "for",
    "unknown", "recipients"),
  s("The", "local_recipient_maps", "feature", "is", "now", "turned", "on", "by", "default"))

q("pf-dsn-version",
  "our senders want to ask for their own success/failure notices when they send. since what version does postfix support that?",
  "version", ["DSN_README"],
  r"^\W*(since\W+|in\W+)?(postfix\W+)?(version\W+)?2\.3(\W+and\W+later)?\W*$",
  s("Postfix", "version", "2", "3", "introduces", "support", "for", "Delivery", "Status", "Notifications"))

# ---------------------------------------------------------------- who (3)
q("pf-qshape-author-who",
  "qshape saved my bacon today. who actually wrote it?",
  "who", ["QSHAPE_README", "qshape.1"],
  r"^\W*(by\W+)?Victor\W+Duchovni(\W+(of\W+|at\W+|\(|,\W*)?Morgan\W+Stanley\)?)?\W*$",
  s("The", "qshape", "1", "program", "was", "developed", "by", "Victor", "Duchovni"),
  s("AUTHOR", "S", "Victor", "Duchovni", "Morgan", "Stanley") + r"(?!\W+(Based|Wietse))")

q("pf-lmdb-driver-who",
  "who contributed the original lmdb driver for postfix?",
  "who", ["LMDB_README", "lmdb_table.5"],
  r"^\W*(by\W+)?Howard\W+Chu(\W+(of\W+|at\W+|\(|,\W*)?Symas(\W+Corporation)?\)?)?\W*$",
  s("Howard", "Chu", "contributed", "the", "initial", "Postfix", "dict_lmdb", "driver"),
  s("AUTHOR", "S", "Howard", "Chu"))

q("pf-tls-origin-who",
  "who originally wrote the tls code in postfix, before wietse folded it in?",
  "who", ["TLS_README", "TLS_LEGACY_README", "FORWARD_SECRECY_README", "IPV6_README", "smtp.8", "lmtp.8",
          "smtpd.8", "postfix.1", "tlsmgr.8"],
  r"^\W*(by\W+)?Lutz(\W+J(ä|ae|a)nicke)?\W*$",
  s("TLS", "support", "for", "Postfix", "was", "originally", "developed", "by", "Lutz", "J(ä|ae)nicke"),
  s("TLS", "support", "(originally", ")?by", "Lutz", "Jaenicke"),
  s("TLS", "patch", "by", "Lutz", "J(ä|ae)nicke"),
  s("Lutz", "J(ä|ae)nicke", "s", "(Postfix", ")?TLS", "patch"),
  s("Lutz", "J(ä|ae)nicke", "was", "designing", "the", "first", "unofficial", "Postfix", "TLS", "patch"),
  s("AUTHOR", "S", "Lutz", "Jaenicke"))

# ---------------------------------------------------------------- yes-no (1)
q("pf-postsuper-all-yesno",
  "if i type postsuper -d all in lowercase, will it still wipe the queue?",
  "yes-no", ["postsuper.1"],
  r"^\W*no\b.*$",
  s("As", "a", "safety", "measure", "the", "word", "ALL", "must", "be", "specified", "in", "upper", "case"))

# ---------------------------------------------------------------- near-miss (5)
for id, question in [
        ("pf-first-release-nearmiss", "what year did postfix first come out?"),
        ("pf-debian-maintainer-nearmiss", "who maintains the postfix package in debian?"),
        ("pf-eol-37-nearmiss", "until when will postfix 3.7 keep getting security fixes?"),
        ("pf-throughput-nearmiss", "roughly how many emails per second can postfix push out on ordinary hardware?"),
        ("pf-mta-sts-nearmiss", "which postfix version added support for mta-sts?")]:
    q(id, question, "nearmiss", [], answerable=False)

with open(os.path.join(HERE, "postfix-docs.jsonl"), "w", encoding="utf-8") as f:
    for x in Q:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
print(f"wrote {len(Q)} questions")
