"""The 售后 area in the window: the cases window, the new-case and step dialogs, the
sidebar section and the dashboard tab."""
