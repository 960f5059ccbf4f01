"""The demo's goal sections: what they load, and bad records reported at their line."""

from pathlib import Path

import pytest

from styr.demo.loader import DEMO_FILE, DemoError, load_file
from styr.goals.models import Goal, GoalAssessment, Indicator, Target
from styr.kolada.models import KoladaValue
from styr.org.models import Municipality


def altered(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The demo file with the first line after the goals heading that holds `old` altered."""
    lines = DEMO_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("goals:"))
    index = next(i for i in range(start, len(lines)) if old in lines[i])
    lines[index] = lines[index].replace(old, new)
    path = tmp_path / "demo.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path, index + 1


def test_demo_holds_the_vision_four_overarching_goals_and_their_indicators(demo):
    levels = list(Goal.objects.order_by("order").values_list("level", "title"))
    assert levels[0] == ("vision", "Öppenhet och mångfald")
    assert [title for level, title in levels if level == "overarching"] == [
        "Bäst utveckling för alla",
        "Attraktiva livsmiljöer i hela Nacka",
        "Stark och balanserad tillväxt",
        "Maximalt värde för skattepengarna",
    ]
    for goal in Goal.objects.filter(level="overarching"):
        in_tree = Indicator.objects.filter(goals__in=[goal, *goal.children.all()]).distinct()
        assert in_tree.count() >= 2, goal.title
    computed = Indicator.objects.filter(source="computed").values_list("computation", flat=True)
    assert {"service_handled", "service_first_contact"} <= set(computed)
    assert Target.objects.get(indicator__slug="forsta-kontakten").value == 90
    assert KoladaValue.objects.filter(kpi_id="N00945").count() == 63
    assert GoalAssessment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("goals: [attraktiva-livsmiljoer]", "goals: [fel-mal]", "unknown goal 'fel-mal'"),
        ("kpi: N00945", "kpi: N99999", "kpi: 'N99999' is not in the loaded Kolada files"),
        ('targets: {"2016": 45}', 'targets: {"2016-13": 45}', "there is no month 13"),
        ("level: overarching", "level: superduper", "'superduper' is not one of"),
        ("- Resultatkontrakt för alla chefer", "- Ingen sådan åtgärd", "no action titled"),
    ],
)
def test_bad_goal_record_is_named_at_its_line_and_nothing_is_loaded(tmp_path, old, new, message):
    path, line = altered(tmp_path, old, new)
    with pytest.raises(DemoError) as raised:
        load_file(path, generated=False)
    assert message in str(raised.value)
    assert raised.value.line is not None and abs(raised.value.line - line) <= 12
    assert not Municipality.objects.exists()
    assert not Goal.objects.exists()
