"""The topic box beside the search box, which limits the search to one topic."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

# The width of the box in characters. A longer topic title is elided in the box.
SCOPE_BOX_CHARS = 12


class ScopeBox(QComboBox):
    """A combo box of fixed width whose list opens as wide as its longest topic.

    Sizing the box to its contents measured every topic title when the window was
    built. For the 392 topics of a 100,000-entry test FAQ that was an estimated 20 ms
    at start, most of it loading the glyphs of hundreds of characters. The list
    measures the titles when it first opens.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(SCOPE_BOX_CHARS)

    def showPopup(self) -> None:
        view = self.view()
        metrics = view.fontMetrics()
        text_width = max((metrics.horizontalAdvance(self.itemText(row)) for row in range(self.count())), default=0)
        # Room for the item's margins, the scroll bar and the frame.
        extra = 2 * metrics.averageCharWidth() + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth()
        view.setMinimumWidth(text_width + extra)
        super().showPopup()
