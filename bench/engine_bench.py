"""Engine benchmark: prints tables of time and memory against difflib baselines, in one run.

Table 1, in process: for generated pairs of 50…50,000 paragraphs (bench/generate.py: ~5 %
removed, 5 % inserted, 10 % edited, 1 % moved, a few duplicates), the median time of
``compare_texts`` (alignment, word diffs, kinds) beside difflib.SequenceMatcher over the same
paragraph lists, the ratio of the two, and the engine's peak traced memory against the input size.

Table 2, whole process: ``python -m diffviewer --summary json A B`` against
``python bench/baseline_pipeline.py A B`` (the plain standard-library pipeline) on the same files,
median wall and CPU time of several runs each, interleaved so machine noise hits both alike,
with all cores and then pinned to one (the headless command finds kinds in a forked child on a
second core; on one core it cannot). The package's bytecode is compiled first
(``compileall``), as ``pip install`` does: where PYTHONDONTWRITEBYTECODE is set (it is on the
reference machine), every run would otherwise compile diffviewer's source again, a cost no
installed copy pays (the baseline's standard library is compiled already).

Usage: python bench/engine_bench.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import make_pair
from diffviewer.core.compare import compare_texts

ROOT = Path(__file__).resolve().parent.parent


def median_time(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(func: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def in_process(sizes: list[int], runs: int) -> None:
    print(f"Engine in process (median of {runs} runs)")
    header = f"{'paragraphs':>10} {'input':>9} {'engine s':>9} {'difflib s':>9} {'ratio':>6} "
    print(header + f"{'peak MB':>8} {'peak/input':>10} {'s per 1k':>9}")
    for n in sizes:
        old, new = make_pair(n, seed=n)
        size = len(old.encode()) + len(new.encode())
        old_p = [p for p in old.split("\n\n") if p.strip()]
        new_p = [p for p in new.split("\n\n") if p.strip()]
        count = max(1, runs if n < 50_000 else max(1, runs // 2))
        engine = median_time(lambda o=old, w=new: compare_texts([o, w]), count)
        baseline = median_time(
            lambda a=old_p, b=new_p: SequenceMatcher(None, a, b, autojunk=False).get_opcodes(),
            count,
        )
        peak = peak_memory(lambda o=old, w=new: compare_texts([o, w]))
        print(
            f"{n:>10} {size / 1e6:>7.2f}MB {engine:>9.3f} {baseline:>9.3f} "
            f"{engine / baseline:>6.1f} {peak / 1e6:>8.1f} {peak / size:>10.1f} "
            f"{engine / n * 1000:>9.3f}"
        )


def whole_process(n: int, runs: int) -> None:
    """Both commands as whole processes: wall time (what a user waits) and CPU time (user +
    system, every process of the run); then the same pinned to one core, where the headless
    command's forked kinds child cannot run beside it."""
    compileall.compile_dir(ROOT / "diffviewer", quiet=1)
    old, new = make_pair(n, seed=n)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "old.txt", Path(tmp) / "new.txt"
        a.write_text(old, encoding="utf-8")
        b.write_text(new, encoding="utf-8")
        commands = {
            "diffviewer --summary json": [sys.executable, "-m", "diffviewer", "--summary", "json"],
            "stdlib pipeline": [sys.executable, str(ROOT / "bench" / "baseline_pipeline.py")],
        }
        settings = [("all cores", None)]
        if hasattr(os, "sched_setaffinity"):
            settings.append(("one core", {min(os.sched_getaffinity(0))}))
        for label, cores in settings:
            wall, cpu = _time_commands(commands, [str(a), str(b)], runs, cores)
            print(f"\nWhole process, {n} paragraphs, {label} (median of {runs} runs, interleaved)")
            base = statistics.median(wall["stdlib pipeline"])
            for name in commands:
                med = statistics.median(wall[name])
                print(
                    f"{name:>28}: {med:6.3f} s wall ({med / base:4.2f}× the stdlib pipeline), "
                    f"{statistics.median(cpu[name]):6.3f} s CPU"
                )


def _time_commands(
    commands: dict[str, list[str]], files: list[str], runs: int, cores: set[int] | None
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    def pin() -> None:
        if cores is not None:
            os.sched_setaffinity(0, cores)

    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(
                [*command, *files], capture_output=True, cwd=ROOT, check=False, preexec_fn=pin
            )
            wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            cpu[name].append(used)
            if done.returncode not in (0, 1):
                raise SystemExit(f"{name} failed: {done.stderr.decode()}")
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 50,000-paragraph size")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [50, 500, 5_000] if args.quick else [50, 500, 5_000, 50_000]
    in_process(sizes, args.runs)
    whole_process(5_000, args.runs)


if __name__ == "__main__":
    main()
