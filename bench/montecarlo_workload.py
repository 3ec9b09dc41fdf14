#!/usr/bin/env python3
"""Writes montecarlo-workload.json, the value map both Monte Carlo implementations compute in `npm run bench:montecarlo`.

The workload is synthetic but shaped like a community initiative's SROI value map: 24 outcomes for five stakeholders
over a 10-year horizon, each with an uncertain financial proxy (triangular), deadweight (uniform), attribution
(Beta-PERT) and drop-off (uniform), a fixed displacement and a duration of 1 to 10 years. Only the Python standard
library is needed; the numbers come from a seeded generator, so running it again gives the same file.

    python3 bench/montecarlo_workload.py [out.json]
"""
import json
import random
import sys

STAKEHOLDERS = ["bewoners", "gemeente", "zorgverzekeraar", "woningcorporatie", "vrijwilligers"]
PROXY_MODES = [350, 800, 1400, 2500, 4800, 11000]  # euro per unit of outcome, price year 2024
QUANTITIES = [6, 12, 20, 35, 50, 100, 250]
DURATIONS = [1, 2, 3, 4, 6, 8, 10]


def outcome(gen: random.Random, number: int) -> dict:
    mode = gen.choice(PROXY_MODES)
    low_dw = round(gen.uniform(0.04, 0.18), 2)
    return {
        "id": f"uitkomst-{number:02d}",
        "stakeholder": STAKEHOLDERS[(number - 1) % len(STAKEHOLDERS)],
        "quantity": gen.choice(QUANTITIES),
        "proxy": {"triangular": [round(mode * 0.5), mode, round(mode * 2.0)]},
        "deadweight": {"uniform": [low_dw, round(low_dw + gen.uniform(0.1, 0.3), 2)]},
        "displacement": gen.choice([0, 0, 0, 0.05, 0.15]),
        "attribution": {"pert": [0.1, round(gen.uniform(0.2, 0.4), 2), 0.65]},
        "dropOff": {"uniform": [0.0, round(gen.uniform(0.1, 0.45), 2)]},
        "duration": gen.choice(DURATIONS),
    }


def workload() -> dict:
    gen = random.Random(16_2026)
    return {
        "description": (
            "Synthetic SROI value map for the Monte Carlo benchmark, written by bench/montecarlo_workload.py. "
            "uniform [min, max]; triangular [min, mode, max]; pert [min, mode, max] = min + (max - min) * "
            "Beta(1 + 4 (mode - min)/(max - min), 1 + 4 (max - mode)/(max - min)). Value in year t = 1..duration: "
            "quantity * proxy * (1 - deadweight) * (1 - displacement) * (1 - attribution) * (1 - dropOff)^(t - 1), "
            "discounted by (1 + discountRate)^t. The investment falls in year 0 and is not discounted."
        ),
        "draws": 100_000,
        "seed": 2026,
        "discountRate": 0.0225,
        "horizonYears": 10,
        "investment": 12_000_000,
        "outcomes": [outcome(gen, i) for i in range(1, 25)],
    }


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/montecarlo-workload.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(workload(), f, indent=1)
        f.write("\n")
