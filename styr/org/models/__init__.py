"""The municipality's organisation, dated so that any past day can be shown as it was.

Political bodies exist between two dates. Units are a tree whose names, parents and
responsible directors change through dated `UnitChange` rows: the `Unit` row holds the state
before any recorded change, and `styr.org.history.units_as_of` folds the changes up to a day.
Posts are held by people for dated tenures.

The models live by concept in `municipality`, `people`, `units`, `bodies` and `posts`;
import them from here.
"""

from styr.org.models.bodies import Body, BodyKind
from styr.org.models.municipality import Municipality, Precision, example_label
from styr.org.models.people import Person, PersonAlias
from styr.org.models.posts import Post, Tenure, post_before_unit
from styr.org.models.units import ChangeKind, Unit, UnitChange, UnitKind

__all__ = [
    "Body",
    "BodyKind",
    "ChangeKind",
    "Municipality",
    "Person",
    "PersonAlias",
    "Post",
    "Precision",
    "Tenure",
    "Unit",
    "UnitChange",
    "UnitKind",
    "example_label",
    "post_before_unit",
]
