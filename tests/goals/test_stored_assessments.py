"""Goal pages read each indicator's stored outcome and target per year and its stored
default comparison: the same pages as computing them from measurements, targets and Kolada's
values on every view, in the same queries whatever the data, kept current by every write
that changes them, and rebuilt by a data migration and `styr precompute`."""

import importlib
import io
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from styr.goals import outcomes, stored
from styr.goals.comparison import kolada_comparison
from styr.goals.domain import link_kpi, set_target
from styr.goals.models import ComparisonValue, Goal, Indicator, Measurement, YearAssessment
from styr.kolada.load import load_files
from styr.kolada.models import KoladaGroup, Kpi
from tests import html

NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
YEARS = ("", "?ar=2010", "?ar=2014", "?ar=2015", "?ar=2016", "?ar=2030")


def computed_comparison(indicator, ids, group, names):
    """The default comparison as the indicator page computed it: from Kolada's values."""
    return kolada_comparison(indicator.kpi_id, ids, group, names)


def with_group(municipality) -> Indicator:
    """The demo's KPI indicator, also compared with a group (the demo sets none)."""
    indicator = Indicator.objects.get(municipality=municipality, slug="vab-man")
    indicator.compare_group = KoladaGroup.objects.get(id="G128684")
    indicator.save()
    stored.refresh_indicators(Indicator.objects.filter(pk=indicator.pk))
    return indicator


def pages(municipality) -> list[str]:
    goals = [goal.get_absolute_url() for goal in Goal.objects.filter(municipality=municipality)]
    indicators = [i.get_absolute_url() for i in Indicator.objects.filter(municipality=municipality)]
    return [f"/{municipality.slug}/mal/", *goals, *indicators]


def values_file(tmp_path, name: str, rows: list[tuple[str, str, int, float]]):
    records = [
        {
            "kpi": kpi,
            "municipality": town,
            "period": year,
            "values": [{"gender": "T", "count": 1, "status": "", "value": value}],
        }
        for kpi, town, year, value in rows
    ]
    path = tmp_path / name
    path.write_text(json.dumps({"count": len(records), "values": records}), encoding="utf-8")
    return path


def cell(content: bytes, text: str) -> bool:
    return text in content.decode()


@override_settings(CACHES=NO_CACHE)
def test_goal_pages_from_stored_rows_equal_those_computed_from_the_data(full_demo, monkeypatch):
    with_group(full_demo)
    client = Client()
    urls = [url + query for url in pages(full_demo) for query in YEARS]
    from_rows = {url: client.get(url).content for url in urls}
    monkeypatch.setattr(stored, "tree_outcomes", outcomes.computed)
    monkeypatch.setattr(stored, "comparison", computed_comparison)
    computed = {url: client.get(url).content for url in urls}
    assert [url for url in urls if from_rows[url] != computed[url]] == []
    assert len(set(from_rows.values())) > len(urls) // 3  # the years do show different pages
    assert b"Stor-Stockholm" in from_rows["/nacka/indikatorer/vab-man/"]


@override_settings(CACHES=NO_CACHE)
def test_goal_pages_read_no_kolada_value_for_the_tree_and_the_same_queries_for_more_data(demo):
    client = Client()
    goal = Goal.objects.get(municipality=demo, slug="bast-utveckling-for-alla")
    indicator = with_group(demo)
    urls = ["/nacka/mal/", goal.get_absolute_url(), indicator.get_absolute_url()]
    counts = []
    for _round in range(2):
        measured = []
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            measured.append(len(captured))
            kolada = [
                q["sql"] for q in captured.captured_queries if "kolada_koladavalue" in q["sql"]
            ]
            if url == urls[-1]:  # the indicator's own values only; the comparison is stored
                assert len(kolada) == 1 and "0182" in str(captured.captured_queries)
            else:
                assert kolada == []
        counts.append(measured)
        for number, kpi in enumerate(Kpi.objects.exclude(id="N00945")[:3]):
            link_kpi(goal, kpi, target=(str(2014 + number), 10.0 * number))
        set_target(indicator, "2017", 50)
    assert counts[0] == counts[1], (
        f"The goal pages ran {counts} queries: read the stored rows "
        "(styr.goals.stored.tree_outcomes, stored.comparison), never the values per indicator."
    )


@override_settings(CACHES=NO_CACHE)
def test_a_kolada_load_changes_the_assessment_and_the_comparison_on_the_next_request(
    demo, tmp_path
):
    client = Client()
    indicator = with_group(demo)
    goal_page = indicator.goals.first().get_absolute_url() + "?ar=2016"
    before = client.get(goal_page).content, client.get(indicator.get_absolute_url()).content
    load_files(
        [
            values_file(
                tmp_path,
                "values.json",
                [("N00945", "0182", 2016, 47.5), ("N00945", "0180", 2016, 12.25)],
            )
        ]
    )
    assert YearAssessment.objects.get(indicator=indicator, year=2016).outcome == 47.5
    after = client.get(goal_page).content, client.get(indicator.get_absolute_url()).content
    assert before[0] != after[0] and cell(after[0], "47,5")
    assert before[1] != after[1] and cell(after[1], "12,3")  # Stockholm's new value


@override_settings(CACHES=NO_CACHE)
def test_a_group_file_changes_the_group_mean_on_the_next_request(demo, tmp_path):
    indicator = with_group(demo)
    means = set(
        ComparisonValue.objects.filter(indicator=indicator, group__isnull=False).values_list(
            "period", "value", "members"
        )
    )
    path = tmp_path / "groups.json"
    group = {"id": "G128684", "title": "Stor-Stockholm (ovägt medel)", "members": []}
    group["members"] = [{"member_id": "0180", "member_title": "Stockholm"}]
    path.write_text(json.dumps({"count": 1, "values": [group]}), encoding="utf-8")
    load_files([path])
    after = set(
        ComparisonValue.objects.filter(indicator=indicator, group__isnull=False).values_list(
            "period", "value", "members"
        )
    )
    assert after != means and {members for _p, _v, members in after} == {1}
    stockholm = dict(
        ComparisonValue.objects.filter(indicator=indicator, municipality="0180").values_list(
            "period", "value"
        )
    )
    assert {period: value for period, value, _m in after} == stockholm


@override_settings(CACHES=NO_CACHE)
def test_setting_a_target_and_linking_a_kpi_change_the_goal_page_on_the_next_request(demo):
    client = Client()
    indicator = Indicator.objects.get(municipality=demo, slug="behoriga-gymnasiet")
    goal = indicator.goals.first()
    url = goal.get_absolute_url() + "?ar=2016"
    before = client.get(url).content
    set_target(indicator, "2016", 99.5)
    after = client.get(url).content
    assert before != after and cell(after, "99,5")
    assert YearAssessment.objects.get(indicator=indicator, year=2016).target == 99.5
    kpi = Kpi.objects.get(id="N03702")
    linked = link_kpi(goal, kpi, target=("2030", 87.5))
    assert YearAssessment.objects.get(indicator=linked, year=2031, onwards=True).target == 87.5
    later = html.parse(client.get(goal.get_absolute_url() + "?ar=2035"))
    outcome, target, assessment = html.linked_row(later, linked.name)
    assert target == "≥ 88 tkr/invånare"  # 87.5 from 2030 onwards, at the KPI's precision


@override_settings(CACHES=NO_CACHE)
def test_an_outcome_entered_in_the_admin_is_on_the_goal_page_at_once(demo):
    staff = User.objects.create_superuser("admin", "admin@example.org", "pw")
    client = Client()
    indicator = Indicator.objects.get(municipality=demo, slug="behoriga-gymnasiet")
    url = indicator.goals.first().get_absolute_url() + "?ar=2019"
    assert not cell(client.get(url).content, "77,7")
    client.force_login(staff)
    change = f"/admin/goals/indicator/{indicator.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["compare_with"] = [m.pk for m in indicator.compare_with.all()]
    data["goals"] = [g.pk for g in indicator.goals.all()]
    for prefix, model in (("targets", "target"), ("measurements", "measurement")):
        existing = list(getattr(indicator, prefix).order_by("pk"))
        data |= {
            f"{prefix}-TOTAL_FORMS": len(existing) + 1,
            f"{prefix}-INITIAL_FORMS": len(existing),
        }
        for number, row in enumerate(existing):
            data[f"{prefix}-{number}-id"] = row.pk
            data[f"{prefix}-{number}-indicator"] = indicator.pk
            data[f"{prefix}-{number}-period"] = row.period
            data[f"{prefix}-{number}-value"] = "" if row.value is None else row.value
            if model == "measurement":
                data[f"{prefix}-{number}-gender"] = row.gender
                if row.is_example:
                    data[f"{prefix}-{number}-is_example"] = "on"
    new = Measurement.objects.filter(indicator=indicator).count()
    data |= {
        f"measurements-{new}-period": "2019",
        f"measurements-{new}-gender": "T",
        f"measurements-{new}-value": "77.7",
    }
    response = client.post(change, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    client.logout()
    assert cell(client.get(url).content, "77,7")
    assert YearAssessment.objects.get(indicator=indicator, year=2019).outcome == 77.7


@override_settings(CACHES=NO_CACHE)
def test_deleting_an_indicator_deletes_its_rows_and_takes_it_off_the_goal_page(demo):
    indicator = with_group(demo)
    url = indicator.goals.first().get_absolute_url()
    assert cell(Client().get(url).content, indicator.name)
    assert YearAssessment.objects.filter(indicator=indicator).exists()
    assert ComparisonValue.objects.filter(indicator=indicator).exists()
    rows = YearAssessment.objects.count()
    indicator.delete()
    assert not cell(Client().get(url).content, indicator.name)
    assert not YearAssessment.objects.filter(indicator_id=indicator.pk).exists()
    assert not ComparisonValue.objects.filter(indicator_id=indicator.pk).exists()
    assert YearAssessment.objects.count() < rows


def test_deleting_a_goal_in_the_admin_takes_its_only_indicator_off_the_stored_years(demo):
    parent = Goal.objects.get(municipality=demo, slug="bast-utveckling-for-alla")
    leaf = Goal.objects.create(
        municipality=demo,
        parent=parent,
        level="unit",
        title="Ett nytt mål",
        slug="nytt",
        start_year=2015,
    )
    indicator = link_kpi(
        leaf, Kpi.objects.exclude(id__in=["N00945", "N03702"]).first(), target=("2040", 5.0)
    )
    assert YearAssessment.objects.filter(indicator=indicator, year=2040).exists()
    client = Client()
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "pw"))
    response = client.post(f"/admin/goals/goal/{leaf.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Goal.objects.filter(pk=leaf.pk).exists()
    assert not YearAssessment.objects.filter(indicator=indicator).exists()


def every_row():
    return (
        sorted(
            YearAssessment.objects.values_list(
                "indicator_id", "year", "onwards", "period", "outcome", "target"
            )
        ),
        sorted(
            ComparisonValue.objects.values_list(
                "indicator_id", "municipality_id", "group_id", "period", "value", "with_value"
            ),
            key=str,
        ),
    )


def test_the_data_migration_stores_what_refreshing_stores(demo):
    with_group(demo)
    refreshed = every_row()
    assert refreshed[0] and refreshed[1]
    YearAssessment.objects.all().delete()
    ComparisonValue.objects.all().delete()
    migration = importlib.import_module("styr.goals.migrations.0005_fill_stored_assessments")
    migration.fill(apps, connection.schema_editor())
    assert every_row() == refreshed


def test_precompute_rebuilds_the_rows_and_changes_nothing_the_second_time(demo):
    with_group(demo)
    refreshed = every_row()
    YearAssessment.objects.all().delete()
    ComparisonValue.objects.all().delete()
    out = io.StringIO()
    call_command("precompute", "--municipality", "nacka", stdout=out)
    assert every_row() == refreshed
    call_command("precompute", stdout=io.StringIO())
    assert every_row() == refreshed
    assert "indicator years" in out.getvalue()


@pytest.mark.parametrize("year", [2009, 2016, 2040])
def test_a_year_before_the_first_row_or_after_the_last_reads_as_computed(demo, year):
    indicators = list(Indicator.objects.filter(municipality=demo, goals__isnull=False).distinct())
    rules, _labels = outcomes.rules_for(demo)
    from_rows = stored.tree_outcomes(demo, indicators, rules)
    computed = outcomes.computed(demo, indicators, rules)
    shown = {
        key: (row.period and row.period.key, row.outcome, row.target, row.level)
        for key, row in from_rows.for_year(year).items()
    }
    assert shown == {
        key: (row.period and row.period.key, row.outcome, row.target, row.level)
        for key, row in computed.for_year(year).items()
    }
    assert from_rows.years == computed.years
