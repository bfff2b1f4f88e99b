"""Tests of the orders area (a package, so its conftest never shadows another folder's)."""
