"""How messages reach buyers. The simulator is the default; a network channel fits the same shape."""
