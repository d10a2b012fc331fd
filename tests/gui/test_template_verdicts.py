"""Template compliance marks are checked in a worker: the window never waits for them.

Verdicts arrive through a queued signal, so none can reach the list before the event loop
runs; a verdict for an older check context or an older version of a template never shows.
"""

from __future__ import annotations

import json
import time

from PySide6.QtCore import Qt

from composer.app import make_window
from composer.domain.drafts import Draft
from composer.domain.templates import TemplateLibrary
from composer.gui.templates_panel import TemplatePanel
from composer.rules import Checker

ZORBLAX = ("Hello {buyer_name},\n\nYour order ships today with the zorblax you asked about."
           "\n\nBest regards")  # compliant only once "zorblax" is in the seller's dictionary
SHIPS = "Hello {buyer_name},\n\nYour order ships today.\n\nBest regards"
PROMO = "Hello {buyer_name},\n\nUse the coupon code SPRING at checkout.\n\nBest regards"


def marks(panel: TemplatePanel, role=Qt.ItemDataRole.DisplayRole) -> dict[str, str]:
    model = panel.model
    return {model.template_at(r).name: model.index(r, 0).data(role)
            for r in range(model.rowCount())}


def painted_marks(panel: TemplatePanel, name: str) -> list[str]:
    """Every mark the row of `name` is repainted with from now on."""
    seen: list[str] = []

    def changed(top, bottom, *_roles) -> None:
        for row in range(top.row(), bottom.row() + 1):
            if panel.model.template_at(row).name == name:
                seen.append(panel.model.index(row, 0).data())

    panel.model.dataChanged.connect(changed)
    return seen


def one_template_panel(qtbot, folder, checker, body: str) -> TemplatePanel:
    library = TemplateLibrary.open(folder, starters=[])[0]
    library.add_from_draft(Draft(reason="customer-inquiry", marketplace="US", body=body), "Note")
    panel = TemplatePanel(library, checker, seller_name="Acme Lamps")
    qtbot.addWidget(panel)
    return panel


def let_the_worker_finish_unseen(seconds: float = 0.5) -> None:
    """The worker checks while the UI thread is busy: its verdict waits in the event queue."""
    time.sleep(seconds)


def test_the_window_shows_before_the_template_verdicts_arrive(qtbot, tmp_path):
    window = make_window(tmp_path, checker=Checker())  # cold: no pack or speller loaded yet
    qtbot.addWidget(window)
    window.show()
    panel = window.templates.panel
    assert window.isVisible() and panel.shown_names()  # the templates for the draft's reason
    assert set(marks(panel).values()) == {"…"}
    assert set(marks(panel, Qt.ItemDataRole.AccessibleTextRole).values()) == {"Checking…"}

    assert panel.wait_for_verdicts()
    assert set(marks(panel).values()) == {"✓"}
    assert set(marks(panel, Qt.ItemDataRole.AccessibleTextRole).values()) == {"Compliant"}
    panel.set_filters()
    assert len(marks(panel)) == 18 and panel.wait_for_verdicts()
    assert set(marks(panel).values()) == {"✓"}
    window.close()
    window.session.close()


def test_verdicts_repaint_only_their_rows_and_keep_the_selection(qtbot, tmp_path, checker):
    library = TemplateLibrary.open(tmp_path)[0]
    panel = TemplatePanel(library, checker)
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    assert panel.select(library.find_name("Invoice (EN)").id)
    panel.table.scrollToBottom()
    scrolled = panel.table.verticalScrollBar().value()
    assert scrolled > 0
    changed_rows: list[tuple[int, int]] = []
    panel.model.dataChanged.connect(lambda a, b, *_: changed_rows.append((a.row(), b.row())))
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))

    assert panel.wait_for_verdicts()
    assert sorted(changed_rows) == [(r, r) for r in range(18)]  # one row each, each once
    assert not resets
    assert panel.selected().name == "Invoice (EN)"
    assert panel.table.verticalScrollBar().value() == scrolled
    assert set(marks(panel).values()) == {"✓"}


def test_a_verdict_from_before_the_dictionary_changed_never_shows(qtbot, tmp_path, checker):
    panel = one_template_panel(qtbot, tmp_path, checker, ZORBLAX)
    let_the_worker_finish_unseen()  # "zorblax" is misspelt in this verdict
    seen = painted_marks(panel, "Note")
    panel.set_check_context(words={"zorblax"})
    assert marks(panel) == {"Note": "…"}

    assert panel.wait_for_verdicts()
    assert marks(panel) == {"Note": "✓"}
    assert seen == ["✓"]  # the stale ⚠ was dropped, not painted and then painted over


def test_a_verdict_from_before_the_seller_renamed_the_store_is_dropped(qtbot, tmp_path,
                                                                       checker):
    panel = one_template_panel(qtbot, tmp_path, checker, ZORBLAX)
    panel.set_check_context(seller_name="Zorblax Lamps")  # the name is a known word too
    let_the_worker_finish_unseen()
    seen = painted_marks(panel, "Note")
    panel.set_check_context(seller_name="Acme Lamps")
    assert panel.wait_for_verdicts()
    assert seen == ["⚠"] and marks(panel) == {"Note": "⚠"}
    assert "spelling" in marks(panel, Qt.ItemDataRole.ToolTipRole)["Note"]


def test_a_verdict_for_an_older_version_of_a_template_never_shows(qtbot, tmp_path, checker):
    panel = one_template_panel(qtbot, tmp_path, checker, SHIPS)  # compliant
    let_the_worker_finish_unseen()
    seen = painted_marks(panel, "Note")
    incoming = tmp_path / "promo.json"
    incoming.write_text(json.dumps([{"name": "Note", "reason": "customer-inquiry",
                                     "marketplace": "US", "body": PROMO}]), encoding="utf-8")
    panel.import_from(incoming, "replace")
    assert panel.library.find_name("Note").body == PROMO

    assert panel.wait_for_verdicts()
    assert seen == ["⚠"] and marks(panel) == {"Note": "⚠"}


def test_a_verdict_asked_for_is_answered_at_once_and_apply_never_waits(qtbot, tmp_path,
                                                                       checker):
    library = TemplateLibrary.open(tmp_path)[0]
    panel = TemplatePanel(library, checker, seller_name="Acme Lamps")
    qtbot.addWidget(panel)
    panel.save_draft_as("Promo", Draft(reason="customer-inquiry", marketplace="US", body=PROMO))
    promo = library.find_name("Promo")
    assert marks(panel)["Promo"] == "…"

    verdict = panel.verdict(promo)
    assert not verdict.compliant and "coupon" in verdict.problem + " ".join(
        d.message for d in verdict.errors())
    assert marks(panel)["Promo"] == "⚠"  # the row shows it without waiting for the worker
    assert "…" in marks(panel).values()  # the others are still being checked

    with qtbot.waitSignal(panel.templateApplied) as applied:
        assert panel.select(library.find_name("Invoice (EN)").id)
        panel.apply_selected()
    assert applied.args[2:] == ["invoice", "US"]
    assert panel.wait_for_verdicts()
    assert marks(panel)["Promo"] == "⚠" and marks(panel)["Invoice (EN)"] == "✓"
