"""Trains the completeness model: one logistic regression per item (is it in the text?) and one per issue type (that
type against the others), over the features that training/export-features.ts writes (the scorer's own textFeatures),
each feature scaled by its naive Bayes log-count ratio first (NBSVM; measured better than plain features in
cross-validation: item micro-F1 0.869 -> 0.874, type 0.766 -> 0.777 on 1,475 training cases). Reads only the training split; each head's regularisation, class weighting and decision threshold are
chosen by 5-fold cross-validation inside it. Deterministic: the same features give the same weights.

Library: scikit-learn (Debian's python3-sklearn: apt-get install python3-sklearn).
Run: python3 packages/core/training/train.py packages/core/training/.cache/features.jsonl \
       packages/core/src/completeness/model/completeness-model.json
"""
import json
import os
import sys
from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix, diags
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ITEMS = ["product", "version", "environment", "error", "steps", "expected_actual", "impact", "goal", "timeline", "attachment"]
TYPES = ["bug", "how_to", "install_config", "other"]
MIN_DF = 2  # a feature seen in one training case only is noise
SCALE = 100  # weights are stored as integers: round(w * SCALE)
# Per head, the weights of largest size kept (the bundle's budget): each item head ITEM_TOP_K, each type head
# TYPE_TOP_K. Chosen by cross-validation inside the training split (training README, "How many weights"): cut to 700
# each, as before, the type heads lost 3 points of accuracy against all weights (0.763 -> 0.731) and the items 0.010
# of micro-F1; 3,000 and 1,000 keep all but 0.5 point of type and 0.008 of items, for 30 KB more gzip.
ITEM_TOP_K = int(os.environ.get("COMPLETENESS_ITEM_TOP_K", "1000"))
TYPE_TOP_K = int(os.environ.get("COMPLETENESS_TYPE_TOP_K", "3000"))
C_GRID = [0.03, 0.1, 0.3, 1.0]
FOLDS = 5
CV_COUNTS = []  # per item, (tp, fp, fn) of its chosen settings out of fold: the micro-F1 printed at the end


def load(path):
    rows = [json.loads(line) for line in open(path, encoding="utf8")]
    return [r for r in rows if r["split"] == "train"]


def matrix(rows, col):
    indptr, indices = [0], []
    for r in rows:
        indices.extend(col[h] for h in r["features"] if h in col)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), len(col)))


def best_threshold(y, p, highest=0.86):
    """The probability cut that gives the best F1 on out-of-fold predictions."""
    best = (0.0, 0.5)
    for t in np.arange(0.15, highest, 0.025):
        pred = p >= t
        tp = int(np.sum(pred & (y == 1)))
        fp = int(np.sum(pred & (y == 0)))
        fn = int(np.sum(~pred & (y == 1)))
        f1 = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
        if f1 > best[0] + 1e-9:
            best = (f1, float(t))
    return best


def nb_ratio(X, y):
    """Naive Bayes log-count ratios (Wang & Manning 2012, "NBSVM"): how much more often each feature occurs in the
    positive cases than in the negative ones (add-one smoothed). Each feature is scaled by its ratio before the
    logistic regression, and the shipped weight is the product: inference stays one sparse dot product."""
    p = 1.0 + np.asarray(X[y == 1].sum(axis=0)).ravel()
    q = 1.0 + np.asarray(X[y == 0].sum(axis=0)).ravel()
    return np.log((p / p.sum()) / (q / q.sum()))


def nb_fit(X, y, C, weight, nb=True):
    """A logistic regression over NB-scaled features (plain features when not nb); returns the weights on the raw
    features and the bias."""
    r = nb_ratio(X, y) if nb else np.ones(X.shape[1])
    m = LogisticRegression(C=C, class_weight=weight, solver="liblinear", random_state=0, max_iter=5000)
    m.fit(X @ diags(r), y)
    return m.coef_[0] * r, float(m.intercept_[0])


def kept(w, top_k):
    """The weights as shipped: the top_k largest kept, rounded to 1/SCALE, the others zero."""
    out = np.zeros_like(w)
    keep = np.argsort(-np.abs(w), kind="stable")[:top_k]
    out[keep] = np.round(w[keep] * SCALE) / SCALE
    return out


def nb_scores(X_train, y_train, X_test, C, weight, nb, top_k):
    """Out-of-fold log-odds of the head as it would be shipped (kept weights)."""
    w, b = nb_fit(X_train, y_train, C, weight, nb)
    return np.asarray(X_test @ kept(w, top_k)).ravel() + b


def item_head(X, y, gated=False):
    """A gated item is learnt where its rule matched: there the model only vetoes on clear evidence (no class
    reweighting, a cut at most even odds, plain features: NB scaling lets one rare word outweigh the rule), so that a
    short text with a version number keeps it."""
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    best = None
    for C in C_GRID:
        for weight in (None,) if gated else (None, "balanced"):
            oof = np.zeros(len(y))
            for tr, te in folds.split(X, y):
                oof[te] = 1 / (1 + np.exp(-nb_scores(X[tr], y[tr], X[te], C, weight, not gated, ITEM_TOP_K)))
            f1, t = best_threshold(y, oof, 0.51 if gated else 0.86)
            if best is None or f1 > best[0] + 1e-9:
                pred = oof >= t
                counts = (int(np.sum(pred & (y == 1))), int(np.sum(pred & (y == 0))), int(np.sum(~pred & (y == 1))))
                best = (f1, t, C, weight, counts)
    f1, t, C, weight, counts = best
    CV_COUNTS.append(counts)
    w, b = nb_fit(X, y, C, weight, not gated)
    return w, b, t, {"C": C, "classWeight": weight or "none", "cvF1": round(f1, 4)}


def type_head(X, y):
    """One NB-scaled logistic regression per issue type (one against the rest, classes balanced); the type is the
    one whose log-odds are highest."""
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    best = None
    for C in C_GRID:
        hits = 0
        for tr, te in folds.split(X, y):
            Z = np.column_stack([nb_scores(X[tr], (y[tr] == k).astype(int), X[te], C, "balanced", True, TYPE_TOP_K) for k in range(len(TYPES))])
            hits += int(np.sum(Z.argmax(axis=1) == y[te]))
        acc = hits / len(y)
        if best is None or acc > best[0] + 1e-9:
            best = (acc, C)
    acc, C = best
    fits = [nb_fit(X, (y == k).astype(int), C, "balanced") for k in range(len(TYPES))]
    return np.array([w for w, _ in fits]), np.array([b for _, b in fits]), {"C": C, "cvAccuracy": round(acc, 4), "form": "one-vs-rest"}


def sparse_weights(vocab, w, top_k):
    """[key delta, weight, …] over the top_k largest weights (rounded to 1/SCALE, zeros dropped), keys ascending."""
    out, last = [], 0
    for h, v in zip(vocab, kept(w, top_k)):
        q = int(round(v * SCALE))
        if q == 0:
            continue
        out.extend([h - last, q])
        last = h
    return out


def main(features_path, model_path):
    rows = load(features_path)
    df = Counter(h for r in rows for h in set(r["features"]))
    vocab = sorted(h for h, c in df.items() if c >= MIN_DF)
    col = {h: i for i, h in enumerate(vocab)}
    X = matrix(rows, col)
    heads, settings = {}, {}
    for item in ITEMS:
        # A gated item (model.ts GATES) is learnt where its gate is open; where it is closed it is never present.
        keep = [i for i, r in enumerate(rows) if item not in r["ignore"] and item not in r.get("closed", [])]
        y = np.array([1 if item in rows[i]["items"] else 0 for i in keep])
        gated = any(item in r.get("closed", []) for r in rows)
        w, b, t, s = item_head(X[keep], y, gated)
        lost = sum(1 for r in rows if item in r.get("closed", []) and item in r["items"] and item not in r["ignore"])
        if lost:
            CV_COUNTS[-1] = (CV_COUNTS[-1][0], CV_COUNTS[-1][1], CV_COUNTS[-1][2] + lost)
        heads[item] = {"bias": int(round(b * SCALE)), "threshold": round(float(np.log(t / (1 - t))), 4), "w": sparse_weights(vocab, w, ITEM_TOP_K)}
        settings[item] = s
        print(f"{item:16} positives {int(y.sum()):4}/{len(y)}  {s}  kept {len(heads[item]['w']) // 2}", file=sys.stderr)
    tp, fp, fn = (sum(c[k] for c in CV_COUNTS) for k in range(3))
    print(f"cross-validated item micro-F1 {2 * tp / (2 * tp + fp + fn):.4f} (precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f})", file=sys.stderr)
    y = np.array([TYPES.index(r["issueType"]) for r in rows])
    W, B, s = type_head(X, y)
    for k, t in enumerate(TYPES):
        heads[f"type:{t}"] = {"bias": int(round(B[k] * SCALE)), "w": sparse_weights(vocab, W[k], TYPE_TOP_K)}
    settings["issueType"] = s
    print(f"issue type        {s}", file=sys.stderr)
    model = {
        "$comment": "Trained by packages/core/training/train.py on the corpus's training split; see packages/core/training/README.md.",
        "version": 1,
        "hashBits": 20,
        "scale": SCALE,
        "trainedOn": {"cases": len(rows), "features": len(vocab), "sets": dict(sorted(Counter(r["set"] for r in rows).items()))},
        "settings": settings,
        "heads": heads,
    }
    with open(model_path, "w", encoding="utf8") as f:
        json.dump(model, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
