import pytest

from workbench import quickphrases


@pytest.fixture
def phrase_store(demo_store):
    """The demo shop with the shipped team pack, as the window has it."""
    assert quickphrases.pack_by_name(demo_store, "团队通用话术") is not None
    return demo_store
