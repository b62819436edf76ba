"""The one place `ui/` imports PySide6 from (after Anki's `aqt.qt`).

Every other GUI module does `from ui.qt import ...`, so a binding upgrade, a shim or a
deprecation fix happens here once, and a test can check that nobody bypasses it. pyqtgraph is
the only other Qt-aware import allowed, and only in chart modules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QBuffer,
    QCoreApplication,
    QDate,
    QEvent,
    QEventLoop,
    QIODevice,
    QLibraryInfo,
    QLocale,
    QMarginsF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSettings,
    QSize,
    QSizeF,
    QSortFilterProxyModel,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    SignalInstance,
    Slot,
    qVersion,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetrics,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QPixmap,
    QRawFont,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextOption,
    QTextTable,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from shiboken6 import isValid as _is_valid

__all__ = [
    "QT_TRANSLATE_NOOP", "QAbstractTableModel", "QCoreApplication", "QEvent", "QEventLoop",
    "QLibraryInfo", "QLocale", "QModelIndex", "QObject", "QPersistentModelIndex", "QPointF",
    "QRect", "QRunnable", "QSettings", "QSize", "Qt", "QThread", "QThreadPool", "QTimer",
    "QTranslator", "Signal", "SignalInstance", "Slot", "qVersion",
    "QAction", "QCloseEvent", "QColor", "QFont", "QFontDatabase", "QFontInfo", "QFontMetrics",
    "QGuiApplication", "QImage", "QPainter", "QPalette", "QRawFont", "QResizeEvent", "QTextLayout",
    "QAbstractItemView", "QApplication", "QButtonGroup", "QCheckBox", "QComboBox", "QDialog",
    "QDialogButtonBox", "QFileDialog", "QFormLayout", "QFrame", "QGridLayout", "QGroupBox",
    "QHBoxLayout", "QHeaderView", "QLabel", "QLineEdit", "QListWidget", "QListWidgetItem",
    "QMainWindow", "QMessageBox", "QProgressBar", "QProgressDialog", "QPushButton",
    "QRadioButton", "QSizePolicy", "QSplitter", "QStackedWidget", "QStatusBar", "QTableView",
    "QTextBrowser", "QVBoxLayout", "QWidget", "QWizard", "QWizardPage",
    "qconnect", "translate", "on_gui_thread", "is_alive",
    "QBuffer", "QFontMetricsF", "QIODevice", "QMarginsF", "QRectF", "QSizeF",
    "QPageLayout", "QPageSize", "QPdfWriter", "QPen", "QTextCursor", "QTextDocument",
    "QTextFormat", "QTextOption", "QTextTable",
    "QDate", "QSortFilterProxyModel", "QUrl", "QBrush", "QDesktopServices", "QKeyEvent",
    "QKeySequence", "QPixmap", "QShortcut", "QDateEdit", "QPlainTextEdit", "QScrollArea",
    "QStyle", "QStyledItemDelegate", "QStyleOptionViewItem", "QTabWidget", "QTableWidget",
    "QTableWidgetItem", "QTreeWidget", "QTreeWidgetItem",
    "QAbstractItemDelegate",
]


def qconnect(signal: SignalInstance, slot: Callable[..., Any],
             kind: Qt.ConnectionType = Qt.ConnectionType.AutoConnection) -> None:
    """Connect with a type-checked signature; one seam to log or wrap every connection."""
    signal.connect(slot, kind)


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """`QCoreApplication.translate`, for module-level texts that have no `self.tr()`."""
    return QCoreApplication.translate(context, text, disambiguation)


def on_gui_thread() -> bool:
    """True on the thread that owns the application; widget code asserts this (rule 4)."""
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def is_alive(obj: object) -> bool:
    """False once Qt has deleted the C++ side of a wrapper (e.g. a closed dialog's child)."""
    return obj is not None and _is_valid(obj)
