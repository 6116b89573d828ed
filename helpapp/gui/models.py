"""Item models: the topic tree and the list of search hits."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from helpapp.core.database import FaqDatabase, Topic
from helpapp.core.userdata import SavedEntry

if TYPE_CHECKING:
    from helpapp.core.search import Hit

log = logging.getLogger(__name__)

# Custom item data roles, shared by both models.
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HIT_ROLE = Qt.ItemDataRole.UserRole + 3
KEY_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass(eq=False)
class _TreeNode:
    """One row of the topic tree: a topic, or an entry listed under a topic.

    A topic's entries become child nodes only when the view first requests them;
    until then `unfetched` is True.
    """

    topic_id: int | None
    entry_id: int | None
    text: str
    tooltip: str | None
    parent: _TreeNode | None
    row: int
    children: list[_TreeNode] = field(default_factory=list)
    unfetched: bool = False


class TopicTreeModel(QAbstractItemModel):
    """Topics with their entry counts, and each topic's entries as leaves.

    An entry listed under two topics appears under both. The unassigned group comes
    last because `FaqDatabase.topic_tree` returns it last. The topics are built at
    once; a topic's entries are read from the database when the view expands it
    (`canFetchMore` and `fetchMore`), so a FAQ of 100,000 entries opens without
    reading every title.

    NOTE: this is a QAbstractItemModel over plain nodes rather than a
    QStandardItemModel, because in PySide6 6.12 on Python 3.11 every QStandardItem
    setter (setData, setToolTip) drops a reference to None. Building a tree of a few
    thousand items then aborts the interpreter ("deallocating None").
    """

    def __init__(self, db: FaqDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._roots: list[_TreeNode] = []
        self._topic_nodes: dict[int, _TreeNode] = {}
        self.reload(db)

    def reload(self, db: FaqDatabase) -> None:
        """Replace the rows with the topics of `db`; entries are read on demand."""
        self.beginResetModel()
        self._db = db
        self._roots = []
        self._topic_nodes = {}
        counts = db.topic_entry_counts()
        for topic in db.topic_tree():
            self._roots.append(self._topic_node(topic, counts, None, len(self._roots)))
        self.endResetModel()
        log.debug("topic tree: %d root topics, %d topics", len(self._roots), len(self._topic_nodes))

    def _topic_node(self, topic: Topic, counts: dict[int, int], parent: _TreeNode | None, row: int) -> _TreeNode:
        text = f"{topic.title} ({counts.get(topic.id, 0):,})"
        node = _TreeNode(topic.id, None, text, None, parent, row, unfetched=topic.entry_count > 0)
        self._topic_nodes[topic.id] = node

        for child in topic.children:
            node.children.append(self._topic_node(child, counts, node, len(node.children)))
        return node

    def _fetch(self, node: _TreeNode, parent_index: QModelIndex) -> None:
        """Append the entries listed directly under the topic of `node`."""
        node.unfetched = False
        titles = self._db.topic_titles(node.topic_id)
        if not titles:
            return

        first = len(node.children)
        self.beginInsertRows(parent_index, first, first + len(titles) - 1)
        for entry_id, _key, title in titles:
            node.children.append(_TreeNode(None, entry_id, title, title, node, len(node.children)))
        self.endInsertRows()

    def _ensure_fetched(self, node: _TreeNode) -> None:
        if node.unfetched:
            self._fetch(node, self.createIndex(node.row, 0, node))

    def fetch_all(self) -> None:
        """Read the entries of every topic, as expanding the whole tree needs."""
        for node in list(self._topic_nodes.values()):
            self._ensure_fetched(node)

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

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        node = self._node(parent)
        if node is None:
            return bool(self._roots)
        return bool(node.children) or node.unfetched

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        node = self._node(parent)
        return node is not None and node.unfetched

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        node = self._node(parent)
        if node is not None:
            self._ensure_fetched(node)

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
        """Return every index that shows the entry, in tree order, reading the entries
        of its topics first when needed."""
        listed = set(self._db.topic_ids_of(entry_id))
        # The topic nodes were added in tree order.
        topic_nodes = [node for topic_id, node in self._topic_nodes.items() if topic_id in listed]

        indexes = []
        for topic_node in topic_nodes:
            self._ensure_fetched(topic_node)
            for node in topic_node.children:
                if node.entry_id == entry_id:
                    indexes.append(self.createIndex(node.row, 0, node))
        return indexes

    def topic_index(self, topic_id: int) -> QModelIndex:
        """Return the index of the topic, or an invalid index."""
        node = self._topic_nodes.get(topic_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)


class ResultListModel(QAbstractListModel):
    """The hits of the latest search, best first.

    The rows come in batches (`canFetchMore` and `fetchMore`): the view requests more
    when its rows do not fill it or when the user scrolls to the end. Each row is a
    rich-text document of about a millisecond to lay out, so showing the first batch
    alone keeps the window responsive when results arrive.
    """

    BATCH_SIZE = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[Hit, ...] = ()
        self._row_count = 0

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self._row_count = min(len(self._hits), self.BATCH_SIZE)
        self.endResetModel()

    def hit_count(self) -> int:
        """Return the number of hits, including those not yet shown as rows."""
        return len(self._hits)

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < self._row_count else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._row_count < len(self._hits)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        last = min(len(self._hits), self._row_count + self.BATCH_SIZE)
        self.beginInsertRows(QModelIndex(), self._row_count, last - 1)
        self._row_count = last
        self.endInsertRows()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            from helpapp.gui.richtext import format_topic_paths

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
