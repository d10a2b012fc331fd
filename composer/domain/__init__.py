"""Orders, reasons, templates and history: dataclasses and stores, no Qt."""
