#!/usr/bin/python3
"""Peers of `glauber bench rbm`: scikit-learn's BernoulliRBM and a straightforward numpy float32
CD-1 loop, on the same binarised Fashion-MNIST rows, timed on this machine. Prints one JSON object.

Run with Debian's python3 (python3-sklearn, python3-numpy):
    /usr/bin/python3 bench/peers.py --visible 784 --hidden 500 --batch 100 --rows 20000

Both peers train on binarised pixels (pixel/255 > 0.5, as `idx:...?binarize=0.5`). Samples/s is
rows processed per second of training (one CD-1 update per mini-batch), excluding data loading.
"""
import argparse
import gzip
import json
import os
import platform
import sys
import time

import numpy as np

DEFAULT_IMAGES = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"


def load_idx(path, rows, threshold):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    magic, n, h, w = np.frombuffer(raw[:16], dtype=">i4")
    if magic != 2051:
        raise SystemExit(f"{path}: not an IDX image file (magic {magic})")
    n = min(n, rows)
    pixels = np.frombuffer(raw[16:16 + n * h * w], dtype=np.uint8).reshape(n, h * w)
    return (pixels / 255.0 > threshold).astype(np.float32)


def sklearn_rbm(x, hidden, batch, seed, dtype=np.float32):
    from sklearn.neural_network import BernoulliRBM
    rbm = BernoulliRBM(n_components=hidden, batch_size=batch, n_iter=1, learning_rate=0.01,
                       random_state=seed, verbose=0)
    x = x.astype(dtype)
    t0 = time.perf_counter()
    rbm.fit(x)
    dt = time.perf_counter() - t0
    import sklearn
    return {"samples_per_s": x.shape[0] / dt, "seconds": dt, "rows": int(x.shape[0]),
            "version": sklearn.__version__, "dtype": str(rbm.components_.dtype),
            "what": f"BernoulliRBM(n_components={hidden}, batch_size={batch}, n_iter=1).fit on {np.dtype(dtype).name} rows (PCD-1)"}


def numpy_cd1(x, hidden, batch, seed, lr=0.01):
    rng = np.random.default_rng(seed)
    n, nv = x.shape
    w = (0.01 * rng.standard_normal((nv, hidden))).astype(np.float32)
    a = np.zeros(nv, dtype=np.float32)
    b = np.zeros(hidden, dtype=np.float32)

    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    steps = n // batch
    t0 = time.perf_counter()
    for s in range(steps):
        v0 = x[s * batch:(s + 1) * batch]
        ph0 = sigmoid(v0 @ w + b)
        h0 = (rng.random(ph0.shape, dtype=np.float32) < ph0).astype(np.float32)
        pv1 = sigmoid(h0 @ w.T + a)
        v1 = (rng.random(pv1.shape, dtype=np.float32) < pv1).astype(np.float32)
        ph1 = sigmoid(v1 @ w + b)
        w += (lr / batch) * (v0.T @ ph0 - v1.T @ ph1)
        a += lr * (v0.mean(0) - v1.mean(0))
        b += lr * (ph0.mean(0) - ph1.mean(0))
    dt = time.perf_counter() - t0
    assert w.dtype == np.float32
    return {"samples_per_s": steps * batch / dt, "seconds": dt, "rows": steps * batch,
            "version": np.__version__, "dtype": "float32",
            "what": "numpy float32 CD-1 loop: 3 products + 2 gradient products per batch"}


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: d.get(k) for k in ("internal_api", "version", "num_threads", "architecture", "filepath")}
                for d in threadpool_info()]
    except Exception as e:  # threadpoolctl missing: say so
        return [{"error": repr(e)}]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--images", default=DEFAULT_IMAGES)
    p.add_argument("--visible", type=int, default=784)
    p.add_argument("--hidden", type=int, default=500)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--rows", type=int, default=20000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--skip", default="", help="comma-separated peers to skip: sklearn,sklearn64,numpy")
    args = p.parse_args()
    x = load_idx(args.images, args.rows, 0.5)
    if x.shape[1] != args.visible:
        raise SystemExit(f"{args.images}: {x.shape[1]} pixels per image (expected --visible {args.visible})")
    out = {"rows": int(x.shape[0]), "visible": args.visible, "hidden": args.hidden, "batch": args.batch,
           "python": platform.python_version(), "numpy_blas": None,
           "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
           "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS", "unset (OpenBLAS uses every core)")}
    skip = set(filter(None, args.skip.split(",")))
    if "numpy" not in skip:
        out["numpy"] = numpy_cd1(x, args.hidden, args.batch, args.seed)
    if "sklearn" not in skip:
        out["sklearn"] = sklearn_rbm(x, args.hidden, args.batch, args.seed)
    if "sklearn64" not in skip:
        # what a user gets from float64 pixels (numpy's default dtype): sklearn then works in float64
        out["sklearn_float64"] = sklearn_rbm(x, args.hidden, args.batch, args.seed, np.float64)
    out["numpy_blas"] = blas_info()
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
