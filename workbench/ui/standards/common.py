"""Small pieces the standard's windows share: days as the domain names them, tables."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from workbench import timefmt


def day_text(date: QDate) -> str:
    """``YYYY-MM-DD``, as inspections and sheets name their day."""
    return dt.date(date.year(), date.month(), date.day()).isoformat()


def day_start(date: QDate) -> float:
    return dt.datetime(date.year(), date.month(), date.day()).timestamp()


def today(session) -> QDate:
    """The session clock's local date (tests move the clock, not the machine's)."""
    return QDate.fromString(timefmt.local(session.clock()).date().isoformat(), "yyyy-MM-dd")


def table_view(model) -> QTableView:
    """A read-only table choosing whole rows, one at a time."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
