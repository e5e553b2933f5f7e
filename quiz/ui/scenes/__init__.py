"""One scene per module, grouped by what it serves: `menus`, `solo` and `party`.

`common` and `game_base` are shared by all three. Scenes never import `flow`: they
reach the title, the lobby and the scene for the game's phase through `session.routes`.
"""
