"""Imports and cases in the admin: listed and readable, not editable by hand."""

import pytest

from styr.service.domain import import_case_data
from styr.service.models import ServiceCase, ServiceCaseImport
from tests.html import parse, texts
from tests.service.conftest import case_csv, case_line

CELLS = "//table[@id='result_list']/tbody/tr/*"


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("kc", "kc@example.org", "pw-12345")
    client.force_login(user)
    return client


def test_imports_and_cases_are_listed_read_only(admin_client_, nacka):
    import_case_data(nacka, case_csv(case_line()).encode(), "mars.csv", generated=True)
    imports = parse(admin_client_.get("/admin/service/servicecaseimport/"))
    assert "mars.csv" in texts(imports, CELLS)
    cases = parse(admin_client_.get("/admin/service/servicecase/"))
    assert "Bygglov" in texts(cases, CELLS)
    assert admin_client_.get("/admin/service/servicecase/add/").status_code == 403
    case = ServiceCase.objects.get()
    page = parse(admin_client_.get(f"/admin/service/servicecase/{case.pk}/change/"))
    assert page.xpath("//*[@name='category']") == []
    assert "Bygglov" in texts(page, "//div[@class='readonly']")


def test_deleting_an_import_takes_its_cases_back(admin_client_, nacka):
    batch = import_case_data(nacka, case_csv(case_line()).encode(), "mars.csv").batch
    response = admin_client_.post(
        f"/admin/service/servicecaseimport/{batch.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ServiceCaseImport.objects.exists()
    assert not ServiceCase.objects.exists()
