"""How often one may guess a password: after five failed sign-ins of one account within
fifteen minutes, it is locked for a while that doubles with each further failure (30 s,
1 min, 2 min … at most 15 min). While locked, attempts are refused without looking at the
password. A successful sign-in, a new password or fifteen quiet minutes start the count
again.

Every attempt goes to the audit log (``events``), which is also where the count is read
from, so the window, the command line and several workstations share one count.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from workbench.store import accounts as audit
from workbench.store import events

FAILURES_BEFORE_LOCK = 5
FAILURE_WINDOW_S = 15 * 60
FIRST_LOCK_S = 30.0
LONGEST_LOCK_S = 15 * 60.0
RUN_HORIZON_S = 86400.0  # failures older than a day are not read


def subject(agent_id: int | None, name: str) -> str:
    """Whose attempts these are; a name nobody has is counted (and locked) all the same,
    so that trying names tells nothing about which exist."""
    return f"agent:{agent_id}" if agent_id is not None else f"name:{name}"


def lock_seconds(locks: int) -> float:
    """How long the ``locks``-th lock of a run lasts (1 for the first)."""
    doublings = min(locks - 1, 16)  # a long run would overflow a float, and the cap is near
    return min(FIRST_LOCK_S * 2 ** doublings, LONGEST_LOCK_S)


def lock_end(failures: list[float]) -> float | None:
    """When the lock these failures (times, oldest first) put on an account ends, or None.

    A run of failures locks once it holds five within fifteen minutes; each failure after
    that locks again for twice as long. A run ends after fifteen quiet minutes (counted
    from the end of its last lock)."""
    run: list[float] = []
    end: float | None = None
    locks = 0
    for at in failures:
        if run and at - max(run[-1], end or 0.0) > FAILURE_WINDOW_S:
            run, end, locks = [], None, 0
        run.append(at)
        if locks or sum(1 for t in run if t > at - FAILURE_WINDOW_S) >= FAILURES_BEFORE_LOCK:
            locks += 1
            end = at + lock_seconds(locks)
    return end


def locked_until(store, who: str, now: float) -> float | None:
    """The moment the lock on ``who`` ends, or None if it may try now."""
    end = lock_end(audit.failure_times(store, who, now - RUN_HORIZON_S))
    return end if end is not None and end > now else None


def record(store, kind: str, who: str, agent_id: int | None, name: str, now: float,
           **detail) -> None:
    with store.transaction():
        events.record(store, now, agent_id, kind, who, {"name": name, **detail})


def record_failure(store, who: str, agent_id: int | None, name: str, now: float,
                   via: str) -> float:
    """Log a wrong password; the lock it starts, in seconds (0 when none)."""
    with store.transaction():
        events.record(store, now, agent_id, audit.FAILED, who, {"name": name, "via": via})
        end = lock_end(audit.failure_times(store, who, now - RUN_HORIZON_S))
        lock = end - now if end is not None and end > now else 0.0
        if lock:
            events.record(store, now, agent_id, audit.LOCKED, who,
                          {"name": name, "lock_s": lock})
    return lock


def wait_text(seconds: float) -> tuple[str, str]:
    """'3 分钟' / '3 min' for a wait, rounded up."""
    if seconds >= 60:
        minutes = math.ceil(seconds / 60)
        return f"{minutes} 分钟", f"{minutes} min"
    whole = max(1, math.ceil(seconds))
    return f"{whole} 秒", f"{whole} s"


@dataclass(frozen=True)
class SignInProblem:
    """One line of the supervisor's list of recent failed sign-ins."""

    at: float
    kind: str               # failed, blocked, locked, disabled
    name: str               # the account name as typed
    lock_s: float | None    # how long a lock lasts ("locked" only)


KIND_OF_EVENT = {audit.FAILED: "failed", audit.BLOCKED: "blocked", audit.LOCKED: "locked",
                 audit.DISABLED: "disabled"}


def recent_problems(store, now: float, days: float = 7, limit: int = 500
                    ) -> list[SignInProblem]:
    """Failed, blocked and disabled sign-ins and locks of the last ``days``, newest first."""
    problems = []
    for row in audit.sign_in_problems(store, now - days * 86400, limit):
        detail = json.loads(row["detail"] or "{}")
        problems.append(SignInProblem(row["at"], KIND_OF_EVENT[row["kind"]],
                                      detail.get("name", ""), detail.get("lock_s")))
    return problems
