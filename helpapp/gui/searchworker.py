"""Run searches and the database warm-up off the GUI thread.

`SearchController` hands every change of the query to a `SearchTask` on a thread pool
on the next pass of the event loop, and shows the outcome when a single-shot debounce
timer fires: the results do not flicker while the user types, and the search has run
during the pause. Every task carries a job id, and the controller drops any result
whose id is not the latest, so results of older keystrokes never replace newer ones.

A search keeps the interpreter lock for most of its run (about 10 to 25 ms at 100,000
entries), and each Python call the GUI thread makes meanwhile waits for the lock. A
job therefore starts only after the pass that received the key, so the typed
character and any results waiting to be painted reach the screen first.
"""

from __future__ import annotations

import logging
import time
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, SignalInstance

from helpapp.core.database import DatabaseError, FaqDatabase

if TYPE_CHECKING:
    from helpapp.core.outcome import SearchOutcome

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150


class TaskSignals(QObject):
    """Signals that tasks emit from a pool thread; receivers run in the GUI thread."""

    search_finished = Signal(int, object)
    search_failed = Signal(int, str)
    warm_up_finished = Signal(bool)


class SearchTask(QRunnable):
    def __init__(
        self,
        db: FaqDatabase,
        query: str,
        topic_id: int | None,
        job_id: int,
        signals: TaskSignals,
        controller: SearchController,
    ) -> None:
        super().__init__()
        self._db = db
        self._query = query
        self._topic_id = topic_id
        self._job_id = job_id
        self._signals = signals
        self._controller = controller

    def run(self) -> None:
        # A newer job is already queued, so this one's result would be dropped anyway.
        if self._job_id != self._controller.latest_job_id:
            return

        try:
            # Imported on the worker thread: the window's first paint does not need
            # the search code, which takes about 10 ms to import.
            from helpapp.core.outcome import run_search

            outcome = run_search(self._db, self._query, self._job_id, self._topic_id)
        except DatabaseError as error:
            log.error("search for %r failed: %s", self._query[:40], error)
            self._signals.search_failed.emit(self._job_id, error.reason)
            return
        except Exception:  # A bug in a worker thread must still end the job in the GUI.
            log.exception("search for %r failed", self._query[:40])
            self._signals.search_failed.emit(self._job_id, "internal error")
            return

        self._signals.search_finished.emit(self._job_id, outcome)


class WarmUpTask(QRunnable):
    """Import the search module and load the query dictionary and OpenCC, so that
    the first search is fast."""

    def __init__(self, db: FaqDatabase, signals: TaskSignals) -> None:
        super().__init__()
        self._db = db
        self._signals = signals

    def run(self) -> None:
        started = time.monotonic()
        try:
            import_module("helpapp.core.outcome")
            self._db.warm_up()
        except Exception:  # The first search retries the loading and reports its own error.
            log.exception("warm-up of %s failed", self._db.path)
            self._signals.warm_up_finished.emit(False)
            return
        log.info("search ready after %.2f s of warm-up", time.monotonic() - started)
        self._signals.warm_up_finished.emit(True)


class SearchController(QObject):
    """Turn query text into search jobs and emit the latest job's outcome."""

    results_ready = Signal(object)
    # The latest search ended while the debounce timer runs. results_ready follows
    # when the timer fires.
    results_held = Signal(object)
    search_failed = Signal(str, str)
    cleared = Signal()
    warm_up_finished = Signal(bool)

    def __init__(self, db: FaqDatabase, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._db = db
        self._query = ""
        self._topic_id: int | None = None
        self._job_id = 0
        # The query and topic of the latest job, whether it still runs, and its
        # report when it ended while the debounce timer was running.
        self._job_key: tuple[str, int | None] | None = None
        self._running_job_id: int | None = None
        self._held_report: tuple[SignalInstance, tuple] | None = None

        # One worker thread runs the warm-up before the first search and then the
        # searches in order, so no two threads load the dictionary at once.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self.signals = TaskSignals(self)
        self.signals.search_finished.connect(self._on_search_finished)
        self.signals.search_failed.connect(self._on_search_failed)
        self.signals.warm_up_finished.connect(self.warm_up_finished)

        self._timer = QTimer(self)
        self._timer.setObjectName("debounce_timer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._release)

        # Fires once the events waiting in the current pass, paints included, are done.
        # Only set_query starts it, and every other path that starts or drops a job
        # stops it, so the query it fires for is the current one.
        self._start_timer = QTimer(self)
        self._start_timer.setObjectName("job_start_timer")
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(0)
        self._start_timer.timeout.connect(self._start_job)

    @property
    def latest_job_id(self) -> int:
        return self._job_id

    @property
    def query(self) -> str:
        return self._query

    @property
    def topic_id(self) -> int | None:
        return self._topic_id

    def is_pending(self) -> bool:
        """Return whether a search for the current text has not reported yet."""
        return (
            self._timer.isActive()
            or self._start_timer.isActive()
            or self._running_job_id is not None
            or self._held_report is not None
        )

    def start_warm_up(self) -> None:
        self._pool.start(WarmUpTask(self._db, self.signals))

    def set_query(self, text: str) -> None:
        """Start searching for `text` and report it after the debounce delay. Blank
        text clears the search."""
        self._query = text
        # The running job's outcome is stale from now on.
        self._drop_jobs()
        if not text.strip():
            self.cleared.emit()
            return

        self._start_timer.start()
        self._timer.start()

    def set_topic(self, topic_id: int | None) -> None:
        """Limit searches to the topic and its subtopics (None: all), and search again."""
        if topic_id == self._topic_id:
            return
        self._topic_id = topic_id
        if self._query.strip():
            self.run_now()

    def set_database(self, db: FaqDatabase) -> None:
        """Search `db` from now on, after the running job ended, and warm it up."""
        self.wait_idle()
        self._db = db
        self._topic_id = None
        self.start_warm_up()

    def wait_idle(self) -> None:
        """Drop pending jobs and wait until the worker thread no longer uses the database."""
        self._drop_jobs()
        self._pool.clear()
        self._pool.waitForDone()

    def run_now(self) -> None:
        """Report the search for the current text and topic without waiting for the
        delay: at once when it has ended, else when it ends."""
        self._timer.stop()
        self._start_timer.stop()
        if not self._query.strip():
            return
        if self._job_key != (self._query, self._topic_id):
            self._start_job()
        self._release()

    def _start_job(self) -> None:
        self._job_id += 1
        self._job_key = (self._query, self._topic_id)
        self._running_job_id = self._job_id
        self._held_report = None
        self._pool.start(SearchTask(self._db, self._query, self._topic_id, self._job_id, self.signals, self))

    def _drop_jobs(self) -> None:
        self._timer.stop()
        self._start_timer.stop()
        self._job_id += 1
        self._job_key = None
        self._running_job_id = None
        self._held_report = None

    def _report(self, signal: SignalInstance, *args) -> bool:
        """Emit the latest job's report, or hold it while the debounce timer runs and
        return True."""
        self._running_job_id = None
        if self._timer.isActive():
            self._held_report = (signal, args)
            return True
        signal.emit(*args)
        return False

    def _release(self) -> None:
        """Emit the held report. A job still running reports when it ends."""
        if self._held_report is not None:
            signal, args = self._held_report
            self._held_report = None
            signal.emit(*args)

    def _on_search_finished(self, job_id: int, outcome: SearchOutcome) -> None:
        if job_id != self._job_id:
            log.debug("dropped stale result of job %d (latest is %d)", job_id, self._job_id)
            return
        if self._report(self.results_ready, outcome):
            self.results_held.emit(outcome)

    def _on_search_failed(self, job_id: int, reason: str) -> None:
        if job_id != self._job_id:
            return
        self._report(self.search_failed, self._query, reason)

    def shut_down(self) -> None:
        """Stop the timer, drop queued jobs and wait for the running one."""
        self.wait_idle()
