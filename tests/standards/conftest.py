"""The supervision tests' log loader: logs go in through the real import."""

from supervision.conftest import boss, load_logs  # noqa: F401 - fixtures shared as they are
