"""Packs with a few bad questions, as an author writes them: shared by the lenient-play tests."""

from __future__ import annotations

# Six questions; the 2nd says `answer: yes`, the 4th names a missing picture and the
# 6th reuses the id of the 1st. The other three are sound.
MOSTLY_SOUND = """\
format: 1
pack:
  id: getaway
  title: "Getaway Drivers"
questions:
  - id: pilot
    category: general
    prompt: "Which year did the pilot air?"
    answer: "1989"
    wrong: ["1986", "1991"]
    explain: "It aired in 1989."
  - id: takedown
    category: general
    type: truefalse
    prompt: "The pilot was called L.A. Takedown."
    answer: yes
    explain: "It was."
  - id: hanna
    category: general
    prompt: "Who plays Vincent Hanna?"
    answer: "Al Pacino"
    wrong: ["Robert De Niro", "Val Kilmer"]
    explain: "Pacino plays the detective."
  - id: diner
    category: general
    prompt: "Where do Hanna and McCauley meet?"
    answer: "A diner"
    wrong: ["A bank", "A bar"]
    image: images/diner.png
    explain: "They talk over coffee."
  - id: neil
    category: general
    type: text
    prompt: "Type the first name of De Niro's character."
    answer: "Neil"
    explain: "Neil McCauley."
  - id: pilot
    category: general
    prompt: "Who plays Chris?"
    answer: "Val Kilmer"
    wrong: ["Tom Sizemore"]
    explain: "Kilmer plays Chris."
"""
SOUND_IDS = ("pilot", "hanna", "neil")
# Where each error is, and a word of its message.
ERRORS = [(16, 13, "ambiguous"), (29, 12, "not found"), (37, 5, "used twice")]

ALL_BAD = """\
format: 1
pack:
  id: all-bad
  title: "All Bad"
questions:
  - id: one
    category: general
    type: truefalse
    prompt: "The pilot aired in 1989."
    answer: no
    explain: "It did."
  - id: two
    category: general
    prompt: "Who plays Chris?"
    answer: "Val Kilmer"
    explain: "Kilmer."
"""
