"""Action plans: plans, themes, actions with responsibility and deadlines, status history.

Status updates and action versions are append-only history: what an action said and how it
stood on a day is the version and the update in force then under the one as-of rule
(`styr.lib.asof`). Nothing here computes roll-ups; progress per theme is computed from the
data as of a day by `styr.plans.snapshot`.

The models live by concept in `plan` (plans, themes, actions, responsibility) and `history`
(status updates, reviews, action versions); import them from here.
"""

from styr.plans.models.history import (
    VERSIONED_FIELDS,
    ActionVersion,
    Decision,
    StatusReview,
    StatusUpdate,
    versioned_values,
)
from styr.plans.models.plan import (
    Action,
    FocusArea,
    Origin,
    Plan,
    Responsibility,
    ResponsibilityKind,
    Status,
    Theme,
)

__all__ = [
    "VERSIONED_FIELDS",
    "Action",
    "ActionVersion",
    "Decision",
    "FocusArea",
    "Origin",
    "Plan",
    "Responsibility",
    "ResponsibilityKind",
    "Status",
    "StatusReview",
    "StatusUpdate",
    "Theme",
    "versioned_values",
]
