import pytest

from workbench.quickphrases import preload


@pytest.fixture
def phrase_store(demo_store, clock):
    """The demo shop with the shipped team pack preloaded, as the window has it."""
    imported, problems, _ = preload.preload(demo_store, clock())
    assert imported and not problems
    return demo_store
