"""A bar above the window's content for what the seller must not miss at start.

A damaged orders, history, templates, drafts or settings file is moved aside and the app
starts without it; a status-bar message is overwritten by the next problem shown, so the bar
stays until the seller closes it. It never blocks: no modal dialog at start.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget


class NoticeBar(QFrame):
    """Hidden until `add` is called; the close button hides it and forgets the notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAccessibleName("Notices")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.label = QLabel(self, objectName="noticeText", wordWrap=True,
                            accessibleName="Notice")
        self.label.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self, objectName="noticeClose", text="✕",
                            accessibleName="Close the notice", toolTip="Close")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 4, 4)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.notices: list[str] = []
        self.hide()

    def add(self, *notices: str | None) -> None:
        """Show each notice given (None and "" are skipped), after those already shown."""
        new = [n for n in notices if n and n not in self.notices]
        if not new:
            return
        self.notices += new
        self.label.setText("\n".join(self.notices))
        self.show()

    def dismiss(self) -> None:
        self.notices.clear()
        self.label.clear()
        self.hide()
