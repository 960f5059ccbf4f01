"""?version= on a contract page passes a form: a version that is no number is answered 400,
in Swedish, naming the parameter; one that does not exist is not found."""

import lxml.html
import pytest

from tests.contracts.test_pages import client_for, person


@pytest.mark.parametrize("asked", ["abc", "0", "-1", "1000000", "1.5"])
def test_a_version_that_is_no_version_number_is_a_bad_request_naming_the_parameter(demo, asked):
    petra = person(demo, "petra-ahlstrom")
    boss = client_for(demo, "mats", slug="mats-bohman")
    response = boss.get(f"/resultatkontrakt/{petra.id}/2015/", {"version": asked})
    assert response.status_code == 400
    message = lxml.html.fromstring(response.content).xpath("//p[@role='alert']")[0].text_content()
    assert message.startswith("Parametern version:")


def test_an_earlier_version_is_shown_and_an_unknown_one_is_not_found(demo):
    petra = person(demo, "petra-ahlstrom")
    boss = client_for(demo, "mats", slug="mats-bohman")
    base = f"/resultatkontrakt/{petra.id}/2015/"
    assert boss.get(base, {"version": "1"}).status_code == 200
    assert boss.get(base, {"version": "9"}).status_code == 404
