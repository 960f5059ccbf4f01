"""Goals, indicators, targets, measurements and the owners' written assessments.

A goal's attainment (uppfyllt / delvis uppfyllt / ej uppfyllt) is computed from its
indicators' outcomes against their targets by `styr.goals.assessment`, with the rules of the
municipality's `AssessmentScale`; a goal's is computed when shown, each indicator's for a
year is stored when its data changes (`YearAssessment`). What the owner writes about a goal
(`GoalAssessment`) is append-only and keeps the level that was computed when it was written.

An indicator's outcomes come from its source: measurements entered here (manual), Kolada's
values for its KPI, or Styr's own computation from contact-centre cases or HME answers.

The models live by concept in `choices` (the words and `validate_period`), `goal` (goals,
the assessment scale, written assessments), `indicator` (indicators, targets,
measurements) and `stored` (each indicator's assessment per year and default comparison,
stored when their data changes); import them from here.
"""

from styr.goals.models.choices import (
    AssessmentLevel,
    Computation,
    Direction,
    GoalLevel,
    IndicatorUnit,
    PeriodType,
    Source,
    validate_period,
)
from styr.goals.models.goal import (
    AssessmentScale,
    Goal,
    GoalAssessment,
)
from styr.goals.models.indicator import (
    Indicator,
    Measurement,
    Target,
)
from styr.goals.models.stored import ComparisonValue, YearAssessment

__all__ = [
    "AssessmentLevel",
    "AssessmentScale",
    "ComparisonValue",
    "Computation",
    "Direction",
    "Goal",
    "GoalAssessment",
    "GoalLevel",
    "Indicator",
    "IndicatorUnit",
    "Measurement",
    "PeriodType",
    "Source",
    "Target",
    "validate_period",
    "YearAssessment",
]
