"""The template panel changes the real templates.json and applies templates to the order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
)

from composer.domain.drafts import Draft
from composer.domain.placeholders import FIELDS
from composer.domain.templates import TemplateLibrary, load_starters
from composer.gui.templates_panel import TemplatePanel, placeholder_menu
from composer.rules import is_sendable

PROMO = "Hello {buyer_name},\n\nUse the coupon code SPRING at checkout.\n\nBest regards"
SHIPPING = ("Hello {buyer_name},\n\nYour order {order_id} should arrive on {delivery_date}.\n\n"
            "Best regards,\n{seller_name}")


def saved(folder: Path) -> dict[str, dict]:
    """The templates as written in templates.json, by name."""
    data = json.loads((folder / "templates.json").read_text(encoding="utf-8"))
    return {t["name"]: t for t in data["templates"]}


def make_panel(qtbot, folder: Path, checker, starters=None) -> TemplatePanel:
    library, notice = TemplateLibrary.open(folder, starters=starters)
    assert notice is None
    panel = TemplatePanel(library, checker, seller_name="Acme Lamps")
    qtbot.addWidget(panel)
    panel.show()
    return panel


@pytest.fixture
def panel(qtbot, tmp_path, checker) -> TemplatePanel:
    return make_panel(qtbot, tmp_path, checker)


def cell(panel: TemplatePanel, name: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    row = panel.shown_names().index(name)
    return panel.model.index(row, column).data(role)


def select(panel: TemplatePanel, name: str) -> None:
    assert panel.select(panel.library.find_name(name).id)
    assert panel.selected().name == name


def test_the_starters_are_listed_with_a_compliant_mark(panel):
    assert panel.findChild(QTableView, "templateList") is panel.table
    assert panel.findChild(QLineEdit, "templateSearch") is panel.search_edit
    assert panel.table.model().rowCount() == len(load_starters()) == 18
    assert panel.wait_for_verdicts()
    assert {cell(panel, n, 0) for n in panel.shown_names()} == {"✓"}
    assert cell(panel, "Invoice (EN)", 2) == "Send an invoice"
    assert cell(panel, "Invoice (EN)", 3) == "US"
    assert not panel.apply_button.isEnabled()  # nothing selected yet


def test_save_draft_as_template_writes_it_without_the_buyers_name(panel, tmp_path):
    panel.set_order_values({"buyer_name": "Jane Doe", "order_id": "113-1234567-1234567"})
    draft = Draft(reason="return", marketplace="US", order_id="113-1234567-1234567",
                  subject="Your return for 113-1234567-1234567",
                  body="Hello Jane Doe,\n\nwe received your return request.")
    t = panel.save_draft_as("Return received", draft)
    on_disk = saved(tmp_path)["Return received"]
    assert on_disk["body"] == "Hello {buyer_name},\n\nwe received your return request."
    assert on_disk["subject"] == "Your return for {order_id}"
    assert (on_disk["reason"], on_disk["marketplace"]) == ("return", "US")
    assert panel.selected() == t and "Return received" in panel.shown_names()
    assert len(saved(tmp_path)) == 19  # the starters were written along with it


def test_the_save_button_asks_for_a_name_and_suggests_one(qtbot, tmp_path, checker):
    library = TemplateLibrary.open(tmp_path, starters=[])[0]
    draft = Draft(reason="invoice", marketplace="DE", body="Anbei die Rechnung.")
    panel = TemplatePanel(library, checker, current_draft=lambda: draft)
    qtbot.addWidget(panel)
    suggested: list[str] = []

    def name_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        suggested.append(dialog.textValue())
        dialog.setTextValue("Rechnung kurz")
        dialog.accept()

    QTimer.singleShot(0, name_it)
    qtbot.mouseClick(panel.findChild(QPushButton, "templateSaveButton"),
                     Qt.MouseButton.LeftButton)
    assert suggested == ["Send an invoice (DE)"]
    assert saved(tmp_path)["Rechnung kurz"]["body"] == "Anbei die Rechnung."
    assert panel.shown_names() == ["Rechnung kurz"]


def test_rename_duplicate_and_delete_change_templates_json(panel, tmp_path):
    select(panel, "Invoice (EN)")
    panel.rename_selected("Invoice  with  VAT")
    assert "Invoice with VAT" in saved(tmp_path) and "Invoice (EN)" not in saved(tmp_path)
    assert panel.selected().name == "Invoice with VAT"

    copy = panel.duplicate_selected()
    assert copy.name == "Invoice with VAT (2)"
    assert saved(tmp_path)["Invoice with VAT (2)"]["body"] == saved(tmp_path)[
        "Invoice with VAT"]["body"]
    assert panel.selected() == copy

    assert panel.delete_selected(confirm=False)
    assert "Invoice with VAT (2)" not in saved(tmp_path)
    assert "Invoice with VAT (2)" not in panel.shown_names()
    assert len(saved(tmp_path)) == 18


def test_a_name_that_is_taken_is_refused_and_nothing_is_written(panel, tmp_path):
    select(panel, "Invoice (EN)")
    panel.rename_selected("Invoice (EN)")  # writes the file once
    before = (tmp_path / "templates.json").read_bytes()
    assert panel.rename_selected("return question (en)") is None
    assert "already exists" in panel.status.text()
    assert (tmp_path / "templates.json").read_bytes() == before


def test_delete_asks_first_and_no_keeps_the_template(panel, qtbot, tmp_path):
    select(panel, "Invoice (EN)")

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Invoice (EN)" in box.text()
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer_no)
    assert not panel.delete_selected()
    assert "Invoice (EN)" in panel.shown_names()
    assert not (tmp_path / "templates.json").exists()  # nothing changed, nothing written


def test_search_and_filters_narrow_the_list(panel, qtbot):
    qtbot.keyClicks(panel.search_edit, "rechnung")
    assert panel.shown_names() == ["Rechnung (DE)"]
    panel.search_edit.clear()
    panel.set_filters(reason="invoice")
    assert sorted(panel.shown_names()) == ["Invoice (EN)", "Rechnung (DE)"]
    panel.set_filters(reason="invoice", marketplace="DE")
    assert panel.shown_names() == ["Rechnung (DE)"]
    panel.set_filters()
    qtbot.keyClicks(panel.search_edit, "no such words")
    assert panel.shown_names() == []
    panel.search_edit.clear()
    assert len(panel.shown_names()) == 18


def test_apply_fills_the_order_values_and_leaves_the_rest_for_the_checker(
        qtbot, tmp_path, checker):
    panel = make_panel(qtbot, tmp_path, checker, starters=[])
    panel.save_draft_as("Shipping", Draft(reason="order-fulfillment-issue", marketplace="US",
                                          subject="Order {order_id}", body=SHIPPING))
    panel.set_order_values({"buyer_name": "Jane Doe", "order_id": "113-1234567-1234567"})
    with qtbot.waitSignal(panel.templateApplied) as signal:
        left = panel.apply_selected()
    subject, body, reason, marketplace = signal.args
    assert subject == "Order 113-1234567-1234567"
    assert body.startswith("Hello Jane Doe,\n\nYour order 113-1234567-1234567 should arrive on "
                           "{delivery_date}.")
    assert body.endswith("Best regards,\nAcme Lamps")  # the seller's name from settings
    assert (reason, marketplace) == ("order-fulfillment-issue", "US")
    assert left == ["delivery_date"] and "{delivery_date}" in panel.status.text()
    diagnostics = checker.check(body, reason=reason, marketplace=marketplace, subject=subject)
    assert not is_sendable(diagnostics)
    assert "placeholder.unfilled" in {d.rule for d in diagnostics if d.severity == "error"}
    assert "{buyer_name}" in saved(tmp_path)["Shipping"]["body"]  # the template is unchanged


def test_double_click_applies_the_template(panel, qtbot):
    select(panel, "Invoice (EN)")
    index = panel.model.index(panel.shown_names().index("Invoice (EN)"), 1)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.templateApplied) as signal:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert signal.args[2] == "invoice"


def test_a_non_compliant_template_shows_a_warning_with_the_problem(panel):
    panel.save_draft_as("Promo", Draft(reason="customer-inquiry", marketplace="US", body=PROMO))
    assert panel.wait_for_verdicts()
    assert cell(panel, "Promo", 0) == "⚠"
    assert "coupon" in cell(panel, "Promo", 0, Qt.ItemDataRole.ToolTipRole)
    assert cell(panel, "Promo", 0, Qt.ItemDataRole.AccessibleTextRole) == "Not compliant"
    assert cell(panel, "Invoice (EN)", 0) == "✓"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_through_the_panel_round_trips(qtbot, tmp_path, checker, fmt):
    source = make_panel(qtbot, tmp_path / "a", checker)
    source.save_draft_as("Größe, \"Farbe\"", Draft(reason="additional-information",
                                                   marketplace="DE", subject="Bestellung",
                                                   body="Hallo {buyer_name},\n\n=SUM(A1) ✓"))
    assert source.export_to(tmp_path / f"out.{fmt}") == 19
    target = make_panel(qtbot, tmp_path / "b", checker, starters=[])
    report = target.import_from(tmp_path / f"out.{fmt}")
    assert report.imported == 19 and not report.invalid and not report.noncompliant
    assert saved(tmp_path / "b") == saved(tmp_path / "a")
    assert sorted(target.shown_names()) == sorted(source.shown_names())
    assert target.status.text().startswith("Imported 19 templates.")


def test_import_summary_names_skipped_renamed_and_non_compliant(qtbot, tmp_path, checker):
    incoming = tmp_path / "in.json"
    incoming.write_text(json.dumps([
        {"name": "Invoice (EN)", "reason": "invoice", "marketplace": "US", "body": "Attached."},
        {"name": "Promo", "reason": "customer-inquiry", "marketplace": "US", "body": PROMO},
        {"name": "Broken", "reason": "marketing", "marketplace": "US", "body": "x"}]),
        encoding="utf-8")
    panel = make_panel(qtbot, tmp_path / "lib", checker)
    assert panel.clashing_names(incoming) == ["Invoice (EN)"]
    panel.import_from(incoming, "skip")
    text = panel.status.text()
    assert "Imported 1 template." in text and "Added: Promo" in text
    assert "Skipped (a template of that name exists): Invoice (EN)" in text
    assert "Not taken: template 3 (Broken): unknown contact reason 'marketing'" in text
    assert "⚠ Not compliant, fix before use: Promo" in text
    assert panel.wait_for_verdicts()
    assert cell(panel, "Promo", 0) == "⚠"

    panel.import_from(incoming, "keep-both")
    assert "Invoice (EN) → Invoice (EN) (2)" in panel.status.text()
    assert saved(tmp_path / "lib")["Invoice (EN) (2)"]["body"] == "Attached."


def test_a_file_that_is_not_templates_is_an_error_and_changes_nothing(qtbot, tmp_path, checker):
    panel = make_panel(qtbot, tmp_path / "lib", checker)
    bad = tmp_path / "notes.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        panel.import_from(bad)
    assert len(panel.shown_names()) == 18
    assert not (tmp_path / "lib" / "templates.json").exists()


def test_text_export_writes_one_file_per_template(panel, tmp_path):
    panel.export_to(tmp_path / "out", "txt")
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == 18 and "Invoice (EN).txt" in files
    assert (tmp_path / "out" / "Invoice (EN).txt").read_text(encoding="utf-8").startswith(
        "Subject: ")


def test_placeholder_menu_offers_every_field_and_inserts_its_token(panel):
    inserted: list[str] = []
    menu = placeholder_menu(panel, inserted.append)
    assert [a.text() for a in menu.actions()] == [f.label for f in FIELDS]
    menu.actions()[0].trigger()
    assert inserted == ["{buyer_name}"]
