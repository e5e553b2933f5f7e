"""Which solo scene shows which phase of the engine's game."""

from __future__ import annotations

from quiz.engine import Phase
from quiz.ui.scenes.phases import PhaseScenes
from quiz.ui.scenes.solo.ordering import OrderingScene
from quiz.ui.scenes.solo.question import QuestionScene
from quiz.ui.scenes.solo.results import ResultsScene
from quiz.ui.scenes.solo.reveal import RevealScene
from quiz.ui.scenes.solo.round_intro import RoundIntroScene
from quiz.ui.scenes.solo.standings import StandingsScene
from quiz.ui.scenes.solo.text_answer import TextAnswerScene

SOLO_SCENES = PhaseScenes(
    question_phases=(Phase.QUESTION,),
    intro=RoundIntroScene,
    choice=QuestionScene,
    text=TextAnswerScene,
    order=OrderingScene,
    reveal=RevealScene,
    standings=StandingsScene,
    end=ResultsScene,
)
