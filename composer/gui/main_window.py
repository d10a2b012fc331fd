"""The composer window: reason, order, subject and body, live problems, gated Send."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QWidget,
)

from composer.domain.orders import ImportResult, Order
from composer.domain.reasons import MARKETPLACES
from composer.domain.settings import Settings
from composer.gui.dialogs import WindowDialogs
from composer.gui.draft_keeper import DraftKeeper
from composer.gui.editor import BodyEditor, CheckedEditor, SubjectEdit
from composer.gui.fixes import FixActions, fill_fix_menu
from composer.gui.highlighter import Mark
from composer.gui.layout import compose_layout, reason_html
from composer.gui.lint_runner import CheckRequest, CheckResult, LintRunner, is_local
from composer.gui.menus import build_menus
from composer.gui.notices import NoticeBar
from composer.gui.orders_panel import OrdersPanel
from composer.gui.panels import TemplateDock, apply_template
from composer.gui.placeholder_menu import fill_editors, fill_message
from composer.gui.problems import ProblemsView
from composer.gui.session import Session, spelling_suggestions, tooltip_html
from composer.rules import is_sendable

PASTE_HINT = "Copied. Paste it in Seller Central → Orders → Contact Buyer"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.checker = session.checker
        self.runner = LintRunner(self.checker, self)
        self.runner.checked.connect(self._on_checked)
        self.revision = 0
        self.result: CheckResult | None = None
        self.ask_before_replacing = True  # a template over a written draft: ask first
        self.setObjectName("mainWindow")
        self.setWindowTitle("Seller Composer")
        self.setAcceptDrops(True)
        self._build_ui()
        self.drafts = DraftKeeper(self)
        self.templates = TemplateDock(self)
        self.dialogs = WindowDialogs(self)
        build_menus(self)
        self._wire()
        self._fill_reasons()
        self.set_marketplace(session.settings.default_marketplace)
        self.orders_panel.set_orders(session.orders.all(), session.sent_counts())
        notices = [*session.notices, self.templates.notice, self.drafts.restore()]
        self.schedule_check()
        self.body_editor.setFocus()
        self.notice_bar.add(*notices)
        if any(notices):
            self.statusBar().showMessage(" · ".join(n for n in notices if n))

    # ----- building -----
    def _build_ui(self) -> None:
        self.reason_picker = QComboBox(objectName="reasonPicker", accessibleName="Contact reason")
        self.marketplace_picker = QComboBox(objectName="marketplacePicker",
                                            accessibleName="Marketplace")
        self.marketplace_picker.addItems(list(MARKETPLACES))
        self.reason_info = QLabel(objectName="reasonInfo", wordWrap=True,
                                  accessibleName="About this contact reason")
        self.reason_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject_edit = SubjectEdit()
        self.body_editor = BodyEditor()
        self.problems = ProblemsView([self.subject_edit, self.body_editor])
        self.length_label = QLabel(objectName="lengthLabel", accessibleName="Message length")
        self.send_status = QLabel(objectName="sendStatus", accessibleName="Send status")
        self.send_button = QPushButton("&Send", objectName="sendButton", accessibleName="Send")
        self.send_button.setEnabled(False)
        self.orders_panel = OrdersPanel(self.session.today)
        self.notice_bar = NoticeBar()
        for editor in (self.subject_edit, self.body_editor):
            editor.tooltip_builder = lambda d: tooltip_html(d, self.session.rules())
            editor.menu_builder = self._fill_context_menu
        self.setCentralWidget(compose_layout(self))
        self.statusBar().setObjectName("statusBar")
        chain = [self.reason_picker, self.marketplace_picker, self.orders_panel.filter_edit,
                 self.orders_panel.table, self.orders_panel.delivery_edit, self.subject_edit,
                 self.body_editor, self.problems, self.send_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _wire(self) -> None:
        self.body_editor.document().contentsChange.connect(self._on_body_edit)
        self.subject_edit.document().contentsChange.connect(self._on_subject_edit)
        self.reason_picker.currentIndexChanged.connect(self._on_reason_changed)
        self.marketplace_picker.currentIndexChanged.connect(lambda _i: self.schedule_check())
        self.orders_panel.orderSelected.connect(self._on_order_selected)
        self.orders_panel.deliveryDateEdited.connect(self._on_delivery_date)
        self.problems.problemShown.connect(self.statusBar().showMessage)
        self.send_button.clicked.connect(self.send)
        self.orders_panel.messagesRequested.connect(self.show_sent_messages)
        self.problems.explainRequested.connect(self.dialogs.show_rules)
        self.templates.panel.templateApplied.connect(self.apply_template)

    def _fill_reasons(self) -> None:
        for reason in self.checker.reasons.values():
            self.reason_picker.addItem(reason.title, reason.id)
        self._on_reason_changed(self.reason_picker.currentIndex())

    # ----- state -----
    @property
    def reason(self) -> str:
        return self.reason_picker.currentData()

    @property
    def marketplace(self) -> str:
        return self.marketplace_picker.currentText()

    @property
    def order(self) -> Order | None:
        return self.orders_panel.current

    def set_reason(self, reason_id: str) -> None:
        self.reason_picker.setCurrentIndex(self.reason_picker.findData(reason_id))

    def set_marketplace(self, code: str) -> None:
        self.marketplace_picker.setCurrentText(code.upper())

    def schedule_check(self, edit: tuple[int, int] | None = None, typing: bool = False) -> None:
        """A new revision of the draft: ask for a check, Send waits for its verdict.

        `edit` (position, characters added) is a typing edit in the body: while a slow full
        check waits, the edited paragraph is checked at once for what it can show alone.
        """
        self.revision += 1
        self.result = None
        self.drafts.changed()
        self._update_length()
        self._update_send()
        req = CheckRequest(self.revision, self.body_editor.toPlainText(),
                           self.subject_edit.text(), self.reason, self.marketplace,
                           self.session.context(self.order))
        self.runner.request(req, typing)
        if edit is not None and self.runner.will_wait(req):
            self._check_paragraph(edit, req)

    def _check_paragraph(self, edit: tuple[int, int], req: CheckRequest) -> None:
        doc = self.body_editor.document()
        block = doc.findBlock(edit[0])
        if doc.findBlock(edit[0] + edit[1]) != block:
            return  # a paste over several paragraphs: wait for the full check
        text = block.text()
        diags = self.runner.check_paragraph(text, req)
        if diags is None:
            return
        rules = self.runner.rule_index(req.marketplace)
        start = block.position()
        self.body_editor.highlighter.replace_local(
            start, start + block.length() - 1, diags, text, start,
            lambda rule_id: is_local(rules.get(rule_id)))
        self.problems.refresh()

    def _on_body_edit(self, pos: int, removed: int, added: int) -> None:
        if removed or added:
            self.schedule_check((pos, added), typing=True)

    def _on_subject_edit(self, _pos: int, removed: int, added: int) -> None:
        if removed or added:
            self.schedule_check(typing=True)

    def _on_reason_changed(self, _index: int) -> None:
        reason = self.checker.reasons.get(self.reason)
        if reason is not None:
            self.reason_info.setText(reason_html(reason))
            self.reason_picker.setToolTip(reason.description)
            self.templates.follow_reason(reason.id)
        self.schedule_check()

    def _on_order_selected(self, order: Order | None) -> None:
        if order is not None and order.marketplace in MARKETPLACES:
            self.marketplace_picker.blockSignals(True)
            self.set_marketplace(order.marketplace)
            self.marketplace_picker.blockSignals(False)
        self.templates.set_order(order)
        if order is not None and fill_message(self.subject_edit.text(),
                                              self.body_editor.toPlainText()):
            self.fill_placeholders()
        self.schedule_check()

    def focused_editor(self) -> CheckedEditor:
        return self.subject_edit if self.subject_edit.hasFocus() else self.body_editor

    def fill_placeholders(self) -> None:
        """Replace {buyer_name} and the other fields with the selected order's values."""
        if self.order is None:
            self.statusBar().showMessage("Select an order to fill in its details.")
            return
        filled, left = fill_editors([self.subject_edit, self.body_editor], self.order,
                                    seller_name=self.session.seller_name,
                                    marketplace=self.marketplace)
        note = f"Filled {filled} field{'s' if filled != 1 else ''}."
        if left:
            note += " No value for: " + ", ".join("{" + n + "}" for n in left)
        self.statusBar().showMessage(note)

    def _on_delivery_date(self, order_id: str, day) -> None:
        self.orders_panel.update_order(self.session.orders.set_delivery_date(order_id, day))
        self.schedule_check()

    # ----- results -----
    def _on_checked(self, result: CheckResult) -> None:
        if result.request.revision != self.revision:
            return
        self.result = result
        req = result.request
        body = [d for d in result.diagnostics if d.field == "text"]
        subject = [d for d in result.diagnostics if d.field == "subject"]
        self.body_editor.highlighter.set_diagnostics(body, req.text)
        self.subject_edit.highlighter.set_diagnostics(subject, req.subject)
        self.problems.refresh()
        self._update_send()
        if result.error:
            self.statusBar().showMessage(f"The checker failed: {result.error}")

    def _update_length(self) -> None:
        reason = self.checker.reasons.get(self.reason)
        n = len(self.body_editor.toPlainText())
        limit = reason.limit if reason else 0
        text = f"{n:,} / {limit:,} characters"
        if limit and n > limit:
            text += f" — {n - limit:,} over the limit"
        self.length_label.setText(text)

    def blockers(self) -> list[str]:
        """Why Send is disabled, in words; empty when it may be pressed."""
        if self.result is None:
            return ["Checking the message…"]
        if not self.body_editor.toPlainText().strip():
            return ["Write the message first."]
        if self.result.error:
            return [f"The checker failed: {self.result.error}"]
        needs = self._needs_order()
        if is_sendable(self.result.diagnostics):
            return needs
        return needs + [d.message for d in self.result.diagnostics if d.severity == "error"]

    def _needs_order(self) -> list[str]:
        """A message Seller Central sends about one order: its dates and history decide it.

        Replies (a customer inquiry, a return question) may come without an order in the
        table and are recorded with none; a proactive message cannot be checked for its time
        window or "once per order" without the order.
        """
        reason = self.checker.reasons.get(self.reason)
        if self.order is not None or reason is None or not reason.proactive:
            return []
        return [f"Select the order this message is about: “{reason.title}” is sent about "
                "one order, and its time limits depend on that order."]

    def _update_send(self) -> None:
        blockers = self.blockers()
        self.send_button.setEnabled(not blockers)
        if not blockers:
            tip = "Copy the message and record it as sent"
        else:
            unique = list(dict.fromkeys(blockers))
            lines = [f"• {m}" for m in unique[:5]]
            if len(unique) > 5:
                lines.append(f"…and {len(unique) - 5} more")
            head = "Send is blocked:" if self.result is not None else "Send waits:"
            tip = "\n".join([head, *lines])
        self.send_button.setToolTip(tip)
        self.send_button.setAccessibleDescription(tip)

    # ----- actions -----
    def send(self) -> None:
        """Copy the approved text, record it, and say where to paste it."""
        if self.blockers() or self.result is None:
            return
        req = self.result.request
        text = f"{req.subject}\n\n{req.text}" if req.subject.strip() else req.text
        QGuiApplication.clipboard().setText(text)
        order_id = self.order.order_id if self.order else ""
        self.session.history.record(order_id, req.reason, req.marketplace, req.subject,
                                    req.text, self.session.ruleset_version())
        if order_id:
            self.orders_panel.model.set_sent(order_id,
                                             len(self.session.history.for_order(order_id)))
        self.dialogs.history_changed()
        self.drafts.sent()
        self.send_status.setText(PASTE_HINT)
        self.statusBar().showMessage(PASTE_HINT)
        self.schedule_check()  # the history changed: a second request may now be blocked

    def new_message(self) -> None:
        """An empty draft, in the selected order's marketplace or the default one."""
        self.session.ignored.clear()
        self.subject_edit.clear()
        self.body_editor.clear()
        self.send_status.clear()
        if self.order is None or self.order.marketplace not in MARKETPLACES:
            self.set_marketplace(self.session.settings.default_marketplace)
        self.schedule_check()

    def apply_template(self, subject: str, body: str, reason: str, marketplace: str) -> bool:
        return apply_template(self, subject, body, reason, marketplace)

    def show_rules(self) -> None:
        """The rule reference, opened at the rule of the selected (or first) problem."""
        problem = self.problems.current_problem()
        self.dialogs.show_rules(problem.mark.diagnostic.rule if problem else None)

    def show_sent_messages(self, order_id: str | None = None) -> None:
        self.dialogs.show_history(order_id)

    def open_settings(self) -> None:
        self.dialogs.show_settings()

    def apply_settings(self, settings: Settings) -> None:
        """Settings were saved: check again with the new name and words."""
        self.session.apply_settings(settings)
        self.templates.update_context()
        draft = self.subject_edit.text().strip() or self.body_editor.toPlainText().strip()
        if not draft and self.order is None:  # the new default applies to new drafts
            self.set_marketplace(settings.default_marketplace)
        self.schedule_check()
        self.statusBar().showMessage("Settings saved.", 4000)

    def show_about(self) -> None:
        from composer.gui.rules_help import show_about

        show_about(self.checker, self.session.data_dir, self)

    def problem_count(self) -> int:
        return len(self.problems.problems)

    def next_problem(self) -> None:
        if not self.problems.step(+1):
            self.statusBar().showMessage("No problems", 2000)

    def previous_problem(self) -> None:
        if not self.problems.step(-1):
            self.statusBar().showMessage("No problems", 2000)

    def _fill_context_menu(self, menu: QMenu, mark: Mark, editor: CheckedEditor) -> None:
        fill_fix_menu(menu, mark, editor, FixActions(
            suggest=lambda w: spelling_suggestions(self.checker, w, self.marketplace),
            add_word=self.add_word, ignore_word=self.ignore_word))

    def add_word(self, word: str) -> None:
        self.session.add_word(word)
        self.templates.update_context()
        self.schedule_check()

    def ignore_word(self, word: str) -> None:
        self.session.ignored.add(word)
        self.schedule_check()

    # ----- orders -----
    def choose_order_report(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import order report", "", "Order reports (*.txt *.tsv *.csv);;All files (*)")
        for path in paths:
            self.import_orders(path)

    def import_orders(self, path: str | Path) -> ImportResult | None:
        """Read a Seller Central report into the store; problems are shown with file:line."""
        result, message = self.orders_panel.import_report(path, self.session)
        self.statusBar().showMessage(message.splitlines()[0])
        return result

    def dragEnterEvent(self, ev: QDragEnterEvent) -> None:
        if ev.mimeData().hasUrls() and any(u.isLocalFile() for u in ev.mimeData().urls()):
            ev.acceptProposedAction()

    def dropEvent(self, ev: QDropEvent) -> None:
        for url in ev.mimeData().urls():
            if url.isLocalFile():
                self.import_orders(url.toLocalFile())
        ev.acceptProposedAction()

    def closeEvent(self, ev: QCloseEvent) -> None:
        self.drafts.save_now()
        self.runner.shutdown()
        self.templates.panel.verdicts.shutdown()
        super().closeEvent(ev)
