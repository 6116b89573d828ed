#!/usr/bin/env python3
"""Time the GUI in a new process and print the figures as JSON on the last line.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_probe.py MODE VARIANT DB [options]

MODE is one of:

- `start`: time from the top of this script to the main window's first paint, then
  commit one query as soon as the window is painted and time until its results are
  painted.
- `typing`: wait for the search warm-up, then type queries key by key with timer-driven
  gaps. For each query, record when the last key was sent, when the debounce timer
  fired, when the results reached the window and when they were painted. A repeating
  precise timer records how late the GUI thread serves it while typing.
- `memory`: wait for the warm-up, commit ten queries one after the other, waiting for
  each result, and report the peak RSS.

VARIANT `app` starts the real window with `helpapp.gui.app.start_gui(db, None)`.
VARIANT `bare` is the baseline: a QMainWindow with a QLineEdit and a QLabel, where a
single-shot timer of the app's debounce delay copies the typed text into the label.
Both variants go through the same timing code below, and the bare variant imports no
module of the app.

The caller points XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME at a temporary
folder, so the app's settings, user data and logs never touch the real profile; the
`app` variant exits with an error when its data folder is outside XDG_DATA_HOME.
"""

import time

# The timer starts before any other import, so the figures include the imports of
# PySide6 and of the app.
SCRIPT_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

# The app's debounce delay. The bare variant copies it rather than importing the app,
# and the `app` variant stops with an error when the app's value differs.
DEBOUNCE_MS = 150

# Queries typed in `typing` mode: pinyin and Latin letters go through key presses,
# Chinese characters through one input method commit per character.
TYPING_QUERIES = (
    "开票",
    "kaipiao",
    "伙伴中心",
    "子客户",
    "jili",
    "在哪里填写发票号",
    "模式",
    "HCPN",
    "合作伙伴如何取消关联",
    "激励",
    "發票",
    "xqzvw",
)

# Queries committed in `memory` mode, one commit each (the first ten of the query mix
# in run.py).
MEMORY_QUERIES = ("票", "激", "开票", "模式", "伙伴中心", "子客户", "合作伙伴如何取消关联", "在哪里填写发票号", "kaipiao", "jili")

START_QUERY = "开票"

# Gaps between key presses and the pause to read the results, in milliseconds.
KEY_GAP_MS = (80, 150)
READING_PAUSE_MS = (400, 800)
# When the results of a query are not painted within this time, it counts as missing.
RESULT_TIMEOUT_MS = 10_000
# How long a paint may take to follow the results signal before the signal time is
# used instead (the results widget might be hidden).
PAINT_GRACE_MS = 500


def now() -> float:
    return time.perf_counter()


def fail(message: str) -> None:
    """Stop the process with `message`, because an exception in a slot would not stop
    the event loop."""
    print(f"gui_probe: {message}", file=sys.stderr, flush=True)
    os._exit(2)


def exit_on_uncaught(kind, error, trace) -> None:
    """Replace the app's crash hook, whose modal dialog would block an offscreen run."""
    traceback.print_exception(kind, error, trace)
    fail(f"uncaught {kind.__name__}")


def commit_text(widget: QWidget, text: str) -> None:
    """Send `text` as one input method commit, as a Chinese input method does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class PaintWatcher(QObject):
    """Call a callback with the time of the next Paint event on any watched widget."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self._callback = None
        for widget in widgets:
            widget.installEventFilter(self)

    def arm(self, callback) -> None:
        self._callback = callback

    def disarm(self) -> None:
        self._callback = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            callback(now())
        return False


class AppTarget:
    """The real main window, started the way `run_gui` starts it."""

    def __init__(self, database: Path) -> None:
        from helpapp.gui import profile
        from helpapp.gui.app import start_gui
        from helpapp.gui.searchworker import DEBOUNCE_MS as APP_DEBOUNCE_MS

        check_profile_isolated(profile.data_dir())
        window = start_gui(database, None)
        if window is None:
            fail(f"start_gui returned no window for {database}; see the log in XDG_DATA_HOME")
        self.window = window
        self.app = QApplication.instance()
        self.search_box = window.search_box
        self.ready = False
        self.debounce_ms = APP_DEBOUNCE_MS
        if APP_DEBOUNCE_MS != DEBOUNCE_MS:
            fail(f"the app's debounce is {APP_DEBOUNCE_MS} ms but DEBOUNCE_MS in gui_probe.py is {DEBOUNCE_MS} ms; update DEBOUNCE_MS")

        self.shown_widgets = [window, window.search_box]

        debounce_timer = window.controller.findChild(QTimer, "debounce_timer")
        if debounce_timer is None:
            fail("found no QTimer named debounce_timer in SearchController")
        self.debounce_timer = debounce_timer

        self._results_callbacks = []
        self._worker_callbacks = []
        window.controller.results_ready.connect(self._on_results_ready)
        window.controller.search_failed.connect(lambda query, reason: self._emit_results(query))
        window.controller.warm_up_finished.connect(self._on_warm_up_finished)
        # A direct connection runs in the worker thread at the moment the search ends,
        # before the queued delivery to the GUI thread.
        window.controller.signals.search_finished.connect(self._on_worker_finished, Qt.ConnectionType.DirectConnection)

    def _on_warm_up_finished(self, ok: bool) -> None:
        self.ready = True

    def result_widgets(self) -> list[QWidget]:
        """Return the widgets that show results. Read once results have arrived,
        because the window builds its results pane after its first paint."""
        panel = self.window.results_panel
        return [panel.list_view.viewport(), panel.empty_label]

    def _on_worker_finished(self, job_id: int, outcome) -> None:
        for callback in self._worker_callbacks:
            callback(outcome.query, now())

    def _on_results_ready(self, outcome) -> None:
        # Connected after MainWindow._show_outcome, so the window already shows them.
        self._emit_results(outcome.query)

    def _emit_results(self, query: str) -> None:
        for callback in self._results_callbacks:
            callback(query, now())

    def on_results(self, callback) -> None:
        self._results_callbacks.append(callback)

    def on_worker_finished(self, callback) -> None:
        self._worker_callbacks.append(callback)

    def close(self) -> None:
        self.window.close()
        self.window.db.close()


class BareTarget:
    """The baseline: an empty QMainWindow with a line edit whose text a debounce timer
    copies into a label."""

    def __init__(self, database: Path) -> None:
        from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QVBoxLayout

        self.app = QApplication.instance() or QApplication(sys.argv[:1])

        self.window = QMainWindow()
        central = QWidget(self.window)
        layout = QVBoxLayout(central)
        self.search_box = QLineEdit(central)
        self.label = QLabel(central)
        layout.addWidget(self.search_box)
        layout.addWidget(self.label, 1)
        self.window.setCentralWidget(central)
        self.window.resize(1100, 720)
        self.window.show()
        self.search_box.setFocus()

        self.ready = True
        self.debounce_ms = DEBOUNCE_MS
        self.shown_widgets = [self.window, self.search_box]
        self.debounce_timer = QTimer(self.window)
        self.debounce_timer.setSingleShot(True)
        self.debounce_timer.setInterval(DEBOUNCE_MS)
        self.debounce_timer.timeout.connect(self._show_text)
        self.search_box.textChanged.connect(lambda text: self.debounce_timer.start())
        self._results_callbacks = []

    def result_widgets(self) -> list[QWidget]:
        return [self.label]

    def _show_text(self) -> None:
        text = self.search_box.text()
        self.label.setText(text)
        for callback in self._results_callbacks:
            callback(text, now())

    def on_results(self, callback) -> None:
        self._results_callbacks.append(callback)

    def on_worker_finished(self, callback) -> None:
        pass

    def close(self) -> None:
        self.window.close()


def check_profile_isolated(data_dir: Path) -> None:
    """Stop before the app starts unless its data and settings go to the folders that
    the caller set (QSettings on Linux writes under XDG_CONFIG_HOME)."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        if not os.environ.get(name):
            fail(f"{name} is not set; point it at a temporary folder so the real profile stays untouched")
    root = Path(os.environ["XDG_DATA_HOME"]).resolve()
    if not data_dir.resolve().is_relative_to(root):
        fail(f"the app's data folder {data_dir} is outside XDG_DATA_HOME={root}")


def open_target(variant: str, database: Path):
    target = AppTarget(database) if variant == "app" else BareTarget(database)
    sys.excepthook = exit_on_uncaught
    return target


def maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def finish(target, app: QApplication, report: dict) -> None:
    """Print the report, then close the window outside the current event handler."""
    report["maxrss_mib"] = maxrss_mib()
    # Python 3.11 and older count references to None, so a binding that drops them
    # shows here as a falling count (Python 3.12 makes None immortal).
    report["none_refcount"] = sys.getrefcount(None)
    print(json.dumps(report), flush=True)

    def close() -> None:
        target.close()
        app.quit()

    QTimer.singleShot(0, close)


# start


def run_start(variant: str, database: Path) -> dict:
    """Time the window's first paint and the first results painted after it."""
    target = open_target(variant, database)
    app = QApplication.instance()
    report: dict = {"mode": "start", "variant": variant, "script_start": SCRIPT_START, "returned": now() - SCRIPT_START}
    window_handle = target.window.windowHandle()

    class ExposeWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Expose and "exposed" not in report and window_handle.isExposed():
                report["exposed"] = now() - SCRIPT_START
            return False

    expose_watcher = ExposeWatcher()
    if window_handle is not None:
        window_handle.installEventFilter(expose_watcher)
    shown_watcher = PaintWatcher(target.shown_widgets)
    results_watchers: list[PaintWatcher] = []

    def on_painted(painted: float) -> None:
        report["window_painted"] = painted - SCRIPT_START
        QTimer.singleShot(0, type_query)

    def type_query() -> None:
        report["query_sent"] = now() - SCRIPT_START
        commit_text(target.search_box, START_QUERY)

    def on_results(query: str, received: float) -> None:
        if query != START_QUERY or "results_received" in report:
            return
        report["results_received"] = received - SCRIPT_START
        results_watchers.append(PaintWatcher(target.result_widgets()))
        results_watchers[0].arm(on_results_painted)
        QTimer.singleShot(PAINT_GRACE_MS, finish_start)

    def on_results_painted(painted: float) -> None:
        report["answer_painted"] = painted - SCRIPT_START
        finish_start()

    def finish_start() -> None:
        if "finished" in report:
            return
        report["finished"] = True
        report["answer_shown"] = report.get("answer_painted", report["results_received"])
        report["window_shown"] = report["window_painted"]
        finish(target, app, report)

    def give_up() -> None:
        report["error"] = f"timed out after {RESULT_TIMEOUT_MS * 3} ms without painted results for {START_QUERY!r}"
        report["finished"] = True
        finish(target, app, report)

    shown_watcher.arm(on_painted)
    target.on_results(on_results)
    QTimer.singleShot(RESULT_TIMEOUT_MS * 3, lambda: "finished" in report or give_up())
    app.exec()
    return report


# typing


class Typist(QObject):
    """Type a list of queries into the search box with timer-driven gaps and record
    when each query's results arrive and are painted."""

    def __init__(self, target, queries: list[str], rng: random.Random, whole_commits: bool, done) -> None:
        super().__init__()
        from PySide6.QtTest import QTest

        self._qtest = QTest
        self.target = target
        self.queries = list(queries)
        self.rng = rng
        self.whole_commits = whole_commits
        self.done = done
        self.samples: list[dict] = []
        self.events: list[tuple[float, str]] = []
        self._current: dict | None = None
        self._keys: list[str] = []
        self._watcher = PaintWatcher(target.result_widgets())
        target.on_results(self._on_results)
        target.on_worker_finished(self._on_worker_finished)
        target.debounce_timer.timeout.connect(self._on_debounce_fired)

    def start(self) -> None:
        QTimer.singleShot(0, self._next_query)

    def _gap(self, bounds: tuple[int, int]) -> int:
        return round(self.rng.uniform(*bounds))

    def _next_query(self) -> None:
        if not self.queries:
            self.done()
            return
        query = self.queries.pop(0)
        self._current = {"query": query}
        self._keys = [query] if self.whole_commits else list(query)
        box = self.target.search_box
        self._qtest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(self._gap(KEY_GAP_MS), self._type_key)

    def _type_key(self) -> None:
        key = self._keys.pop(0)
        last = not self._keys
        box = self.target.search_box
        sent = now()
        if last:
            self._current["last_key"] = sent
        self.events.append((sent, "key"))
        if len(key) == 1 and key.isascii():
            self._qtest.keyClick(box, key)
        else:
            commit_text(box, key)
        if last:
            query = self._current["query"]
            if box.text() != query:
                fail(f"the search box shows {box.text()!r} after typing {query!r}")
            QTimer.singleShot(RESULT_TIMEOUT_MS, lambda current=self._current: self._time_out(current))
        else:
            QTimer.singleShot(self._gap(KEY_GAP_MS), self._type_key)

    def _on_debounce_fired(self) -> None:
        fired = now()
        self.events.append((fired, "debounce"))
        if self._current is not None and "last_key" in self._current:
            self._current["debounce_fired"] = fired

    def _on_worker_finished(self, query: str, finished: float) -> None:
        # Runs in the worker thread; the GUI thread reads the value only after the
        # queued results signal that follows it.
        current = self._current
        if current is not None and "last_key" in current and query == current["query"]:
            current["worker_finished"] = finished

    def _on_results(self, query: str, received: float) -> None:
        self.events.append((received, "results"))
        current = self._current
        if current is None or "last_key" not in current or query != current["query"] or "results" in current:
            return
        current["results"] = received
        self._watcher.arm(lambda painted: self._on_painted(current, painted))
        QTimer.singleShot(PAINT_GRACE_MS, lambda: self._on_painted(current, None))

    def _on_painted(self, current: dict, painted: float | None) -> None:
        if current is not self._current or "shown" in current:
            return
        self._watcher.disarm()
        if painted is not None:
            self.events.append((painted, "painted"))
            current["painted"] = painted
        current["shown"] = painted if painted is not None else current["results"]
        self._record(current)

    def _time_out(self, current: dict) -> None:
        if current is not self._current or "shown" in current:
            return
        current["timed_out"] = True
        current["shown"] = None
        self._record(current)

    def _record(self, current: dict) -> None:
        last_key = current["last_key"]

        def since_last_key(name: str) -> float | None:
            value = current.get(name)
            return None if value is None else (value - last_key) * 1000

        self.samples.append(
            {
                "query": current["query"],
                "debounce_fired_ms": since_last_key("debounce_fired"),
                "worker_finished_ms": since_last_key("worker_finished"),
                "results_ms": since_last_key("results"),
                "shown_ms": since_last_key("shown"),
                "painted": "painted" in current,
                "timed_out": current.get("timed_out", False),
            }
        )
        self._current = None
        QTimer.singleShot(self._gap(READING_PAUSE_MS), self._next_query)


class LatenessProbe(QObject):
    """A repeating precise timer on the GUI thread that records how late each tick fires."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self.ticks: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.ticks = [now()]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_tick(self) -> None:
        self.ticks.append(now())

    def stalls(self) -> list[tuple[float, float]]:
        """Return (start, lateness in ms) of every tick: the gap to the previous tick
        minus the interval."""
        return [
            (previous, max(0.0, (current - previous) * 1000 - self.interval_ms))
            for previous, current in zip(self.ticks, self.ticks[1:])
        ]


def wait_until(condition, timeout_ms: int, then) -> None:
    """Call `then(True)` once `condition()` holds, polling every 10 ms, or `then(False)`
    after `timeout_ms`."""
    deadline = now() + timeout_ms / 1000

    def poll() -> None:
        if condition():
            then(True)
        elif now() > deadline:
            then(False)
        else:
            QTimer.singleShot(10, poll)

    poll()


def run_typing(variant: str, database: Path, passes: int, seed: int, tick_ms: int, memory: bool) -> dict:
    """Type the query list `passes` times (or commit the memory queries once) and
    report the per-query times and the GUI thread's lateness while typing."""
    target = open_target(variant, database)
    app = QApplication.instance()
    rng = random.Random(seed)
    queries = list(MEMORY_QUERIES) if memory else [query for _ in range(passes) for query in TYPING_QUERIES]
    report: dict = {"mode": "memory" if memory else "typing", "variant": variant, "debounce_ms": target.debounce_ms, "tick_ms": tick_ms}
    probe = LatenessProbe(tick_ms)
    typist: Typist | None = None

    def on_done() -> None:
        probe.stop()
        report["samples"] = typist.samples
        if not memory:
            report.update(summarize_stalls(probe.stalls(), typist.events, tick_ms))
        finish(target, app, report)

    def begin(focused: bool) -> None:
        nonlocal typist
        report["search_box_focused"] = focused
        report["ready_after_s"] = now() - SCRIPT_START
        typist = Typist(target, queries, rng, whole_commits=memory, done=on_done)
        probe.start()
        typist.start()

    def after_warm_up(ready: bool) -> None:
        if not ready:
            fail("the search warm-up did not finish within 60 s")
        # Let the window settle (first paints, status bar) before typing, as a user would.
        QTimer.singleShot(500, lambda: wait_until(target.search_box.hasFocus, 2000, begin))

    target.window.activateWindow()
    wait_until(lambda: target.ready, 60_000, after_warm_up)
    app.exec()
    return report


def summarize_stalls(stalls: list[tuple[float, float]], events: list[tuple[float, str]], interval_ms: int) -> dict:
    """Return every tick's lateness, and the ten worst stalls with the typing events
    that fell inside each (key, debounce, results, painted)."""
    worst = sorted(stalls, key=lambda item: item[1], reverse=True)[:10]
    labelled = []
    for start, lateness in worst:
        end = start + (interval_ms + lateness) / 1000
        inside = [name for moment, name in sorted(events) if start <= moment <= end]
        labelled.append({"lateness_ms": lateness, "events_inside": inside})
    return {"lateness_ms": [lateness for _, lateness in stalls], "worst_stalls": labelled}


def main() -> int:
    parser = argparse.ArgumentParser(description="Time the GUI in this process; print the figures as JSON.")
    parser.add_argument("mode", choices=("start", "typing", "memory"))
    parser.add_argument("variant", choices=("app", "bare"))
    parser.add_argument("database", type=Path)
    parser.add_argument("--passes", type=int, default=1, help="times the query list is typed in typing mode (default: 1)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random key gaps and reading pauses (default: 1)")
    parser.add_argument("--tick-ms", type=int, default=4, help="interval of the lateness timer in milliseconds (default: 4)")
    args = parser.parse_args()

    if args.mode == "start":
        run_start(args.variant, args.database)
    else:
        run_typing(args.variant, args.database, args.passes, args.seed, args.tick_ms, memory=args.mode == "memory")
    return 0


if __name__ == "__main__":
    sys.exit(main())
