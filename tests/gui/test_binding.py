"""The Qt binding keeps Python's reference counts: the window relies on signals
emitted from Python for every search, and a binding that loses one reference per
emit aborts Python ("deallocating True or False") after some thousands of them."""

from __future__ import annotations

import subprocess
import sys

# Emits a signal 100 times and prints how many references to True were lost. It runs
# in its own process, because the lost references would corrupt the test process.
EMIT_SCRIPT = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    fired = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
received = []
emitter.fired.connect(received.append)
before = sys.getrefcount(True)
for number in range(100):
    emitter.fired.emit(number)
print(len(received), before - sys.getrefcount(True))
"""


def test_signal_emit_keeps_true_alive():
    completed = subprocess.run([sys.executable, "-c", EMIT_SCRIPT], capture_output=True, text=True, timeout=120, check=True)
    received, lost = (int(value) for value in completed.stdout.split())

    assert received == 100
    assert lost == 0
