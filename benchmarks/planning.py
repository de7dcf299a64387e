"""The campaign planner against first-fit (issue 16): a seeded collège and a seeded lycée.

Run: ``python benchmarks/planning.py [--seeds 1 2 3] [--time 10]``. For each school and seed:
first-fit (pupils in class order into the first session with a seat, slots opened in date
order: the plan a person builds by hand) and OR-Tools CP-SAT on 2 workers with a time limit;
time to the first feasible plan and to the end (optimum proven or the limit), the gap to the
proven bound, and the plan's quality by the same score for both (sessions, invigilator hours,
classes split, weighted objective). Both plans are checked by ``plan_problems``. Prints a
Markdown table for docs/measurements.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.planning_data import generate  # noqa: E402
from pixtui.domain.planning import plan_problems, plan_score  # noqa: E402
from pixtui.domain.planning_greedy import first_fit  # noqa: E402
from pixtui.services.planning import SolveOptions, solve  # noqa: E402


def _row(name: str, seconds: str, first: str, gap: str, inputs, plan) -> str:
    score = plan_score(inputs, plan)
    broken = len(plan_problems(inputs, plan))
    return (
        f"| {name} | {seconds} | {first} | {gap} | {score.sessions} | "
        f"{score.invigilator_hours:.1f} | {score.classes_split} | {score.max_load} | "
        f"{score.weighted(inputs.weights)} | {broken} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--time", type=float, default=10.0)
    parser.add_argument("--schools", nargs="+", default=["college", "lycee"])
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, time limit {args.time} s\n")
    print(
        "| school / seed / method | total s | first plan s | gap | sessions | invigilator h "
        "| classes split | most per invigilator | weighted | rules broken |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind in args.schools:
        for seed in args.seeds:
            inputs = generate(kind, seed)
            label = f"{kind} ({len(inputs.pupils)} pupils, {len(inputs.slots)} slots) #{seed}"
            started = time.perf_counter()
            greedy = first_fit(inputs)
            greedy_s = time.perf_counter() - started
            print(
                _row(
                    f"{label} first-fit", f"{greedy_s:.3f}", f"{greedy_s:.3f}", "–", inputs, greedy
                )
            )
            outcome = solve(inputs, SolveOptions(time_limit=args.time))
            plan = outcome.plan
            if plan is None:
                print(f"| {label} CP-SAT | no plan: {[p.message for p in outcome.problems]} |")
                continue
            gap = f"{100 * plan.gap:.1f} %" if plan.gap is not None else "–"
            first = f"{plan.first_feasible_seconds:.2f}" if plan.first_feasible_seconds else "–"
            print(
                _row(
                    f"{label} CP-SAT ({plan.status})",
                    f"{plan.seconds:.1f}",
                    first,
                    gap,
                    inputs,
                    plan,
                )
            )


if __name__ == "__main__":
    main()
