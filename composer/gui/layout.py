"""The window's layout, kept apart from its behaviour."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from composer.domain.reasons import Reason

if TYPE_CHECKING:
    from composer.gui.main_window import MainWindow


def reason_html(reason: Reason) -> str:
    """What the reason is for, what belongs in it, its limit and when it may be sent."""
    when = "Reply to the buyer only"
    if reason.proactive and reason.window_days:
        when = f"You may write first, within {reason.window_days} days of order completion"
    if reason.review_window:
        first, last = reason.review_window
        when = f"Once per order, {first} to {last} days after delivery"
    return (f"{html.escape(reason.description)}<br><b>Belongs in it:</b> "
            f"{html.escape(reason.belongs)}<br><b>Limit:</b> {reason.limit:,} characters · "
            f"{when}")


def _problems_pane(w: MainWindow) -> QWidget:
    """The problems list under a header with its Explain button."""
    header = QHBoxLayout()
    title = QLabel("&Problems:")
    title.setBuddy(w.problems)
    explain = QToolButton(objectName="explainButton", accessibleName="Explain this rule")
    explain.setDefaultAction(w.problems.explain_action)
    header.addWidget(title)
    header.addStretch(1)
    header.addWidget(explain)
    pane = QWidget()
    col = QVBoxLayout(pane)
    col.setContentsMargins(0, 0, 0, 0)
    col.addLayout(header)
    col.addWidget(w.problems, 1)
    return pane


def compose_layout(w: MainWindow) -> QWidget:
    """Orders on the left; reason, subject, body, problems and Send on the right."""
    top = QHBoxLayout()
    for text, widget in (("&Reason:", w.reason_picker),
                         ("&Marketplace:", w.marketplace_picker)):
        label = QLabel(text)
        label.setBuddy(widget)
        top.addWidget(label)
        top.addWidget(widget, 1 if widget is w.reason_picker else 0)
    subject_row = QHBoxLayout()
    subject_label = QLabel("S&ubject:")
    subject_label.setBuddy(w.subject_edit)
    subject_row.addWidget(subject_label)
    subject_row.addWidget(w.subject_edit)
    bottom = QHBoxLayout()
    bottom.addWidget(w.length_label)
    bottom.addStretch(1)
    bottom.addWidget(w.send_status)
    bottom.addWidget(w.send_button)
    text_split = QSplitter(Qt.Orientation.Vertical)
    text_split.addWidget(w.body_editor)
    text_split.addWidget(_problems_pane(w))
    text_split.setStretchFactor(0, 3)
    text_split.setStretchFactor(1, 1)
    compose = QWidget()
    col = QVBoxLayout(compose)
    col.addLayout(top)
    col.addWidget(w.reason_info)
    col.addLayout(subject_row)
    col.addWidget(text_split, 1)
    col.addLayout(bottom)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(w.orders_panel)
    split.addWidget(compose)
    split.setStretchFactor(1, 2)
    split.setSizes([460, 740])
    outer = QWidget()
    top_col = QVBoxLayout(outer)
    top_col.setContentsMargins(0, 0, 0, 0)
    top_col.addWidget(w.notice_bar)
    top_col.addWidget(split, 1)
    return outer
