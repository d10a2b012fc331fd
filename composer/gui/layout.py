"""The window's layout, kept apart from its behaviour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from composer.gui.main_window import MainWindow


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
    text_split.addWidget(w.problems)
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
    return split
