"""The default channel: buyers played from scenario files, with human-like delays."""

from __future__ import annotations

import random
import time

from PySide6.QtCore import QTimer

from workbench.channels.base import Channel, Outgoing
from workbench.channels.scenarios import BuyerScript, Scenario, Step
from workbench.conversations import Incoming, cards, new_uid


class Simulator(Channel):
    """Plays each scenario's buyer; ``speed`` 0 delivers at once (tests), 1 is real time."""

    def __init__(self, scenarios: list[Scenario], speed: float = 1.0, seed: int = 7,
                 clock=time.time):
        super().__init__()
        self.scripts = {s.buyer: BuyerScript(s) for s in scenarios}
        self.speed = speed
        self.clock = clock
        self._random = random.Random(seed)
        self._timers: list[QTimer] = []

    def start(self) -> None:
        for script in self.scripts.values():
            delay = script.scenario.start_after_s
            for step in script.scenario.opening:
                self._later(delay, self._buyer_says, script.scenario, step)
                delay += self._random.uniform(1.5, 4.0)

    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()
        self._timers.clear()

    def send(self, message: Outgoing) -> str:
        self._later(self._random.uniform(0.05, 0.3), self.delivered.emit, message.uid)
        script = self.scripts.get(message.buyer)
        # Buyers answer people, not the greeting robot; a card by its title (not its link).
        said = cards.parse(message.text).title if message.kind == cards.KIND else message.text
        reply = script.respond(said) if script and not message.auto else None
        if reply is not None:
            self._later(self._random.uniform(3.0, 9.0), self._buyer_says, script.scenario,
                        Step(text=reply))
        return message.uid

    def _buyer_says(self, scenario: Scenario, step: Step) -> None:
        kind, text = ("image", str(step.image)) if step.image else \
            (cards.KIND, cards.text(step.card)) if step.card else ("text", step.text)
        self.received.emit(Incoming(uid=new_uid(), buyer=scenario.buyer, text=text,
                                    at=self.clock(), kind=kind, buyer_tier=scenario.tier))

    def _later(self, seconds: float, action, *args) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._fire(timer, action, args))
        self._timers.append(timer)
        timer.start(int(seconds * self.speed * 1000))

    def _fire(self, timer: QTimer, action, args) -> None:
        self._timers.remove(timer)
        timer.deleteLater()
        action(*args)
