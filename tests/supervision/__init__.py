"""Tests of the supervision area (a package, so its conftest never shadows another folder's)."""
