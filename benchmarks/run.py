#!/usr/bin/env python3
"""Measure build time, database size, search latency, cold start, memory and the GUI.

    PYTHONPATH=. python benchmarks/run.py --sizes 1000,10000,100000
    PYTHONPATH=. python benchmarks/run.py --sizes 1000,10000 --gui-only --no-write

The GUI rows (window start, typing latency, GUI thread stalls, memory of the real
window) come from `benchmarks/gui_probe.py` in new offscreen processes. The typing
latency and stall budgets are absolute milliseconds, not ratios.

For each size the script writes a synthetic export with `make_corpus.py`, builds it
with `build_db.py` and measures the database. The machine is noisy, so every figure
is a ratio against a baseline measured in the same run on the same data, and the
budget applies to the ratio. The results are printed as JSON and written to
`docs/benchmarks.md` with a plot in `docs/benchmarks.png` (the plot needs
matplotlib, which is not a dependency of the app).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAKE_CORPUS = REPO / "benchmarks" / "make_corpus.py"
GUI_PROBE = REPO / "benchmarks" / "gui_probe.py"
BUILD_DB = REPO / "build_db.py"
MARKDOWN = REPO / "docs" / "benchmarks.md"
PLOT = REPO / "docs" / "benchmarks.png"

DEFAULT_SIZES = (1000, 10000, 100000)

BUILD_BUDGET = 1.2
SIZE_BUDGET = 2.5
LATENCY_BUDGET = 1.5
LIKE_SPEEDUP_BUDGET = 10.0
MEMORY_BUDGET_MB = 60.0
GUI_WINDOW_BUDGET = 1.5
GUI_ANSWER_BUDGET = 2.0
# Typing budgets are absolute: results painted within 50 ms of the end of the 150 ms
# debounce at p95, and no stall of the GUI thread longer than one 60 Hz frame.
TYPING_BUDGET_MS = 50.0
STALL_BUDGET_MS = 16.0

# The query mix: (kind, query, FTS5 column filter and tokens for the bare MATCH
# baseline). Tokens of None mean "the app's normalize + char_tokens of the query", so
# the baseline gets the tokenisation for free. A pinyin query's baseline searches
# the characters of the word it spells.
QUERIES = (
    ("one character", "票", "{title_chars body_chars}", None),
    ("one character", "激", "{title_chars body_chars}", None),
    ("two characters", "开票", "{title_chars body_chars}", None),
    ("two characters", "模式", "{title_chars body_chars}", None),
    ("word", "伙伴中心", "{title_chars body_chars}", None),
    ("word", "子客户", "{title_chars body_chars}", None),
    ("phrase", "合作伙伴如何取消关联", "{title_chars body_chars}", None),
    ("phrase", "在哪里填写发票号", "{title_chars body_chars}", None),
    ("pinyin", "kaipiao", "{title_chars body_chars}", ["开", "票"]),
    ("pinyin", "jili", "{title_chars body_chars}", ["激", "励"]),
    ("traditional", "發票", "{title_chars body_chars}", None),
    ("full-width", "ＭＤＦ", "{title_chars body_chars}", None),
    ("Latin", "HCPN", "{title_chars body_chars}", None),
    ("no hit", "xqzvw", "{title_chars body_chars}", None),
)

FTS_BASELINE_SQL = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts) LIMIT 20"
LIKE_SQL = "SELECT id FROM entries WHERE title LIKE ? OR body LIKE ?"

# Child process scripts. Each prints one JSON object on its last line of output.
SEGMENT_BASELINE_SCRIPT = r"""
import json, sys, time
from pathlib import Path
import jieba
from helpapp.core.export import parse_exports
jieba.setLogLevel(60)
jieba.initialize()
texts = []
for entry in parse_exports([Path(sys.argv[1])]).entries:
    texts.append(entry.title)
    texts.append(entry.body)
start = time.perf_counter()
for text in texts:
    for _ in jieba.cut_for_search(text):
        pass
print(json.dumps({"seconds": time.perf_counter() - start, "texts": len(texts)}))
"""

COLD_START_SCRIPT = r"""
import sys
from pathlib import Path
from helpapp.core.database import FaqDatabase
from helpapp.core.search import search
db = FaqDatabase(Path(sys.argv[1]))
print(len(search(db, "开票").hits))
"""

COLD_START_BASELINE_SCRIPT = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
print(connection.execute("SELECT count(*) FROM entries").fetchone()[0])
"""

MEMORY_SCRIPT = r"""
import json, os, resource, sys
from pathlib import Path
mode = sys.argv[1]
if mode in ("qt", "qt+core"):
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.show()
    app.processEvents()
if mode in ("core", "qt+core"):
    from helpapp.core.database import FaqDatabase
    from helpapp.core.search import search
    db = FaqDatabase(Path(sys.argv[2]))
    for query in json.loads(sys.argv[3]):
        search(db, query, limit=20)
if mode != "core":
    app.processEvents()
print(json.dumps({"maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


# Machine


def machine_info() -> dict:
    cpu = "unknown"
    memory_gib = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass

    try:
        import PySide6

        pyside_version = PySide6.__version__
    except ImportError:
        pyside_version = "not installed"
    import jieba

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": platform.platform(),
        "commit": code_commit(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": pyside_version,
        "jieba": jieba.__version__,
    }


def code_commit() -> str:
    """Return the commit of the code under test: $BENCHMARK_COMMIT when set (for a
    snapshot without .git), else the checkout's HEAD, marked when the tree has edits."""
    if os.environ.get("BENCHMARK_COMMIT"):
        return os.environ["BENCHMARK_COMMIT"]
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" with uncommitted edits" if dirty else "")


# Helpers


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # An installed app runs from compiled bytecode (pip and PyInstaller compile it), and
    # PySide6 in site-packages already has its .pyc files. Without this, a shell that
    # sets PYTHONDONTWRITEBYTECODE makes every child compile the app from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_child(args: list[str], timeout: float = 600, env: dict[str, str] | None = None) -> str:
    """Run a Python child process and return its last line of standard output."""
    completed = subprocess.run(
        [sys.executable, *args], env=env or child_env(), cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{args[0][:60]!r} failed with exit code {completed.returncode}: {completed.stderr[-2000:]}")
    return completed.stdout.strip().splitlines()[-1]


def percentile(values: list[float], share: float) -> float:
    """Return the nearest-rank percentile of `values` (share 0.5 is the median)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER BUDGET"


# Build


def measure_segmentation_baseline(export: Path) -> float:
    """Time jieba.cut_for_search over every title and body of the export, with the
    default dictionary already loaded, in a fresh process."""
    return json.loads(run_child(["-c", SEGMENT_BASELINE_SCRIPT, str(export)], timeout=3600))["seconds"]


def measure_build(export: Path, database: Path, timeout: float) -> dict:
    """Run build_db.py and return its wall time and peak memory, or the time it was
    stopped after when it exceeded `timeout` seconds."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(BUILD_DB), "-q", str(export), "-o", str(database)],
        env=child_env(),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid == process.pid:
            break
        if time.perf_counter() - start > timeout:
            process.kill()
            process.wait()
            return {"completed": False, "stopped_after_seconds": round(time.perf_counter() - start, 1)}
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"build_db.py failed with exit code {process.returncode}: {stderr[-2000:]}")
    return {"completed": True, "seconds": seconds, "maxrss_mib": usage.ru_maxrss / 1024}


# Search


def baseline_expression(normalize, char_tokens, query: str, columns: str, tokens: list[str] | None) -> str:
    if tokens is None:
        tokens = char_tokens(normalize(query))
    return f'{columns} : "{" ".join(tokens)}"'


def measure_search(database: Path, rounds: int, like_rounds: int) -> dict:
    """Time the app's search, a bare FTS5 MATCH and a LIKE scan for every query of
    the mix, interleaved so that noise hits all three alike."""
    from helpapp.core.database import FaqDatabase
    from helpapp.core.search import search
    from helpapp.core.text import char_tokens, normalize

    db = FaqDatabase(database)
    db.warm_up()
    connection = sqlite3.connect(database.resolve().as_uri() + "?mode=ro", uri=True)

    prepared = []
    for kind, query, columns, tokens in QUERIES:
        expression = baseline_expression(normalize, char_tokens, query, columns, tokens)
        needle = "%" + normalize(query) + "%"
        prepared.append((kind, query, expression, needle))

    # One untimed pass, so the first query does not pay for cold pages.
    for _, query, expression, needle in prepared:
        search(db, query, limit=20)
        connection.execute(FTS_BASELINE_SQL, (expression,)).fetchall()

    app_times: dict[str, list[float]] = {query: [] for _, query, _, _ in prepared}
    fts_times: dict[str, list[float]] = {query: [] for _, query, _, _ in prepared}
    like_times: dict[str, list[float]] = {query: [] for _, query, _, _ in prepared}
    hits: dict[str, int] = {}
    fts_hits: dict[str, int] = {}
    for round_number in range(rounds):
        for _, query, expression, needle in prepared:
            start = time.perf_counter()
            result = search(db, query, limit=20)
            app_times[query].append(time.perf_counter() - start)
            hits[query] = len(result.hits)

            start = time.perf_counter()
            rows = connection.execute(FTS_BASELINE_SQL, (expression,)).fetchall()
            fts_times[query].append(time.perf_counter() - start)
            fts_hits[query] = len(rows)

            if round_number < like_rounds:
                start = time.perf_counter()
                connection.execute(LIKE_SQL, (needle, needle)).fetchall()
                like_times[query].append(time.perf_counter() - start)
    db.close()
    connection.close()

    def summary(times: dict[str, list[float]]) -> dict:
        values = [value for series in times.values() for value in series]
        return {"p50_ms": percentile(values, 0.5) * 1000, "p95_ms": percentile(values, 0.95) * 1000, "samples": len(values)}

    per_query = [
        {
            "kind": kind,
            "query": query,
            "fts_expression": expression,
            "hits": hits[query],
            "fts_hits": fts_hits[query],
            "app_p50_ms": statistics.median(app_times[query]) * 1000,
            "fts_p50_ms": statistics.median(fts_times[query]) * 1000,
            "like_p50_ms": statistics.median(like_times[query]) * 1000,
        }
        for kind, query, expression, _ in prepared
    ]
    return {"app": summary(app_times), "fts": summary(fts_times), "like": summary(like_times), "queries": per_query}


# Start and memory


def measure_cold_start(database: Path, repeats: int) -> dict:
    """Time fresh processes that open the database and run one search, against
    fresh processes that only open it with sqlite3 and count the entries.

    The file is in the page cache after the build, so this is a warm-disk start of a
    new process, not a start after a reboot.
    """

    def timed(script: str) -> float:
        start = time.perf_counter()
        run_child(["-c", script, str(database)])
        return time.perf_counter() - start

    app = [timed(COLD_START_SCRIPT) for _ in range(repeats)]
    bare = [timed(COLD_START_BASELINE_SCRIPT) for _ in range(repeats)]
    return {"app_seconds": statistics.median(app), "baseline_seconds": statistics.median(bare), "repeats": repeats}


def gui_probe_env(profile_dir: Path) -> dict[str, str]:
    """Return the child environment with the Qt profile (data, settings, cache) in
    `profile_dir`, so no measurement reads or writes the real profile."""
    env = child_env()
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(profile_dir / name.lower())
    return env


def run_gui_probe(mode: str, variant: str, database: Path, profile_dir: Path, *options: str) -> dict:
    """Run `gui_probe.py MODE VARIANT DB` in a new offscreen process and return its
    report, or {"error": ...} when the process failed."""
    spawned = time.perf_counter()
    try:
        output = run_child([str(GUI_PROBE), mode, variant, str(database), *options], timeout=300, env=gui_probe_env(profile_dir))
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        failure = summarize_failure(str(error))
        log(f"gui_probe.py {mode} {variant} on {database.name} failed: {failure}")
        return {"error": failure}
    report = json.loads(output)
    if "script_start" in report:
        # perf_counter is CLOCK_MONOTONIC on Linux, shared by parent and child.
        report["interpreter_start_seconds"] = report["script_start"] - spawned
    return report


def summarize_failure(message: str) -> str:
    """Return the line of a child's error output that names the failure."""
    for pattern in (r"Fatal Python error: [^\n]+", r"gui_probe: [^\n]+", r"[A-Za-z]+Error: [^\n]+"):
        match = re.search(pattern, message)
        if match:
            return match.group(0)
    return message.strip().splitlines()[-1] if message.strip() else "failed"


def measure_gui_start(database: Path, repeats: int) -> dict:
    """Time new offscreen processes from the top of the script to the main window's
    first paint, and to the first results painted (one query committed as soon as the
    window is painted), for the real window and for a bare QMainWindow.

    Each variant runs once untimed to create its temporary profile and fill the page
    cache, then the two variants alternate so that noise hits both alike.
    """
    runs: dict[str, list[dict]] = {"app": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="helpapp-gui-start-") as temp_dir:
        for variant in runs:
            warm_up = run_gui_probe("start", variant, database, Path(temp_dir) / variant)
            if "error" in warm_up:
                return {"error": f"{variant}: {warm_up['error']}"}
        for _ in range(repeats):
            for variant in runs:
                report = run_gui_probe("start", variant, database, Path(temp_dir) / variant)
                if "error" in report:
                    return {"error": f"{variant}: {report['error']}"}
                runs[variant].append(report)

    def median(variant: str, key: str) -> float:
        return statistics.median(report[key] for report in runs[variant])

    return {
        "window_seconds": median("app", "window_shown"),
        "answer_seconds": median("app", "answer_shown"),
        "baseline_window_seconds": median("bare", "window_shown"),
        "baseline_answer_seconds": median("bare", "answer_shown"),
        "interpreter_start_seconds": median("app", "interpreter_start_seconds"),
        "baseline_interpreter_start_seconds": median("bare", "interpreter_start_seconds"),
        "repeats": repeats,
        "runs": runs,
    }


def measure_gui_typing(database: Path, runs: int, passes: int) -> dict:
    """Type the probe's query list key by key into the real window and into the bare
    window, pooled over `runs` processes. Return the latency from the last key to the
    results painted, and the lateness of a 4 ms timer on the GUI thread."""
    samples: dict[str, list[dict]] = {"app": [], "bare": []}
    lateness: dict[str, list[float]] = {"app": [], "bare": []}
    worst_stalls: list[dict] = []
    debounce_ms = None
    with tempfile.TemporaryDirectory(prefix="helpapp-gui-typing-") as temp_dir:
        for run in range(runs):
            for variant in samples:
                report = run_gui_probe("typing", variant, database, Path(temp_dir) / variant, "--passes", str(passes), "--seed", str(run + 1))
                if "error" in report:
                    return {"error": f"{variant}: {report['error']}"}
                samples[variant] += report["samples"]
                lateness[variant] += report["lateness_ms"]
                if variant == "app":
                    debounce_ms = report["debounce_ms"]
                    worst_stalls += report["worst_stalls"]

    def latency(variant: str) -> dict:
        shown = [sample["shown_ms"] for sample in samples[variant] if sample["shown_ms"] is not None]
        after = [value - debounce_ms for value in shown]
        summary = {
            "p50_ms": percentile(shown, 0.5),
            "p95_ms": percentile(shown, 0.95),
            "after_debounce_p50_ms": percentile(after, 0.5),
            "after_debounce_p95_ms": percentile(after, 0.95),
            "samples": len(shown),
            "missing": len(samples[variant]) - len(shown),
        }
        # Where the time goes, measured from the debounce timer firing: the worker's end
        # of the search, which is negative when the search ran while the timer waited,
        # then the results reaching MainWindow._show_outcome, then the paint.
        steps = [sample for sample in samples[variant] if sample.get("worker_finished_ms") is not None and sample["shown_ms"] is not None]
        if steps:
            summary["worker_after_debounce_p50_ms"] = statistics.median(sample["worker_finished_ms"] - sample["debounce_fired_ms"] for sample in steps)
            summary["results_after_debounce_p50_ms"] = statistics.median(sample["results_ms"] - sample["debounce_fired_ms"] for sample in steps)
            summary["paint_p50_ms"] = statistics.median(sample["shown_ms"] - sample["results_ms"] for sample in steps)
        return summary

    def stalls(variant: str) -> dict:
        values = lateness[variant]
        return {
            "max_ms": max(values),
            "p99_ms": percentile(values, 0.99),
            "over_budget": sum(1 for value in values if value > STALL_BUDGET_MS),
            "ticks": len(values),
        }

    return {
        "debounce_ms": debounce_ms,
        "app": latency("app"),
        "baseline": latency("bare"),
        "app_lateness": stalls("app"),
        "baseline_lateness": stalls("bare"),
        "worst_stalls": sorted(worst_stalls, key=lambda stall: stall["lateness_ms"], reverse=True)[:5],
        "runs": runs,
        "passes": passes,
    }


def measure_gui_memory(database: Path, repeats: int) -> dict:
    """Return the median peak RSS of new processes that start the real window and
    search ten queries, against the bare window given the same ten queries."""
    peaks: dict[str, list[float]] = {"app": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="helpapp-gui-memory-") as temp_dir:
        for _ in range(repeats):
            for variant in peaks:
                report = run_gui_probe("memory", variant, database, Path(temp_dir) / variant)
                if "error" in report:
                    return {"error": f"{variant}: {report['error']}"}
                peaks[variant].append(report["maxrss_mib"])
    return {"app_mib": statistics.median(peaks["app"]), "baseline_mib": statistics.median(peaks["bare"]), "repeats": repeats}


def measure_memory(database: Path) -> dict:
    """Return the peak RSS of three fresh processes: an empty offscreen QMainWindow,
    the same window plus the database opened and ten searches run, and the database
    and searches without Qt."""
    queries = json.dumps([query for _, query, _, _ in QUERIES][:10])

    def maxrss_mib(mode: str) -> float:
        output = run_child(["-c", MEMORY_SCRIPT, mode, str(database), queries])
        return json.loads(output)["maxrss_kib"] / 1024

    return {"qt_mib": maxrss_mib("qt"), "qt_core_mib": maxrss_mib("qt+core"), "core_mib": maxrss_mib("core")}


# One size


def measure_size(size: int, seed: int, work_dir: Path, build_timeout: float, gui_only: bool = False) -> dict:
    export = work_dir / f"faq-{size}.txt"
    database = work_dir / f"faq-{size}.db"
    if gui_only:
        return measure_gui_size(size, seed, export, database)
    log(f"{size}: writing the export")
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), "--entries", str(size), "--seed", str(seed), "-o", str(export)],
        check=True,
        env=child_env(),
    )
    result: dict = {"entries": size, "seed": seed, "export_bytes": export.stat().st_size}

    log(f"{size}: segmenting with jieba (build baseline)")
    result["segment_seconds"] = measure_segmentation_baseline(export)
    log(f"{size}: building (timeout {build_timeout:.0f} s)")
    result["build"] = measure_build(export, database, build_timeout)
    if not result["build"]["completed"]:
        log(f"{size}: build stopped after {result['build']['stopped_after_seconds']} s")
        return result

    result["database_bytes"] = database.stat().st_size
    rounds = 20 if size <= 10000 else 10
    like_rounds = rounds if size <= 10000 else 3
    log(f"{size}: searching ({rounds} rounds, {like_rounds} with LIKE)")
    result["search"] = measure_search(database, rounds, like_rounds)
    log(f"{size}: cold start")
    result["cold_start"] = measure_cold_start(database, repeats=5)
    log(f"{size}: memory")
    result["memory"] = measure_memory(database)
    result.update(measure_gui(size, database))
    return result


# Starts of each GUI variant. The app's start varies more between processes than the
# bare window's, so the median needs more than a handful of runs.
GUI_START_REPEATS = 11


def measure_gui(size: int, database: Path) -> dict:
    log(f"{size}: GUI start (window shown, first answer)")
    start = measure_gui_start(database, repeats=GUI_START_REPEATS)
    log(f"{size}: GUI typing")
    typing = measure_gui_typing(database, runs=2, passes=2)
    log(f"{size}: GUI memory")
    memory = measure_gui_memory(database, repeats=3)
    return {"gui_start": start, "gui_typing": typing, "gui_memory": memory}


def measure_gui_size(size: int, seed: int, export: Path, database: Path) -> dict:
    """Measure only the GUI rows, reusing the export and database in the work folder
    when both exist (a database built from another seed is not detected)."""
    if not (export.exists() and database.exists()):
        log(f"{size}: writing the export and building the database (untimed)")
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), "--entries", str(size), "--seed", str(seed), "-o", str(export)],
            check=True,
            env=child_env(),
        )
        subprocess.run([sys.executable, str(BUILD_DB), "-q", str(export), "-o", str(database)], check=True, env=child_env(), cwd=REPO)
    result: dict = {"entries": size, "seed": seed, "export_bytes": export.stat().st_size, "gui_only": True}
    result.update(measure_gui(size, database))
    return result


def ratios(result: dict) -> list[dict]:
    """Return the rows of the result table: figure, value, baseline, ratio, budget."""
    rows = []
    if result.get("gui_only"):
        return gui_rows(result)
    build = result["build"]
    if build["completed"]:
        ratio = build["seconds"] / result["segment_seconds"]
        rows.append(row("build time", f"{build['seconds']:.1f} s", f"{result['segment_seconds']:.1f} s jieba cut_for_search", ratio, f"≤ {BUILD_BUDGET}×", ratio <= BUILD_BUDGET))
    else:
        # The ratio is a lower bound: the build was stopped before it finished.
        ratio = build["stopped_after_seconds"] / result["segment_seconds"]
        rows.append(row("build time", f"stopped after {build['stopped_after_seconds']} s", f"{result['segment_seconds']:.1f} s jieba cut_for_search", ratio, f"≤ {BUILD_BUDGET}×", False, lower_bound=True))
        return rows

    ratio = result["database_bytes"] / result["export_bytes"]
    rows.append(row("database size", mib(result["database_bytes"]), f"{mib(result['export_bytes'])} export", ratio, f"≤ {SIZE_BUDGET}×", ratio <= SIZE_BUDGET))

    search = result["search"]
    for key in ("p50_ms", "p95_ms"):
        ratio = search["app"][key] / search["fts"][key]
        budget_ok = ratio <= LATENCY_BUDGET if key == "p95_ms" else None
        rows.append(row(f"search latency {key[:3]}", f"{search['app'][key]:.2f} ms", f"{search['fts'][key]:.2f} ms bare FTS5 MATCH", ratio, f"≤ {LATENCY_BUDGET}×" if key == "p95_ms" else "-", budget_ok))
    speedup = search["like"]["p50_ms"] / search["app"]["p50_ms"]
    rows.append(row("LIKE scan p50 / search p50", f"{search['app']['p50_ms']:.2f} ms", f"{search['like']['p50_ms']:.2f} ms LIKE scan", speedup, f"≥ {LIKE_SPEEDUP_BUDGET:.0f}×", speedup >= LIKE_SPEEDUP_BUDGET))

    cold = result["cold_start"]
    ratio = cold["app_seconds"] / cold["baseline_seconds"]
    rows.append(row("cold start (core)", f"{cold['app_seconds']:.2f} s", f"{cold['baseline_seconds']:.2f} s python + sqlite3 open", ratio, "none set", None))

    memory = result["memory"]
    above = memory["qt_core_mib"] - memory["qt_mib"]
    rows.append(row("peak memory, Qt window + core", f"{memory['qt_core_mib']:.1f} MiB", f"{memory['qt_mib']:.1f} MiB empty QMainWindow", memory["qt_core_mib"] / memory["qt_mib"], f"≤ +{MEMORY_BUDGET_MB:.0f} MiB (+{above:.1f})", above <= MEMORY_BUDGET_MB))
    return rows + gui_rows(result)


def gui_rows(result: dict) -> list[dict]:
    """Return the table rows of the GUI start, typing and memory measurements; a
    measurement whose process failed gets one failed row with the error."""
    rows = []
    start = result.get("gui_start")
    if start is not None and "error" in start:
        rows.append(row("GUI start", f"failed: {start['error']}", "empty QMainWindow", None, f"≤ {GUI_WINDOW_BUDGET}×", False))
    elif start is not None:
        ratio = start["window_seconds"] / start["baseline_window_seconds"]
        rows.append(row("GUI start, window shown", f"{start['window_seconds']:.2f} s", f"{start['baseline_window_seconds']:.2f} s empty QMainWindow", ratio, f"≤ {GUI_WINDOW_BUDGET}×", ratio <= GUI_WINDOW_BUDGET))
        ratio = start["answer_seconds"] / start["baseline_answer_seconds"]
        rows.append(row("GUI start, first answer", f"{start['answer_seconds']:.2f} s", f"{start['baseline_answer_seconds']:.2f} s QLineEdit to QLabel", ratio, f"≤ {GUI_ANSWER_BUDGET}×", ratio <= GUI_ANSWER_BUDGET))

    typing = result.get("gui_typing")
    if typing is not None and "error" in typing:
        rows.append(row("typing", f"failed: {typing['error']}", "bare window", None, f"p95 ≤ {TYPING_BUDGET_MS:.0f} ms", False))
    elif typing is not None:
        app, bare = typing["app"], typing["baseline"]
        debounce = typing["debounce_ms"]
        missing = f" ({app['missing']} of {app['samples'] + app['missing']} timed out)" if app["missing"] else ""
        for key in ("p50_ms", "p95_ms"):
            rows.append(row(f"last key to results {key[:3]}, with {debounce} ms debounce", f"{app[key]:.0f} ms{missing}", f"{bare[key]:.0f} ms bare window", app[key] / bare[key], "-", None))
        for key in ("after_debounce_p50_ms", "after_debounce_p95_ms"):
            judged = key.endswith("p95_ms")
            budget = f"≤ {TYPING_BUDGET_MS:.0f} ms" if judged else "-"
            # No ratio: the bare window needs only a few milliseconds here, and the budget is absolute.
            rows.append(row(f"results after the debounce {key[-6:-3]}", f"{app[key]:.0f} ms", f"{bare[key]:.0f} ms bare window", None, budget, app[key] <= TYPING_BUDGET_MS if judged else None))
        app_stall, bare_stall = typing["app_lateness"], typing["baseline_lateness"]
        ticks = "tick" if app_stall["over_budget"] == 1 else "ticks"
        value = f"{app_stall['max_ms']:.2f} ms ({app_stall['over_budget']} {ticks} > {STALL_BUDGET_MS:.0f} ms)"
        rows.append(row("GUI thread stall while typing, max", value, f"{bare_stall['max_ms']:.1f} ms bare window", None, f"≤ {STALL_BUDGET_MS:.0f} ms", app_stall["max_ms"] <= STALL_BUDGET_MS))
        rows.append(row("GUI thread stall while typing, p99", f"{app_stall['p99_ms']:.1f} ms", f"{bare_stall['p99_ms']:.1f} ms bare window", None, "-", None))

    memory = result.get("gui_memory")
    if memory is not None and "error" in memory:
        rows.append(row("peak memory, real window", f"failed: {memory['error']}", "empty QMainWindow", None, f"≤ +{MEMORY_BUDGET_MB:.0f} MiB", False))
    elif memory is not None:
        above = memory["app_mib"] - memory["baseline_mib"]
        rows.append(row("peak memory, real window + 10 searches", f"{memory['app_mib']:.1f} MiB", f"{memory['baseline_mib']:.1f} MiB empty QMainWindow", memory["app_mib"] / memory["baseline_mib"], f"≤ +{MEMORY_BUDGET_MB:.0f} MiB (+{above:.1f})", above <= MEMORY_BUDGET_MB))
    return rows


def row(figure: str, value: str, baseline: str, ratio: float | None, budget: str, ok: bool | None, lower_bound: bool = False) -> dict:
    return {"figure": figure, "value": value, "baseline": baseline, "ratio": ratio, "budget": budget, "ok": ok, "lower_bound": lower_bound}


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MiB"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# Report


ANALYSIS_START = "<!-- analysis -->"
ANALYSIS_END = "<!-- /analysis -->"


def render_markdown(results: list[dict], machine: dict, command: str, plot_written: bool, kept_analysis: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        "`benchmarks/run.py` writes this page. A run rewrites everything except the analysis",
        "section, so edit only that section by hand.",
        "",
        "The machine is noisy, so each figure is compared with a baseline measured in the same",
        "run on the same synthetic export (`benchmarks/make_corpus.py`), and the budget applies",
        "to the ratio.",
        "",
        "## Command",
        "",
        "```",
        command,
        "```",
        "",
        "## Machine",
        "",
        f"- CPU: {machine['cpu']}, {machine['cores']} cores",
        f"- RAM: {machine['memory_gib']} GiB",
        f"- OS: {machine['os']}",
        f"- Python {machine['python']}, SQLite {machine['sqlite']}, PySide6 {machine['pyside6']}, jieba {machine['jieba']}",
        f"- Code under test: commit {machine.get('commit', 'unknown')}",
        "",
        "## Method",
        "",
        "- Build time: wall time of `build_db.py -q EXPORT -o DB` in a new process (start-up,",
        "  imports and dictionary load included). Baseline: `jieba.cut_for_search` over every",
        "  title and body of the parsed export, default dictionary already loaded, in a new process.",
        "- Database size: bytes of the database against bytes of the export.",
        "- Search latency: `helpapp.core.search.search(db, q, limit=20)` after `db.warm_up()`,",
        "  over the query mix below, every query timed in each round. Baseline: a bare",
        "  `SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts) LIMIT 20`",
        "  with the query already tokenised, on a second connection to the same file. The LIKE",
        "  scan is `SELECT id FROM entries WHERE title LIKE ? OR body LIKE ?` with `%normalised query%`,",
        "  fetching every match (no LIMIT, as ranking needs them all).",
        "- Cold start: wall time of a new process that opens the database with `FaqDatabase` and",
        "  answers one search, median of 5. Baseline: a new process that opens the file with",
        "  `sqlite3` and counts the entries. The file is in the page cache (it was just built).",
        "- Peak memory: `ru_maxrss` of a new process that shows an empty offscreen `QMainWindow`,",
        "  opens the database and runs ten searches, against the same process without the",
        "  database and searches.",
        "- GUI start: `benchmarks/gui_probe.py start` in a new offscreen process (`QT_QPA_PLATFORM=offscreen`)",
        f"  with its settings, data and cache in a temporary folder, median of {GUI_START_REPEATS} after one untimed",
        "  run, which also writes the bytecode of the app's modules, as an installed app has it.",
        "  The clock starts at the top of the script, before any import. Window shown: the",
        "  first Paint event on the main window after `start_gui(db, None)`. First answer: `开票`",
        "  is committed through a `QInputMethodEvent` as soon as the window is painted, and the",
        "  clock stops at the first paint of the result list after `SearchController.results_ready`,",
        "  so the search warm-up and the 150 ms debounce are included. Baseline: the same script",
        "  showing a bare `QMainWindow` with a `QLineEdit`, whose text a 150 ms single-shot timer",
        "  copies into a `QLabel`, timed at the same points.",
        "- Typing: `gui_probe.py typing` waits for the search warm-up, then types twelve queries",
        "  key by key (letters with `QTest.keyClick`, Chinese with one `QInputMethodEvent` commit",
        "  per character), with random 80-150 ms gaps from timers and a 0.4-0.8 s pause after",
        "  each result; each query starts with Ctrl+A. Two processes of two passes each. Latency",
        "  runs from the last key to the first paint of the result list. The judged figure is",
        "  the p95 after the debounce (latency minus 150 ms), because the 150 ms wait is",
        "  deliberate and alone exceeds 50 ms; the raw figure is listed too. The app searches",
        "  while the timer waits and shows the results when it fires. Stall: the lateness",
        "  of each tick of a 4 ms precise `QTimer` on the GUI thread while typing. Baseline:",
        "  the bare window of the start figure, typed the same way.",
        "- Peak memory, real window: `ru_maxrss` of `gui_probe.py memory`, which starts the real",
        "  window, waits for the warm-up and commits ten queries of the mix, waiting for each",
        "  result, median of 3. Baseline: the bare window given the same ten queries. The row",
        "  \"peak memory, Qt window + core\" above keeps measuring the core in a Qt process.",
        "",
        "Query mix: " + ", ".join(f"`{query}` ({kind})" for kind, query, _, _ in QUERIES) + ".",
        "",
        "## Results",
        "",
    ]
    if plot_written:
        lines += ["![Search latency and peak memory against corpus size](benchmarks.png)", ""]

    for result in results:
        lines += render_size(result)

    lines += ["## Analysis", "", ANALYSIS_START, kept_analysis.strip() or "Not written yet.", ANALYSIS_END, ""]
    return "\n".join(lines)


def render_size(result: dict) -> list[str]:
    lines = [
        f"### {result['entries']:,} entries",
        "",
        f"Export: {mib(result['export_bytes'])}, seed {result['seed']}."
        + (f" Build peak memory: {result['build']['maxrss_mib']:.0f} MiB." if "build" in result and result["build"]["completed"] else "")
        + (" GUI rows only (`--gui-only`)." if result.get("gui_only") else ""),
        "",
        "| Figure | Value | Baseline | Ratio | Budget | Result |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for item in ratios(result):
        if item["ratio"] is None:
            ratio = "-"
        else:
            ratio = f"{item['ratio']:.2f}×"
        if item["lower_bound"]:
            ratio = ">" + ratio
        outcome = "-" if item["ok"] is None else verdict(item["ok"])
        lines.append(f"| {item['figure']} | {item['value']} | {item['baseline']} | {ratio} | {item['budget']} | {outcome} |")
    lines.append("")

    if "search" in result:
        lines += [
            "<details><summary>Per query (median ms)</summary>",
            "",
            "| Query | Kind | Hits | search() | FTS5 MATCH | LIKE scan |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for query in result["search"]["queries"]:
            lines.append(
                f"| `{query['query']}` | {query['kind']} | {query['hits']} | {query['app_p50_ms']:.2f} "
                f"| {query['fts_p50_ms']:.2f} | {query['like_p50_ms']:.2f} |"
            )
        lines += ["", "</details>", ""]
    return lines


def write_plot(results: list[dict], path: Path) -> bool:
    """Plot search latency and peak memory against corpus size; return False when
    matplotlib is missing or no size has search results."""
    measured = [result for result in results if "search" in result]
    if not measured:
        return False
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib is not installed; no plot written (pip install matplotlib)")
        return False

    sizes = [result["entries"] for result in measured]
    figure, (latency_axes, memory_axes) = plt.subplots(1, 2, figsize=(11, 4.2))
    series = (
        ("search() p95", lambda r: r["search"]["app"]["p95_ms"], "o-"),
        ("search() p50", lambda r: r["search"]["app"]["p50_ms"], "o--"),
        ("bare FTS5 MATCH p95", lambda r: r["search"]["fts"]["p95_ms"], "s-"),
        ("LIKE scan p50", lambda r: r["search"]["like"]["p50_ms"], "^:"),
    )
    for label, value, style in series:
        latency_axes.plot(sizes, [value(result) for result in measured], style, label=label)
    latency_axes.set_xscale("log")
    latency_axes.set_yscale("log")
    latency_axes.set_xlabel("entries")
    latency_axes.set_ylabel("latency (ms)")
    latency_axes.set_title("Search latency")
    latency_axes.legend()
    latency_axes.grid(True, which="both", alpha=0.3)

    qt = [result["memory"]["qt_mib"] for result in measured]
    memory_axes.plot(sizes, [result["memory"]["qt_core_mib"] for result in measured], "o-", label="Qt window + database + 10 searches")
    memory_axes.plot(sizes, qt, "s-", label="empty Qt window (baseline)")
    gui = [(result["entries"], result["gui_memory"]["app_mib"]) for result in measured if "app_mib" in result.get("gui_memory", {})]
    if gui:
        memory_axes.plot([size for size, _ in gui], [value for _, value in gui], "D-", label="real window + 10 searches")
    memory_axes.plot(sizes, [value + MEMORY_BUDGET_MB for value in qt], "k:", label=f"budget: baseline + {MEMORY_BUDGET_MB:.0f} MiB")
    memory_axes.set_xscale("log")
    memory_axes.set_xlabel("entries")
    memory_axes.set_ylabel("peak RSS (MiB)")
    memory_axes.set_title("Peak memory")
    memory_axes.legend()
    memory_axes.grid(True, which="both", alpha=0.3)

    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return True


def read_kept_analysis(path: Path) -> str:
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    match = re.search(re.escape(ANALYSIS_START) + r"(.*?)" + re.escape(ANALYSIS_END), text, re.S)
    return match.group(1) if match else ""


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid --sizes {text!r}; expected numbers separated by commas, such as 1000,10000") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"invalid --sizes {text!r}; every size must be at least 1")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the FAQ build and search against same-run baselines.")
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES), help="corpus sizes in entries, comma-separated (default: 1000,10000,100000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    parser.add_argument("--build-timeout", type=float, default=900, help="seconds after which a build is stopped and the size skipped (default: 900)")
    parser.add_argument("--work-dir", type=Path, help="folder for exports and databases (default: a temporary folder, removed at the end)")
    parser.add_argument("--markdown", type=Path, default=MARKDOWN, help="report to write (default: docs/benchmarks.md)")
    parser.add_argument("--plot", type=Path, default=PLOT, help="plot to write (default: docs/benchmarks.png)")
    parser.add_argument("--no-write", action="store_true", help="print the JSON only; write no report or plot")
    parser.add_argument("--gui-only", action="store_true", help="measure only the GUI start, typing and memory rows; reuse faq-SIZE.txt and faq-SIZE.db in --work-dir when present")
    parser.add_argument("--from-json", type=Path, help="measure nothing: write the report and plot from the JSON output of an earlier run")
    args = parser.parse_args(argv)

    if args.from_json is not None:
        report = json.loads(args.from_json.read_text(encoding="utf-8"))
        write_report(report, args.markdown, args.plot)
        return 0

    command = "PYTHONPATH=. python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    machine = machine_info()
    results = []
    with tempfile.TemporaryDirectory(prefix="helpapp-bench-") as temp_dir:
        work_dir = args.work_dir or Path(temp_dir)
        work_dir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            result = measure_size(size, args.seed, work_dir, args.build_timeout, gui_only=args.gui_only)
            result["table"] = ratios(result)
            results.append(result)

    report = {"command": command.strip(), "machine": machine, "results": results}
    print(json.dumps(report, indent=2, ensure_ascii=False))

    if not args.no_write:
        write_report(report, args.markdown, args.plot)
    return 0


def write_report(report: dict, markdown: Path, plot: Path) -> None:
    """Write the Markdown report and the plot, keeping the hand-written analysis of
    the report already at `markdown`."""
    results = report["results"]
    for result in results:
        result["table"] = ratios(result)
    plot_written = write_plot(results, plot)
    kept_analysis = read_kept_analysis(markdown)
    markdown.write_text(render_markdown(results, report["machine"], report["command"], plot_written, kept_analysis), encoding="utf-8")
    log(f"wrote {markdown}" + (f" and {plot}" if plot_written else ""))


if __name__ == "__main__":
    sys.exit(main())
