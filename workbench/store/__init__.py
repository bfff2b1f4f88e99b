"""The only package that speaks SQL. See db.py for the connection and its rules."""

from workbench.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
