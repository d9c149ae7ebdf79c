"""Engine benchmark: the engine against the word-level standard-library pipeline, in one run.

For each input family (``bench/families.py``: (a) generated ASCII, (b) small vocabulary with
curly quotes and insert/delete edits, (c) Wikipedia revisions ×20, (d) other scripts: Russian,
Arabic, Greek, Korean, Chinese, Japanese, Thai) at 5,000 and 50,000 paragraphs (family c has
one size), one table row with:

- in process: ``compare_texts`` against the pipeline's ``main`` (``bench/baseline_pipeline.py``,
  run in this process on the same files, its output discarded);
- whole process: ``python -m diffviewer --summary json A B`` against ``python
  bench/baseline_pipeline.py A B``, with both cores, and pinned to one (``taskset -c 0``);
- peak RSS of the two whole processes (``wait4``'s ``ru_maxrss``, pinned runs). The processes
  are started by a small launcher made before this one grows: a process started by exec keeps
  its parent's peak RSS as its own floor.

Every figure is the median of interleaved runs (engine, pipeline, engine, pipeline…, so machine
noise hits both alike); the spread (lowest–highest ratio of a run pair) is printed beside it.
The package's bytecode is compiled first (``compileall``), as ``pip install`` does: where
PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile diffviewer's source again, a
cost no installed copy pays (the pipeline's standard library is compiled already).

Then the hard cases, in process: two unrelated 4,000-paragraph versions, ten unrelated
5,000-paragraph versions.

Usage: python bench/engine_bench.py [--quick] [--runs N] [--families abcd] [--no-hard]
(``--quick``: 5,000 paragraphs only, 3 runs, hard cases once.)
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Runs one command per line read (JSON argv); answers wall and CPU seconds and peak RSS.
_LAUNCHER_CODE = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    start = time.perf_counter()
    child = subprocess.Popen(json.loads(line), stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps([wall, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""
_LAUNCHER = subprocess.Popen(
    [sys.executable, "-c", _LAUNCHER_CODE],
    stdin=subprocess.PIPE,
    stdout=subprocess.PIPE,
    text=True,
    cwd=ROOT,
)

# Imported after the launcher starts, on purpose (it must start small).
from bench import baseline_pipeline  # noqa: E402
from bench.families import FAMILIES, family_pair, many_versions, unrelated_pair  # noqa: E402
from diffviewer.core.compare import compare_texts  # noqa: E402

ENGINE = "engine"
PIPELINE = "pipeline"


def _run_pipeline(a: str, b: str) -> None:
    """The pipeline's ``main`` in this process, as its command line would run it."""
    argv = sys.argv
    sys.argv = ["baseline_pipeline.py", a, b]
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            baseline_pipeline.main()
    finally:
        sys.argv = argv


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _process(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (bytes) of one process."""
    assert _LAUNCHER.stdin is not None and _LAUNCHER.stdout is not None
    _LAUNCHER.stdin.write(json.dumps(command) + "\n")
    _LAUNCHER.stdin.flush()
    wall, cpu, rss_kib, status = json.loads(_LAUNCHER.stdout.readline())
    if status not in (0, 1):
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return wall, cpu, rss_kib * 1024


def _median_ratio(engine: list[float], pipeline: list[float]) -> tuple[float, float, float, float]:
    """Medians of both, their ratio, and the spread of run-pair ratios (lowest, highest)."""
    ratios = [e / p for e, p in zip(engine, pipeline, strict=True)]
    return statistics.median(engine), statistics.median(pipeline), min(ratios), max(ratios)


def _cell(engine: list[float], pipeline: list[float], unit: str = "s") -> str:
    e, p, low, high = _median_ratio(engine, pipeline)
    return f"{e:.3f}/{p:.3f}{unit} {e / p:.2f}× ({low:.2f}–{high:.2f})"


def measure(family: str, n: int, runs: int, tmp: Path) -> dict[str, str]:
    old, new = family_pair(family, n)
    a, b = tmp / f"{family}{n}-old.txt", tmp / f"{family}{n}-new.txt"
    a.write_text(old, encoding="utf-8")
    b.write_text(new, encoding="utf-8")
    files = [str(a), str(b)]
    engine_cmd = [sys.executable, "-m", "diffviewer", "--summary", "json", *files]
    pipeline_cmd = [sys.executable, str(ROOT / "bench" / "baseline_pipeline.py"), *files]
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else None
    times: dict[str, list[float]] = {}
    for _ in range(runs):  # Interleaved: each kind of measurement alternates engine, pipeline.
        times.setdefault("in e", []).append(_timed(lambda: compare_texts([old, new])))
        times.setdefault("in p", []).append(_timed(lambda: _run_pipeline(*files)))
        for label, prefix in (("2c", []), ("1c", pin)):
            if prefix is None:
                continue
            for who, command in ((ENGINE, engine_cmd), (PIPELINE, pipeline_cmd)):
                wall, _cpu, rss = _process([*prefix, *command])
                times.setdefault(f"{label} {who}", []).append(wall)
                if label == "1c" or pin is None:
                    times.setdefault(f"rss {who}", []).append(rss / 1e6)
    paragraphs = old.count("\n\n") + 1
    row = {
        "family": family,
        "paragraphs": f"{paragraphs:,}",
        "in process": _cell(times["in e"], times["in p"]),
        "2 cores": _cell(times[f"2c {ENGINE}"], times[f"2c {PIPELINE}"]),
    }
    if pin is not None:
        row["1 core"] = _cell(times[f"1c {ENGINE}"], times[f"1c {PIPELINE}"])
    row["peak RSS"] = _cell(times[f"rss {ENGINE}"], times[f"rss {PIPELINE}"], " MB")
    return row


def hard_cases(runs: int) -> None:
    print("\nHard cases, in process (engine seconds: median, lowest–highest)")
    cases = {
        "two unrelated 4,000-paragraph versions": list(unrelated_pair(4_000)),
        "ten unrelated 5,000-paragraph versions": many_versions(10, 5_000),
    }
    for name, texts in cases.items():
        spent = [_timed(lambda t=texts: compare_texts(t)) for _ in range(runs)]
        print(f"  {name}: {statistics.median(spent):.2f} s ({min(spent):.2f}–{max(spent):.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 paragraphs only, fewer runs")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement")
    parser.add_argument("--families", default="".join(FAMILIES), help="e.g. ab")
    parser.add_argument("--no-hard", action="store_true", help="skip the hard cases")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "diffviewer", quiet=1)
    sizes = [5_000] if args.quick else [5_000, 50_000]
    print(
        "engine/pipeline medians, ratio (lowest–highest ratio of the interleaved run pairs);\n"
        "whole process = python -m diffviewer --summary json vs bench/baseline_pipeline.py"
    )
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for family in args.families:
            for n in sizes if family != "c" else [0]:
                runs = args.runs or (3 if args.quick or n >= 50_000 else 7)
                row = measure(family, n, runs, tmp)
                print(" | ".join(f"{k}: {v}" for k, v in row.items()), flush=True)
    if not args.no_hard:
        hard_cases(1 if args.quick else 3)


if __name__ == "__main__":
    main()
