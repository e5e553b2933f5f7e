"""The scenes of a solo game: round card, question kinds, reveal, standings, results."""
