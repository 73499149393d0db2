#!/usr/bin/python3
"""Trains scikit-learn's BernoulliRBM on binarised Fashion-MNIST for a wall-time budget and saves it
as a Glauber model file (.npz with W n_visible×n_hidden, vbias, hbias), so that the Java evaluation
(AIS, features accuracy) can score it with the same code as our own models.

    /usr/bin/python3 bench/sklearn_model.py --seconds 120 --out runs/sklearn-rbm.npz
"""
import argparse
import json
import time

import numpy as np

from peers import DEFAULT_IMAGES, load_idx


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--images", default=DEFAULT_IMAGES)
    p.add_argument("--hidden", type=int, default=500)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--learning-rate", type=float, default=0.1)  # sklearn's default
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    from sklearn.neural_network import BernoulliRBM
    x = load_idx(a.images, 60000, 0.5)
    rbm = BernoulliRBM(n_components=a.hidden, batch_size=a.batch, n_iter=1, learning_rate=a.learning_rate,
                       random_state=a.seed)
    rng = np.random.RandomState(a.seed)
    t0 = time.perf_counter()
    epochs = 0
    while time.perf_counter() - t0 < a.seconds:
        order = rng.permutation(x.shape[0])
        for s in range(0, x.shape[0] - a.batch + 1, a.batch):
            rbm.partial_fit(x[order[s:s + a.batch]])
            if time.perf_counter() - t0 >= a.seconds:
                break
        epochs += 1
    dt = time.perf_counter() - t0
    np.savez(a.out, W=rbm.components_.T.astype(np.float64), vbias=rbm.intercept_visible_.astype(np.float64),
             hbias=rbm.intercept_hidden_.astype(np.float64))
    print(json.dumps({"seconds": dt, "epochs_started": epochs, "out": a.out}))


if __name__ == "__main__":
    main()
