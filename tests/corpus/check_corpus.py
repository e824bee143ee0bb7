#!/usr/bin/env python3
"""Validate the CekNetral evaluation corpus and print its counts.

    python3 tests/corpus/check_corpus.py            # validate, print tables
    python3 tests/corpus/check_corpus.py --quiet    # validate only

Exit status 0 when posts.jsonl and pack-contoh.json are valid and meet the
corpus targets, 1 otherwise (each problem is printed on stderr).
Standard library only.
"""
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSTS = HERE / "posts.jsonl"
PACK = HERE / "pack-contoh.json"

LABELS = ["violation", "review", "safe"]
SPLITS = ["dev", "heldout"]
CATEGORIES = ["call_to_vote", "support", "attack", "hashtag_slogan", "symbol",
              "party_promotion", "campaign_mobilisation", "group_invite",
              "state_facilities", "ktp_collection", "money_politics",
              "relative_candidate", "news"]
KINDS = ["civic", "homonym", "everyday", "news_neutral"]
# Kinds the later files add: `governing` (praise or scorn of government work, naming no
# contestant and nothing of an election; tone-10 and tone-11).
MORE_KINDS = KINDS + ["governing"]
FIELDS = {"id", "split", "text", "label", "categories", "note"}
OPTIONAL = {"pack", "explicit"}
PACKS = {"contoh"}

# targets from the corpus brief
MIN_POSTS = 360
MIN_VIOLATION_PER_CATEGORY = 8       # every category except news
MIN_REVIEW_NEWS = 8
DEV_SHARE = (0.55, 0.65)
GENERIC_SHARE = (0.20, 0.40)         # positives that need no pack ("generic:" note)

errors = []


def err(msg):
    errors.append(msg)


def load_posts():
    posts = []
    with open(POSTS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"line {n}: empty line")
                continue
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"line {n}: invalid JSON: {e}")
                continue
            if not isinstance(p, dict):
                err(f"line {n}: not an object")
                continue
            p["_line"] = n
            posts.append(p)
    return posts


def check_post(p, seen_ids, seen_texts):
    n = p["_line"]
    keys = set(p) - {"_line"}
    if FIELDS - keys:
        err(f"line {n}: missing {sorted(FIELDS - keys)}")
        return False
    if keys - FIELDS - OPTIONAL:
        err(f"line {n}: unknown fields {sorted(keys - FIELDS - OPTIONAL)}")
    pid = p["id"]
    if not isinstance(pid, str) or not re.fullmatch(r"p\d{4}", pid):
        err(f"line {n}: bad id {pid!r}")
    elif pid != f"p{n:04d}":
        err(f"line {n}: id {pid} out of sequence")
    if pid in seen_ids:
        err(f"line {n}: duplicate id {pid}")
    seen_ids.add(pid)
    if p["split"] not in SPLITS:
        err(f"{pid}: bad split {p['split']!r}")
    if p["label"] not in LABELS:
        err(f"{pid}: bad label {p['label']!r}")
    t = p["text"]
    if not isinstance(t, str) or not t.strip():
        err(f"{pid}: empty text")
    else:
        if any(0xD800 <= ord(c) <= 0xDFFF for c in t):
            err(f"{pid}: lone surrogate in text")
        key = t.strip().casefold()
        if key in seen_texts:
            err(f"{pid}: duplicate text of {seen_texts[key]}")
        seen_texts[key] = pid
    cats = p["categories"]
    if not isinstance(cats, list) or not cats or len(set(cats)) != len(cats):
        err(f"{pid}: categories must be a non-empty list without repeats")
    elif p["label"] == "safe":
        if len(cats) != 1 or cats[0] not in KINDS:
            err(f"{pid}: safe posts take exactly one kind from {KINDS}, got {cats}")
    else:
        bad = [c for c in cats if c not in CATEGORIES]
        if bad:
            err(f"{pid}: unknown categories {bad}")
    if not isinstance(p["note"], str) or not p["note"].strip():
        err(f"{pid}: empty note")
    if "pack" in p and p["pack"] not in PACKS:
        err(f"{pid}: unknown pack {p['pack']!r}")
    return True


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_pack():
    try:
        pack = json.loads(PACK.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        err(f"pack-contoh.json: {e}")
        return None
    for k in ("id", "title", "contestants"):
        if k not in pack:
            err(f"pack-contoh.json: missing {k}")
    allowed = {"id", "title", "kind", "region", "voting_day", "campaign", "contestants", "parties"}
    if set(pack) - allowed:
        err(f"pack-contoh.json: unknown fields {sorted(set(pack) - allowed)}")
    if pack.get("kind") not in (None, "pilpres", "pileg", "pilkada", "pilkades"):
        err("pack-contoh.json: bad kind")
    if "voting_day" in pack and not DATE.fullmatch(pack["voting_day"]):
        err("pack-contoh.json: voting_day is not YYYY-MM-DD")
    camp = pack.get("campaign", {})
    if set(camp) - {"start", "end"} or not all(DATE.fullmatch(camp.get(k, "")) for k in ("start", "end")):
        err("pack-contoh.json: campaign needs start and end as YYYY-MM-DD")
    numbers = set()
    for i, c in enumerate(pack.get("contestants", [])):
        if set(c) - {"number", "names", "aliases", "slogans", "hashtags", "symbols"}:
            err(f"pack-contoh.json: contestants[{i}] has unknown fields")
        names = c.get("names")
        if not isinstance(names, list) or len(names) != 2 or not all(isinstance(x, str) and x for x in names):
            err(f"pack-contoh.json: contestants[{i}].names must be two names")
        if c.get("number") in numbers:
            err(f"pack-contoh.json: duplicate contestant number {c.get('number')}")
        numbers.add(c.get("number"))
        for k in ("aliases", "slogans", "hashtags", "symbols"):
            if not all(isinstance(x, str) and x for x in c.get(k, [])):
                err(f"pack-contoh.json: contestants[{i}].{k} must be strings")
        for h in c.get("hashtags", []):
            if not h.startswith("#"):
                err(f"pack-contoh.json: hashtag {h!r} lacks '#'")
    for i, party in enumerate(pack.get("parties", [])):
        if not isinstance(party.get("name"), str) or not isinstance(party.get("number"), int):
            err(f"pack-contoh.json: parties[{i}] needs number and name")
    return pack


# --- heuristics for the obfuscation tricks table (reporting only) ---
ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
TRICKS = {
    "zero-width characters": lambda t: bool(ZW.search(t)),
    "full-width letters/digits": lambda t: any(0xFF01 <= ord(c) <= 0xFF5E for c in t),
    "mathematical styled letters": lambda t: any(0x1D400 <= ord(c) <= 0x1D7FF for c in t),
    "Cyrillic/Greek look-alikes": lambda t: any(0x0370 <= ord(c) <= 0x04FF for c in t),
    "emoji keycaps": lambda t: "\u20e3" in t,
    "finger emoji": lambda t: any(e in t for e in ("\u261d", "\U0001F446", "\u270c", "\U0001F91F")),
    "leetspeak": lambda t: bool(re.search(r"[a-z][0134][a-z]", t, re.I)),
    "elongation": lambda t: bool(re.search(r"([a-z])\1\1", t, re.I)),
    "spaced/dotted letters": lambda t: bool(re.search(r"(?<![\w.])(?:[A-Za-z][ .]{1,2}){2,}[A-Za-z](?![\w])", t)),
    "hashtags": lambda t: bool(re.search(r"#\w", t)),
}


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(x) for x in r) + " |")
    return "\n".join(out)


# The corpus files written after posts.jsonl: (file, id prefix, split, pack key, pack files).
MORE = [
    ("dev-2a.jsonl", "a", "dev", None, []),
    ("dev-2b.jsonl", "b", "dev", "dev2", ["pack-dev2.json"]),
    ("dev-2c.jsonl", "c", "dev", "contoh", ["pack-contoh.json"]),
    ("dev-3a.jsonl", "e", "dev", "dev3", ["pack-dev3.json"]),
    ("dev-3b.jsonl", "f", "dev", "contoh", ["pack-contoh.json"]),
    ("heldout-2.jsonl", "h", "heldout2", "ho2", ["pack-ho2.json"]),
    ("heldout-3.jsonl", "k", "heldout3", "ho3", ["pack-ho3.json"]),
    ("tone-1.jsonl", "ta", "dev", "t1", ["pack-t1.json", "pack-pilpres-2019.json"]),
    ("tone-2.jsonl", "tb", "dev", "t2", ["pack-t2a.json", "pack-t2b.json"]),
    ("tone-3.jsonl", "tc", "dev", "t3", ["pack-t3.json"]),
    ("tone-4.jsonl", "td", "dev", "t4", ["pack-t4a.json", "pack-t4b.json"]),
    ("tone-5.jsonl", "te", "dev", "t5", ["pack-t5.json"]),
    ("tone-6.jsonl", "tf", "dev", "t6", ["pack-t6.json", "pack-pilpres-2019.json"]),
    ("tone-7.jsonl", "tg", "dev", "t7", ["pack-t7.json"]),
    ("tone-8.jsonl", "th", "dev", "t8", ["pack-t8.json"]),
    ("tone-9.jsonl", "ti", "dev", "t9", ["pack-t9.json", "pack-pilpres-2019.json"]),
    ("tone-10.jsonl", "tj", "dev", "t10", ["pack-pilpres-2019.json"]),
    ("tone-11.jsonl", "tk", "dev", "t11", ["pack-t11.json"]),
    ("heldout-4a.jsonl", "m", "heldout4", "ho4a", ["pack-ho4a.json"]),
    ("heldout-4b.jsonl", "n", "heldout4", "ho4b", ["pack-ho4b.json"]),
]


def check_more(seen_texts):
    """Validates the later corpus files; returns their (file, posts) for the summary."""
    out = []
    for name, prefix, split, pack, pack_file in MORE:
        path = HERE / name
        if not path.exists():
            err(f"{name}: missing")
            continue
        for pack_file in pack_file:
            try:
                pk = json.loads((HERE / pack_file).read_text(encoding="utf-8"))
                if not pk.get("id") or not pk.get("title") or not pk.get("contestants"):
                    err(f"{pack_file}: needs id, title and contestants")
            except (OSError, json.JSONDecodeError) as e:
                err(f"{pack_file}: {e}")
        posts = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                p = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{name}:{n}: invalid JSON: {e}")
                continue
            keys = set(p)
            if FIELDS - keys or keys - FIELDS - OPTIONAL:
                err(f"{name}:{n}: fields {sorted(keys)}")
                continue
            if p["id"] != f"{prefix}{n:04d}":
                err(f"{name}:{n}: id {p['id']} out of sequence")
            if p["split"] != split:
                err(f"{name}:{n}: split {p['split']!r}, expected {split!r}")
            if p["label"] not in LABELS:
                err(f"{name}:{n}: bad label {p['label']!r}")
            cats = p["categories"]
            if p["label"] == "safe":
                if len(cats) != 1 or cats[0] not in MORE_KINDS:
                    err(f"{name}:{n}: safe posts take one kind, got {cats}")
            elif not cats or any(c not in CATEGORIES for c in cats):
                err(f"{name}:{n}: bad categories {cats}")
            if "pack" in p and p["pack"] != pack:
                err(f"{name}:{n}: pack {p['pack']!r}, expected {pack!r}")
            if "explicit" in p and (p["label"] != "violation" or not isinstance(p["explicit"], bool)):
                err(f"{name}:{n}: `explicit` is true or false, on violation posts only")
            t = p["text"]
            if any(0xD800 <= ord(c) <= 0xDFFF for c in t):
                err(f"{name}:{n}: lone surrogate")
            key = t.strip().casefold()
            if key in seen_texts:
                err(f"{name}:{n}: duplicate text of {seen_texts[key]}")
            seen_texts[key] = p["id"]
            posts.append(p)
        out.append((name, posts))
    return out


def main():
    quiet = "--quiet" in sys.argv
    posts = load_posts()
    seen_ids, seen_texts = set(), {}
    posts = [p for p in posts if check_post(p, seen_ids, seen_texts)]
    check_pack()
    more = check_more(seen_texts)

    by_label = Counter(p["label"] for p in posts)
    ls = Counter((p["label"], p["split"]) for p in posts)
    cat = Counter()
    for p in posts:
        for c in p["categories"]:
            cat[(p["label"], c, p["split"])] += 1

    # targets
    if len(posts) < MIN_POSTS:
        err(f"only {len(posts)} posts, need {MIN_POSTS}")
    if by_label["safe"] < by_label["violation"] + by_label["review"]:
        err("fewer safe posts than violation+review posts")
    for c in CATEGORIES:
        if c == "news":
            n = cat[("review", c, "dev")] + cat[("review", c, "heldout")]
            if n < MIN_REVIEW_NEWS:
                err(f"news: {n} review posts, need {MIN_REVIEW_NEWS}")
        else:
            n = cat[("violation", c, "dev")] + cat[("violation", c, "heldout")]
            if n < MIN_VIOLATION_PER_CATEGORY:
                err(f"{c}: {n} violation posts, need {MIN_VIOLATION_PER_CATEGORY}")
    for c in CATEGORIES + KINDS:
        for s in SPLITS:
            if not any(cat[(lab, c, s)] for lab in LABELS):
                err(f"{c} has no post in split {s}")
    for lab in ("violation", "review"):
        for c in CATEGORIES:
            total = cat[(lab, c, "dev")] + cat[(lab, c, "heldout")]
            if total >= 2 and not (cat[(lab, c, "dev")] and cat[(lab, c, "heldout")]):
                err(f"{lab}/{c}: all {total} posts in one split")
    dev_share = sum(1 for p in posts if p["split"] == "dev") / max(1, len(posts))
    if not DEV_SHARE[0] <= dev_share <= DEV_SHARE[1]:
        err(f"dev share {dev_share:.2f} outside {DEV_SHARE}")
    positives = [p for p in posts if p["label"] != "safe"]
    generic = [p for p in positives if p["note"].startswith("generic:")]
    gshare = len(generic) / max(1, len(positives))
    if not GENERIC_SHARE[0] <= gshare <= GENERIC_SHARE[1]:
        err(f"generic share of positives {gshare:.2f} outside {GENERIC_SHARE}")
    for p in posts:
        if p.get("pack") and p["note"].startswith("generic:"):
            err(f"{p['id']}: marked generic but needs the contoh pack")
    for lab in LABELS:
        for s in SPLITS:
            if lab != "review" and not any(p.get("pack") and p["label"] == lab and p["split"] == s for p in posts):
                err(f"no {lab} post with pack contoh in split {s}")

    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    if quiet:
        return 1 if errors else 0

    print("### Files after posts.jsonl\n")
    rows = []
    for name, ps in more:
        c = Counter(p["label"] for p in ps)
        rows.append([name, ps[0]["split"] if ps else "-", len(ps), c["violation"], c["review"], c["safe"]])
    print(table(["file", "split", "posts", "violation", "review", "safe"], rows))
    print()

    print(f"### Posts: {len(posts)}\n")
    print(table(["label", "dev", "heldout", "total"],
                [[lab, ls[(lab, 'dev')], ls[(lab, 'heldout')], by_label[lab]] for lab in LABELS]
                + [["**all**", sum(ls[(lab, 'dev')] for lab in LABELS), sum(ls[(lab, 'heldout')] for lab in LABELS), len(posts)]]))
    print("\n### Categories of violation and review posts (a post may have several)\n")
    rows = []
    for c in CATEGORIES:
        v = [cat[("violation", c, s)] for s in SPLITS]
        r = [cat[("review", c, s)] for s in SPLITS]
        rows.append([c, v[0], v[1], sum(v), r[0], r[1], sum(r)])
    print(table(["category", "violation dev", "violation heldout", "violation total",
                 "review dev", "review heldout", "review total"], rows))
    print("\n### Kinds of safe posts\n")
    print(table(["kind", "dev", "heldout", "total"],
                [[k, cat[("safe", k, "dev")], cat[("safe", k, "heldout")],
                  cat[("safe", k, "dev")] + cat[("safe", k, "heldout")]] for k in KINDS]))
    print("\n### Which contestant data a post needs\n")
    rows = []
    for lab in LABELS:
        ps = [p for p in posts if p["label"] == lab]
        contoh = sum(1 for p in ps if p.get("pack") == "contoh")
        gen = sum(1 for p in ps if p["note"].startswith("generic:"))
        rows.append([lab, gen if lab != "safe" else "-", contoh, len(ps) - contoh - (gen if lab != "safe" else 0)])
    print(table(["label", "no pack needed (generic)", "pack contoh", "2024 national pack or none"], rows))
    print(f"\nGeneric share of violation+review posts: {len(generic)}/{len(positives)} = {gshare:.0%}. "
          f"Dev share of all posts: {dev_share:.0%}.")
    print("\n### Obfuscation and surface features (heuristic count, by label)\n")
    rows = []
    for name, fn in TRICKS.items():
        rows.append([name] + [sum(1 for p in posts if p["label"] == lab and fn(p["text"])) for lab in LABELS])
    print(table(["feature", "violation", "review", "safe"], rows))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
