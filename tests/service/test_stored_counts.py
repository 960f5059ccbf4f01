"""The counts the pages read are stored when cases change, and equal what the cases give."""

import pytest

from styr.service.domain import CaseImportError, import_case_data, refresh_series
from styr.service.levels import indicator_values
from styr.service.models import ServiceCase, ServiceCaseCount, ServiceCaseImport, ServiceLevel
from styr.service.queries import case_counts, count_cases, service_series
from tests.planner import on_postgresql, planned_rows
from tests.service.conftest import case_csv, case_line


def _key(counts):
    return sorted(
        (c.month, c.requester, c.category, c.handled_by_contact_centre,
         c.resolved_at_first_contact, c.count, c.generated)
        for c in counts
    )  # fmt: skip


def test_an_import_stores_the_counts_the_cases_give(nacka):
    import_case_data(
        nacka,
        case_csv(
            case_line("2015-01-05"),
            case_line("2015-01-06", handled_by="Bygglovenheten", resolved="no"),
            case_line("2016-02-02", requester="employee", category="Lokaler"),
        ).encode(),
        "a.csv",
    )
    import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "b.csv", generated=True)
    assert _key(case_counts(nacka)) == _key(count_cases(nacka))
    assert service_series(nacka) == indicator_values(count_cases(nacka))
    assert sorted(ServiceLevel.objects.values_list("period", "total")) == [
        ("2015", 3),
        ("2015-01", 3),
        ("2016", 1),
        ("2016-02", 1),
    ]


def test_refresh_is_idempotent(nacka):
    import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "a.csv")
    before = _key(case_counts(nacka)), service_series(nacka)
    assert refresh_series(nacka) == 1
    assert refresh_series(nacka) == 1
    assert (_key(case_counts(nacka)), service_series(nacka)) == before
    assert ServiceCaseCount.objects.count() == 1


def test_a_refused_import_leaves_the_stored_counts_as_they_were(nacka):
    import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "a.csv")
    with pytest.raises(CaseImportError):
        import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "a.csv")
    assert ServiceLevel.objects.get(period="2015").total == 1


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("kc", "kc@example.org", "pw-12345")
    client.force_login(user)
    return client


def test_deleting_an_import_in_the_admin_changes_the_page_on_the_next_request(admin_client_, nacka):
    import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "a.csv")
    batch = import_case_data(
        nacka,
        case_csv(*[case_line("2015-01-07", resolved="no")] * 3).encode(),
        "b.csv",
    ).batch
    assert service_series(nacka)["service_first_contact"]["2015"] == 25.0
    response = admin_client_.post(
        f"/admin/service/servicecaseimport/{batch.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert service_series(nacka)["service_first_contact"]["2015"] == 100.0
    assert ServiceLevel.objects.get(period="2015").total == 1


def test_deleting_imports_by_the_list_action_recounts(admin_client_, nacka):
    import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "a.csv")
    response = admin_client_.post(
        "/admin/service/servicecaseimport/",
        {
            "action": "delete_selected",
            "_selected_action": list(ServiceCaseImport.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not ServiceCaseImport.objects.exists()
    assert service_series(nacka) == {"service_handled": {}, "service_first_contact": {}}
    assert not ServiceCaseCount.objects.exists()


def test_the_data_migration_counts_cases_imported_before_it(nacka):
    from importlib import import_module

    from django.apps import apps

    import_case_data(nacka, case_csv(case_line("2015-01-05")).encode(), "a.csv")
    stored = _key(case_counts(nacka)), service_series(nacka)
    ServiceCaseCount.objects.all().delete()
    ServiceLevel.objects.all().delete()
    import_module("styr.service.migrations.0003_fill_service_counts_and_levels").fill(apps, None)
    assert (_key(case_counts(nacka)), service_series(nacka)) == stored


@on_postgresql
def test_a_case_import_leaves_the_cases_and_counts_analyzed(nacka):
    # 29 cases: not a count an earlier test's ANALYZE would have left behind.
    lines = [case_line(f"2015-03-{day:02d} 09:00") for day in range(1, 30)]
    import_case_data(nacka, case_csv(*lines).encode(), "mars.csv")
    assert planned_rows(ServiceCase) == ServiceCase.objects.count() == 29
    assert planned_rows(ServiceCaseCount) == ServiceCaseCount.objects.count()
