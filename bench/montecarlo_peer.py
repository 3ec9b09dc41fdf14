#!/usr/bin/env python3
"""The numpy peer of `npm run bench:montecarlo`: the same workload computed the way a Python analyst would, in
vectorised numpy, so that rendement's time can be compared with it in the same run.

    python3 bench/montecarlo_peer.py bench/montecarlo-workload.json 100000

Needs Python 3.9+ and numpy 1.22+ (for Generator.triangular/beta; tested with numpy 2.4 on Python 3.11). Prints one
JSON line: the draws, the seconds spent computing (after reading the workload), and the summary statistics that
rendement prints too (mean present value, mean ratio, its 5th, 50th and 95th percentiles, P(ratio >= 1)).

Per draw the present value of an outcome that lasts D years is impact * sum_{t=1..D} k^(t-1) v^t with k = 1 - dropOff
and v = 1 / (1 + r); that sum is the geometric series v * (1 - (k v)^D) / (1 - k v), used here in closed form
(rendement sums year by year, so the two also check each other's arithmetic).
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.stderr.write(
        "numpy is missing. Debian/Ubuntu: apt-get install python3-numpy; elsewhere: python3 -m pip install 'numpy>=1.22'.\n"
    )
    sys.exit(3)


def sample(gen, spec, n):
    """Draws n values of one parameter: a fixed number, or uniform, triangular or Beta-PERT."""
    if isinstance(spec, (int, float)):
        return np.full(n, float(spec))
    if "uniform" in spec:
        low, high = spec["uniform"]
        return gen.uniform(low, high, n)
    if "triangular" in spec:
        low, mode, high = spec["triangular"]
        return gen.triangular(low, mode, high, n)
    if "pert" in spec:
        low, mode, high = spec["pert"]
        width = high - low
        return low + width * gen.beta(1 + 4 * (mode - low) / width, 1 + 4 * (high - mode) / width, n)
    raise ValueError(f"unknown distribution {spec!r}")


def present_values(work, draws):
    gen = np.random.default_rng(work["seed"])
    v = 1.0 / (1.0 + work["discountRate"])
    total = np.zeros(draws)
    for o in work["outcomes"]:
        impact = o["quantity"] * sample(gen, o["proxy"], draws)
        for share in ("deadweight", "displacement", "attribution"):
            impact *= 1.0 - sample(gen, o[share], draws)
        kv = (1.0 - sample(gen, o["dropOff"], draws)) * v
        years = min(o["duration"], work["horizonYears"])
        total += impact * v * (1.0 - kv**years) / (1.0 - kv)
    return total


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "bench/montecarlo-workload.json"
    with open(path, encoding="utf-8") as f:
        work = json.load(f)
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else work["draws"]
    start = time.perf_counter()
    pv = present_values(work, draws)
    ratio = pv / work["investment"]
    p05, p50, p95 = np.percentile(ratio, [5, 50, 95])
    stats = {
        "meanPV": float(pv.mean()),
        "meanRatio": float(ratio.mean()),
        "p05": float(p05),
        "p50": float(p50),
        "p95": float(p95),
        "probRatioAtLeast1": float(np.mean(ratio >= 1.0)),
    }
    seconds = time.perf_counter() - start
    print(json.dumps({"draws": draws, "seconds": round(seconds, 4), "numpy": np.__version__, **stats}))


if __name__ == "__main__":
    main()
