"""How messages reach buyers: the simulator by default; a network channel fits the same shape."""
