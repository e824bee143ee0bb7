#!/usr/bin/env python3
"""Train CekNetral's partisan-tone model (a logistic regression) on the development corpus.

    cargo run --quiet --release --example tone_features > target/tone-features.jsonl
    python3 tools/train_tone.py target/tone-features.jsonl > src/scanner/data/tone-model.tsv

Only posts with "split": "dev" are used for training and for choosing thresholds; the
held-out parts are never read here (their ids are skipped). Labels: violation = 1, review
and safe = 0. Features are those of `Scanner::tone_features` (words, word pairs, word
classes, the rules' findings). Names of candidates and parties are placeholders, so the
model learns how partisan posts are written, not who is in the 2024 election.

Five-fold cross-validation on the development posts reports (on stderr) how the lift
threshold moves recall and false alarms; the chosen value lives in `src/scanner/tone.rs`
(LIFT). Standard library only; deterministic (fixed seeds).
"""
import json
import math
import random
import sys

EPOCHS = 30
RATE = 0.1
L2 = 1e-3
MIN_COUNT = 2          # features seen in fewer development posts are dropped
KEEP = 0.005           # weights below this are dropped; the rest are written to two decimals (size)
TOP = 2500             # features kept (by weight), for the wasm's size


def load(path):
    posts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            if p["split"] != "dev":
                continue
            posts.append((p["id"], 1 if p["label"] == "violation" else 0, p["label"], sorted(set(p["f"]))))
    return posts


def train(posts, vocab):
    """Logistic regression with AdaGrad and L2, features present/absent."""
    w = {f: 0.0 for f in vocab}
    g2 = {f: 1e-8 for f in vocab}
    b, gb = 0.0, 1e-8
    rng = random.Random(7)
    order = list(range(len(posts)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            _, y, _, fs = posts[k]
            fs = [f for f in fs if f in w]
            z = b + sum(w[f] for f in fs)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            g = p - y
            gb += g * g
            b -= RATE * g / math.sqrt(gb)
            for f in fs:
                gf = g + L2 * w[f]
                g2[f] += gf * gf
                w[f] -= RATE * gf / math.sqrt(g2[f])
    return b, w


def prob(model, fs):
    b, w = model
    z = b + sum(w.get(f, 0.0) for f in fs)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def rules_violation(fs):
    return any(f.startswith("r:") and f.endswith(":violation") for f in fs)


def lifted(p, fs, lift):
    """What `weigh_tone` does: no lift where the scanner judged the post (a report, a
    question, a warning ...) or where it names nobody; a lift at `lift` otherwise."""
    return "x:no_lift" not in fs and "x:names" in fs and p >= lift


def vocabulary(posts):
    """Features seen in at least MIN_COUNT posts, then the TOP strongest after a first fit."""
    count = {}
    for _, _, _, fs in posts:
        # `x:` marks say what the scanner does with the probability (see `lifted`); the
        # model never weighs them.
        for f in fs:
            if not f.startswith("x:"):
                count[f] = count.get(f, 0) + 1
    vocab = {f for f, c in count.items() if c >= MIN_COUNT}
    _, w = train(posts, vocab)
    strongest = sorted(vocab, key=lambda f: (-abs(w[f]), f))[:TOP]
    return set(strongest)


def main():
    posts = load(sys.argv[1])
    # Cross-validation: out-of-fold probabilities.
    rng = random.Random(11)
    idx = list(range(len(posts)))
    rng.shuffle(idx)
    folds = [idx[i::5] for i in range(5)]
    oof = [0.0] * len(posts)
    for k in range(5):
        test = set(folds[k])
        tr = [posts[i] for i in idx if i not in test]
        model = train(tr, vocabulary(tr))
        for i in folds[k]:
            oof[i] = prob(model, posts[i][3])
    pos = sum(1 for p in posts if p[1])
    safe = [i for i, p in enumerate(posts) if p[2] == "safe"]
    print(f"# development posts: {len(posts)} ({pos} violation, {len(safe)} safe)", file=sys.stderr)
    for lift in (0.6, 0.7, 0.75, 0.8, 0.9):
        tp = fp = 0
        for i, (_, y, label, fs) in enumerate(posts):
            v = rules_violation(fs) or lifted(oof[i], fs, lift)
            if v and y:
                tp += 1
            if v and label == "safe":
                fp += 1
        print(f"# cv lift {lift:.2f}: recall at violation {tp / pos:.3f}, violation rate on safe {fp / len(safe):.3f}", file=sys.stderr)
    base_tp = sum(1 for p in posts if p[1] and rules_violation(p[3]))
    base_fp = sum(1 for i in safe if rules_violation(posts[i][3]))
    print(f"# rules alone: recall at violation {base_tp / pos:.3f}, violation rate on safe {base_fp / len(safe):.3f}", file=sys.stderr)
    # The model written: trained on every development post.
    b, w = train(posts, vocabulary(posts))
    print("# CekNetral partisan-tone model: logistic regression trained by tools/train_tone.py")
    print(f"# on {len(posts)} development posts of tests/corpus ({pos} violation); weights below {KEEP} dropped.")
    print(f"bias\t{b:.4f}")
    for f in sorted(w):
        if abs(w[f]) >= KEEP:
            print(f"{f}\t{w[f]:.2f}")


if __name__ == "__main__":
    main()
