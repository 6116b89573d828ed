"""Item models: the topic tree and the list of search hits."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

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


@dataclass(eq=False)
class _TreeNode:
    """One row of the topic tree: a topic, or an entry listed under a topic."""

    topic_id: int | None
    entry_id: int | None
    text: str
    tooltip: str | None
    parent: _TreeNode | None
    row: int
    children: list[_TreeNode] = field(default_factory=list)


class TopicTreeModel(QAbstractItemModel):
    """Topics with their entry counts, and each topic's entries as leaves.

    An entry listed under two topics appears under both. The unassigned group comes
    last because `FaqDatabase.topic_tree` returns it last.

    NOTE: this is a QAbstractItemModel over plain nodes rather than a
    QStandardItemModel, because in PySide6 6.12 on Python 3.11 every QStandardItem
    setter (setData, setToolTip) drops a reference to None. Building a tree of a few
    thousand items then aborts the interpreter ("deallocating None").
    """

    def __init__(self, db: FaqDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_TreeNode] = []
        self._entry_nodes: dict[int, list[_TreeNode]] = {}
        self._topic_nodes: dict[int, _TreeNode] = {}
        self.reload(db)

    def reload(self, db: FaqDatabase) -> None:
        """Replace the rows with the topics and entries of `db`."""
        self.beginResetModel()
        self._roots = []
        self._entry_nodes = {}
        self._topic_nodes = {}
        titles = {entry_id: title for entry_id, title in db.all_titles()}
        for topic in db.topic_tree():
            self._roots.append(self._topic_node(topic, titles, None, len(self._roots)))
        self.endResetModel()
        log.debug("topic tree: %d root topics, %d entries", len(self._roots), len(self._entry_nodes))

    def _topic_node(self, topic: Topic, titles: dict[int, str], parent: _TreeNode | None, row: int) -> _TreeNode:
        count = len(topic.all_entry_ids())
        node = _TreeNode(topic.id, None, f"{topic.title} ({count})", None, parent, row)
        self._topic_nodes[topic.id] = node

        for child in topic.children:
            node.children.append(self._topic_node(child, titles, node, len(node.children)))
        for entry_id in topic.entry_ids:
            title = titles.get(entry_id)
            if title is None:
                log.warning("topic %d lists entry %d, which does not exist", topic.id, entry_id)
                continue
            leaf = _TreeNode(None, entry_id, title, title, node, len(node.children))
            node.children.append(leaf)
            self._entry_nodes.setdefault(entry_id, []).append(leaf)
        return node

    # QAbstractItemModel

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _TreeNode | None:
        return index.internalPointer() if index.isValid() else None

    def _children(self, parent: QModelIndex | QPersistentModelIndex) -> list[_TreeNode]:
        node = self._node(parent)
        return self._roots if node is None else node.children

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(parent)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    _ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._ROW_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip
        if role == ENTRY_ID_ROLE:
            return node.entry_id
        if role == TOPIC_ID_ROLE:
            return node.topic_id
        return None

    # Lookups

    def entry_indexes(self, entry_id: int) -> list[QModelIndex]:
        """Return every index that shows the entry, in tree order."""
        return [self.createIndex(node.row, 0, node) for node in self._entry_nodes.get(entry_id, [])]

    def topic_index(self, topic_id: int) -> QModelIndex:
        """Return the index of the topic, or an invalid index."""
        node = self._topic_nodes.get(topic_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)


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
