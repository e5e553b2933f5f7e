"""Bringing questions in from the formats authors already have.

Each format has a reader that turns the author's file into a `Draft`
(questions tied to their rows or lines); `pipeline.build` validates a draft
as a format-1 pack and traces every finding back to the author's file;
`command` is `heat-quiz packs import`, `install` puts a pack in its folder.
"""
