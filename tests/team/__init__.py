"""Team mode tests (a package, so this conftest is not the bare `conftest` module others import)."""
