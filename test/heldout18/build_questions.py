# Builds lxd-doc.jsonl (kept as a record of how the file was written; verify.py reads the jsonl).
# Run in this folder: python3 build_questions.py
import json, os
W = r"\W+"
GAP = r"(?:\W+\S+){0,6}?\W+"  # skips a few tokens of markup (a link target, a MyST role) inside one sentence


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
    Q.append({"id": "lxd-" + id, "question": question, "answerable": answerable,
              "expect": list(expect) if answerable else [],
              "sources": list(sources) if answerable else [], "kind": kind})


# ---- who (2)
add("sponsor-who",
    "my boss thinks lxd is some random hobby project. which company is actually backing it?",
    "who",
    [r"^\W*Canonical(\W+(Ltd|Limited)\.?)?\W*$",
     s("The", "LXD", "project", "is", "sponsored", "by", "Canonical", "Ltd")],
    ["index"])
add("local-access-who",
    "who is allowed to talk to the lxd daemon locally on the host?",
    "who",
    [r"^\W*(the\W+)?root(\W+user)?\W+(and|&|\+)\W+(all\W+)?(the\W+)?(members\W+of\W+(the\W+)?)?lxd(\W+group)?(\W+members)?\W*$",
     s("The", "root", "user", "and", "all", "members", "of", "the", "lxd", "group", "can", "interact", "with", "the", "local", "daemon")],
    ["explanation/security"])

# ---- when (2)
add("netplan-warning-when",
    "the lxd faq says netplan can't give a vlan bridge a random mac address. sounds old to me, when was that written?",
    "when",
    [r"^\W*(on\W+)?(2019-03-05|(March|Mar)\W+5(th)?,?\W+2019|5(th)?\W+(of\W+)?March,?\W+2019)\W*$",
     s("At", "time", "of", "writing", "2019", "03", "05", "netplan", "cannot", "assign", "a", "random", "MAC", "address")],
    ["faq"])
add("vendor-data-when",
    "if i put cloud-init vendor-data in a profile, does it get applied on every reboot or when exactly does it run?",
    "when",
    [r"^\W*(only\W+)?(on\W+)?(the\W+)?(instance'?s\W+)?first\W+boot(\W+only)?\W*$",
     s("By", "default", "it", "only", "runs", "on", "first", "boot")],
    ["cloud-init"])

# ---- version (3)
add("min-kernel-version",
    "whats the oldest linux kernel version lxd still supports?",
    "version",
    [r"^\W*(Linux\W+|kernel\W+)?5\.4(\.0)?(\W+or\W+(newer|later|higher|above))?\W*$",
     s("The", "minimum", "supported", "kernel", "version", "is", "5", "4")],
    ["requirements"])
add("vm-support-version",
    "since which lxd release can it run real virtual machines and not only containers?",
    "version",
    [r"^\W*(since\W+)?(LXD\W+)?(version\W+)?4\.0(\W+of\W+LXD)?\W*$",
     s("natively", "supported", "since", "version", "4", "0", "of", "LXD")],
    ["explanation/instances"])
add("tls-version",
    "What's the minimum TLS version the LXD remote API will accept?",
    "version",
    [r"^\W*(TLS\W*)?v?1\.2(\W+or\W+(better|higher|newer|later|above))?\W*$",
     s("The", "supported", "protocol", "must", "be", "TLS", "1", "2", "or", "better")],
    ["authentication"])

# ---- count (2)
add("metrics-cache-count",
    "we scrape lxd with promethues every 5 seconds. are the instance metrics recomputed on every scrape, or how many seconds does lxd cache them?",
    "count",
    [r"^\W*(for\W+)?(8|eight)\W*(s|secs?|seconds?)?\W*$",
     s("They", "are", "cached", "for", "8s", "to", "handle", "multiple", "scrapers")],
    ["metrics"])
add("cluster-voters-count",
    "how many voting members does the distributed database of an lxd cluster get out of the box?",
    "count",
    [r"^\W*(3|three)(\W+(voters?|voting\W+members|voter\W+members|members))?\W*$",
     s("The", "default", "number", "of", "voter", "members", "~", "is", "three"),
     s("cluster", "max_voters", "integer", "global", "3", "Maximum", "number", "of", "cluster", "members", "that", "are", "assigned", "the", "database", "voter", "role")],
    ["explanation/clustering", "server"])

# ---- default (3)
add("offline-threshold-default",
    "how long does an lxd cluster wait before it marks an unresponsive member as offline, by default?",
    "default",
    [r"^\W*(after\W+)?(20|twenty)\W*(s|secs?|seconds)?\W*$",
     s("The", "default", "value", "is", "20", "seconds"),
     s("cluster", "offline_threshold", "integer", "global", "20", "Number", "of", "seconds", "after", "which", "an", "unresponsive", "member", "is", "considered", "offline")],
    ["explanation/clustering", "server"])
add("image-cache-expiry-default",
    "lxd keeps a local copy of every remote image i launched something from. if i stop using one, how many days until it gets thrown away?",
    "default",
    [r"^\W*(after\W+)?(10|ten)(\W+days?)?\W*$",
     s("images", "remote_cache_expiry", "integer", "global", "10", "Number", "of", "days", "after", "which", "an", "unused", "cached", "remote", "image", "is", "flushed"),
     s("it", "is", "deleted", "automatically", "ten", "days", "after", "it", "was", "last", "used", "to", "launch", "an", "instance")],
    ["server", "explanation/storage"])
add("acl-unmatched-default",
    "once i attach a network ACL to an instance's nic, what happens to the traffic that matches none of my rules?",
    "default",
    [r"^\W*((it|they)(\W+is|\W+are|'s|'re|\W+gets?)\W+)?reject(ed)?(\W+by\W+default)?\W*$",
     s("a", "default", "reject", "rule", "is", "added", "to", "the", "NIC"),
     s("This", "rule", "rejects", "all", "traffic", "that", "doesn", "t", "match", "any", "of", "the", "rules"),
     s("Automatic", "default", "action", "for", "any", "unmatched", "traffic", "defaults", "to", "reject"),
     s("security", "acls", "default", "~", "reject", "~", "Action", "to", "use", "for", "~", "traffic", "that", "doesn", "t", "match", "any", "ACL", "rule")],
    ["howto/network_acls", "reference/network_bridge", "reference/network_ovn", "reference/devices_nic"])

# ---- howto (3)
add("docker-nesting-howto",
    "how do i get docker to run inside an lxd container?",
    "howto",
    [r"^\W*(lxc\W+config\W+set\W+\S+\W+)?security\.nesting(\W*=\W*|\W+)true\W*$",
     s("To", "run", "Docker", "inside", "a", "LXD", "container", "the", "security", "nesting", "property", "of", "the", "container", "should", "be", "set", "to", "true")],
    ["faq"])
add("disaster-recover-howto",
    "our lxd database got wiped but the zfs pool with all the instance volumes is still fine. how do i get lxd to pick those instances up again?",
    "howto",
    [r"^\W*(sudo\W+)?lxd\W+recover\W*$",
     s("LXD", "provides", "the", "lxd", "recover", "command")],
    ["backup"])
add("container-name-leak-howto",
    "on a shared host, other users can work out which containers i'm running from the cgroups. how can i stop that?",
    "howto",
    [s("You", "can", "prevent", "this", "name", "leakage", "by", "blocking", "access", "to", "sys", "kernel", "slab", "and", "proc", "sched_debug")],
    ["explanation/security"])

# ---- abbr (2)
add("mitm-abbr",
    "the lxd auth docs list MITM as one reason a server certificate can change. what does MITM stand for there?",
    "abbr",
    [r"^\W*(a\W+)?machine\W+in\W+the\W+middle(\W+attack)?\W*$",
     s("connection", "is", "being", "intercepted", "~", "MITM", "Machine", "in", "the", "middle")],
    ["authentication"])
add("nic-abbr",
    "what's NIC short for in the lxd networking docs?",
    "abbr",
    [r"^\W*(a\W+)?network\W+interface\W+controller\W*$",
     s("NIC", "Network", "Interface", "Controller")],
    ["explanation/networks", "explanation/security", "howto/network_acls"])

# ---- which (2)
add("readonly-role-which",
    "we use rbac with lxd. which role do i hand out to someone who should only be able to look at a project, not change anything?",
    "which",
    [r"^\W*(the\W+)?auditor(\W+role)?\W*$",
     s("auditor", "Read", "only", "access", "to", "the", "project")],
    ["authentication"])
add("template-format-which",
    "which templeting format do the template files inside an lxd image use?",
    "which",
    [r"^\W*Pongo2(\W+templates?|\W*-?\W*formatted(\W+templates?)?)?\W*$",
     s("The", "templates", "directory", "contains", "Pongo2", "formatted", "templates")],
    ["image-handling"])

# ---- where (2)
add("full-backup-where",
    "not using the snap. which directory do i have to copy to get a complete backup of my lxd server?",
    "where",
    [r"^\W*(the\W+(entire\W+|whole\W+)?)?/var/lib/lxd/?(\W+(directory|folder))?\W*$",
     s("A", "full", "backup", "would", "include", "the", "entirety", "of", "var", "lib", "lxd")],
    ["backup"])
add("devlxd-socket-where",
    "from inside an instance, where is the socket that lets it talk to lxd on the host?",
    "where",
    [r"^\W*(at\W+)?/dev/lxd/sock\W*$",
     s("LXD", "sets", "up", "a", "socket", "at", "dev", "lxd", "sock", "which", "root", "in", "the", "container", "can", "use"),
     s("this", "feature", "is", "implemented", "through", "a", "dev", "lxd", "sock", "node"),
     s("This", "socket", "is", "then", "exposed", "into", "every", "single", "instance", "started", "by", "LXD", "at", "dev", "lxd", "sock")],
    ["container-environment", "dev-lxd"])

# ---- yes-no (2)
add("kernel-modules-yesno",
    "can a process inside an lxd container load its own kernel modules?",
    "yes-no",
    [r"^\W*no\b.*$",
     s("LXD", "containers", "cannot", "load", "kernel", "modules")],
    ["faq"])
add("zfs-compression-yesno",
    "does lxd switch on zfs compresion by itself when it creates a new pool?",
    "yes-no",
    [r"^\W*yes\b.*$",
     s("By", "default", "LXD", "enables", "compression", "when", "creating", "a", "ZFS", "pool")],
    ["reference/storage_zfs"])

# ---- definition (1)
add("unprivileged-definition",
    "people keep saying lxd containers are unpriviledged by default. what does that actually mean?",
    "definition",
    [s("containers", "are", "unprivileged", "meaning", "that", "they", "operate", "inside", "a", "user", "namespace")],
    ["explanation/security"])

# ---- origin (1)
add("uid-range-origin",
    "where does lxd take the host uid/gid range from that it maps container root onto?",
    "origin",
    [r"^\W*(from\W+)?(the\W+)?/etc/subuid(\s*[,&+]\s*|\s+and\s+)/etc/subgid(\W+files?)?\W*$",
     s("LXD", "will", "check", "etc", "subuid", "and", "etc", "subgid", "for", "allocations", "for", "the", "lxd", "user")],
    ["userns-idmap"])

# ---- near-misses (5): same topics, the value asked never appears (see NOTES.md and verify.py)
add("lts-support-years-nearmiss",
    "how many years of security fixes does an lxd lts release get?", "nearmiss", [], answerable=False)
add("first-release-year-nearmiss",
    "what year did lxd first come out?", "nearmiss", [], answerable=False)
add("support-price-nearmiss",
    "thinking about buying commercial support for our lxd cluster. how much does canonical charge for it?",
    "nearmiss", [], answerable=False)
add("dns-server-port-nearmiss",
    "which port does lxd's built-in authoritative dns server listen on by default?", "nearmiss", [], answerable=False)
add("bgp-asn-default-nearmiss",
    "if i leave core.bgp_asn unset, what AS number does lxd's bgp server use?", "nearmiss", [], answerable=False)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lxd-doc.jsonl"), "w", encoding="utf-8") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")
print(len(Q), "questions written")
