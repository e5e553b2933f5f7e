"""One scene per module; each draws part of the game and turns player actions into calls."""
