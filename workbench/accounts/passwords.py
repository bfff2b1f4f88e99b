"""Password hashes: scrypt with a random salt per account; the password itself is never kept.

Stored form: ``scrypt$N$r$p$<salt base64>$<hash base64>``, so the cost can be raised later
without breaking older hashes. Two other states exist besides a hash:

* no hash at all (NULL): a demo account of the demo shop, signed in without a password;
* ``LOCKED``: an account created by a log import, unusable until someone sets a password.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os

LOCKED = "!locked"
MIN_LENGTH = 6
_N, _R, _P = 2**14, 8, 1
_SALT_BYTES = 16
_KEY_BYTES = 32


def hash_password(password: str) -> str:
    salt = os.urandom(_SALT_BYTES)
    key = _derive(password, salt, _N, _R, _P)
    return "$".join(("scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(key)))


@functools.cache
def decoy() -> str:
    """A hash nobody knows the password of: checked for names that do not exist, so that
    an unknown name takes as long to refuse as a wrong password."""
    return hash_password(os.urandom(_SALT_BYTES).hex())


def verify(password: str, stored: str | None) -> bool:
    """True if ``password`` matches ``stored``; a locked or malformed hash never matches."""
    if not stored or not stored.startswith("scrypt$"):
        return False
    try:
        _, n, r, p, salt, key = stored.split("$")
        expected = base64.b64decode(key)
        actual = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=128 * n * r * 2, dklen=_KEY_BYTES)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
