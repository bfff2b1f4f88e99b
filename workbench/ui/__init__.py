"""Every widget, model and dialog. Nothing outside this package imports QtWidgets."""
