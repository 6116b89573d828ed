"""Item models: the topic tree and the list of search hits."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from helpapp.core.database import FaqDatabase, Topic
from helpapp.core.search import Hit
from helpapp.core.userdata import SavedEntry
from helpapp.gui.richtext import format_topic_paths

log = logging.getLogger(__name__)

# Custom item data roles, shared by both models.
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HIT_ROLE = Qt.ItemDataRole.UserRole + 3
KEY_ROLE = Qt.ItemDataRole.UserRole + 4


class TopicTreeModel(QStandardItemModel):
    """Topics with their entry counts, and each topic's entries as leaves.

    An entry listed under two topics appears under both. The unassigned group comes
    last because `FaqDatabase.topic_tree` returns it last.
    """

    def __init__(self, db: FaqDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reload(db)

    def reload(self, db: FaqDatabase) -> None:
        """Replace the rows with the topics and entries of `db`."""
        self.clear()
        roots = db.topic_tree()

        titles = {entry_id: title for entry_id, title in db.all_titles()}
        for topic in roots:
            self.appendRow(self._topic_item(topic, titles))
        log.debug("topic tree: %d root topics", len(roots))

    def _topic_item(self, topic: Topic, titles: dict[int, str]) -> QStandardItem:
        count = len(topic.all_entry_ids())
        item = QStandardItem(f"{topic.title} ({count})")
        item.setData(topic.id, TOPIC_ID_ROLE)
        item.setEditable(False)

        for child in topic.children:
            item.appendRow(self._topic_item(child, titles))
        for entry_id in topic.entry_ids:
            title = titles.get(entry_id)
            if title is None:
                log.warning("topic %d lists entry %d, which does not exist", topic.id, entry_id)
                continue
            leaf = QStandardItem(title)
            leaf.setData(entry_id, ENTRY_ID_ROLE)
            leaf.setToolTip(title)
            leaf.setEditable(False)
            item.appendRow(leaf)
        return item

    def entry_indexes(self, entry_id: int) -> list[QModelIndex]:
        """Return every index that shows the entry, in tree order."""
        start = self.index(0, 0)
        if not start.isValid():
            return []
        flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        return self.match(start, ENTRY_ID_ROLE, entry_id, -1, flags)

    def topic_index(self, topic_id: int) -> QModelIndex:
        """Return the index of the topic, or an invalid index."""
        start = self.index(0, 0)
        if not start.isValid():
            return QModelIndex()
        flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        found = self.match(start, TOPIC_ID_ROLE, topic_id, 1, flags)
        return found[0] if found else QModelIndex()


class ResultListModel(QAbstractListModel):
    """The hits of the latest search, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[Hit, ...] = ()

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return format_topic_paths(hit.topic_paths)
        if role == ENTRY_ID_ROLE:
            return hit.entry_id
        if role == HIT_ROLE:
            return hit
        return None


class SavedEntryListModel(QAbstractListModel):
    """Bookmarks or history items; those missing from the open database are greyed out."""

    def __init__(self, missing_tooltip: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[SavedEntry, ...] = ()
        self._missing: frozenset[str] = frozenset()
        self._missing_tooltip = missing_tooltip

    def set_items(self, items: Sequence[SavedEntry], missing_keys: set[str] | frozenset[str] = frozenset()) -> None:
        self.beginResetModel()
        self._items = tuple(items)
        self._missing = frozenset(missing_keys)
        self.endResetModel()

    def item(self, row: int) -> SavedEntry | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def keys(self) -> list[str]:
        return [item.key for item in self._items]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def is_missing(self, key: str) -> bool:
        return key in self._missing

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._missing_tooltip if item.key in self._missing else item.title
        if role == Qt.ItemDataRole.ForegroundRole and item.key in self._missing:
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == KEY_ROLE:
            return item.key
        return None
