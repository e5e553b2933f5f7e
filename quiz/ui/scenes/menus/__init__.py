"""Menus and dialogs outside a game: title, setup, packs, settings, high scores, names, confirm, pause."""
