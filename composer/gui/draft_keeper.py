"""Keeps the draft in `draft.json` so a crash or a restart loses nothing.

Saves a moment after the seller stops typing and when the window closes; the buyer's name is
written as a placeholder (DraftStore does that), and a sent message is not saved again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from composer.domain.drafts import Draft, DraftStore
from composer.domain.placeholders import personal_values

SAVE_DELAY_MS = 800


class DraftKeeper(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.store = DraftStore(window.session.data_dir)
        self._sent: tuple[str, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def changed(self) -> None:
        self._timer.start()

    def current(self) -> Draft:
        w = self.window
        return Draft(reason=w.reason or "customer-inquiry", marketplace=w.marketplace,
                     order_id=w.order.order_id if w.order else "",
                     subject=w.subject_edit.text(), body=w.body_editor.toPlainText())

    def save_now(self) -> None:
        self._timer.stop()
        draft = self.current()
        if (draft.subject, draft.body) == self._sent:
            return
        if not (draft.subject.strip() or draft.body.strip()):
            self.store.clear()
            return
        order = self.window.order
        self.store.save(draft, personal_values(order) if order else None)

    def sent(self) -> None:
        """The message went out: forget it, unless the seller edits it again."""
        draft = self.current()
        self._sent = (draft.subject, draft.body)
        self._timer.stop()
        self.store.clear()

    def restore(self) -> str | None:
        """Put the saved draft back in the window; returns a notice if the file was damaged."""
        draft, notice = self.store.load()
        if draft is None:
            return str(notice) if notice else None
        w = self.window
        w.set_reason(draft.reason)
        w.set_marketplace(draft.marketplace)
        if draft.order_id and w.orders_panel.select_order(draft.order_id) and w.order:
            draft = draft.with_personal(personal_values(w.order))
        w.subject_edit.setText(draft.subject)
        w.body_editor.setPlainText(draft.body)
        return None
