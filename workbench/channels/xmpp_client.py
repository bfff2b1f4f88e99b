"""slixmpp set-up shared by the agent's channel, the router and the archive pull."""

from __future__ import annotations

from pathlib import Path


def configure_tls(client, tls: bool, ca_file: str | Path | None) -> None:
    """STARTTLS required unless switched off; a private CA file when the shop has one."""
    client.enable_direct_tls = False
    client.enable_starttls = tls
    client.enable_plaintext = not tls
    if ca_file:
        client.ca_certs = Path(ca_file)


def on_every_message(client, handler) -> None:
    """Call ``handler(stanza)`` for every message, also those without a body.

    slixmpp's own 'message' event only fires for messages with a body; receipts and team
    notices have none.
    """
    from slixmpp.xmlstream.handler import Callback
    from slixmpp.xmlstream.matcher import MatchXPath

    client.register_handler(Callback(
        "workbench team messages", MatchXPath(f"{{{client.default_ns}}}message"), handler))


def release(client) -> None:
    """After a disconnect: stop the client's send loop so nothing is left on the event loop."""
    task = getattr(client, "_run_out_filters", None)
    if task is not None:
        task.cancel()
        client._run_out_filters = None
