"""Reusable drawing pieces: panels, menus, answer tiles, the countdown bar, an on-screen keyboard."""
