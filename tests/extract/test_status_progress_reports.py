"""A follow-up's activities written as sentences about the work itself.

"Införandet av X är slutfört", "Arbetet med X har påbörjats och ska vara klart …",
"Översynen av X har inte startat", "Utbildningen i X genomförs kontinuerligt": each names a
piece of work and how it stands, so each is an action with that status. A bare "Arbetet
pågår" names no work of its own; a plan beside "har påbörjats" leaves it a status statement.
A yearless period on one report line does not take a year from another line.
"""

from styr.extract.progress_reports import reports_progress
from styr.extract.segment import extract_actions
from styr.extract.status import state_in_text

REPORT = """Verksamhetsberättelse – kultur- och fritidsnämnden

Nämndens aktiviteter
Digitaliseringen av lokalbokningen är slutförd i alla anläggningar.
Arbetet med en ny biblioteksplan har påbörjats och ska vara klart vid årsskiftet.
Översynen av föreningsstödet har inte startat och flyttas till 2027.
Utbildningen i bemötande för fritidsledare genomförs kontinuerligt.
"""


def test_each_report_line_on_a_piece_of_work_is_an_action_with_its_status():
    actions = extract_actions(REPORT)
    assert [a.status_code for a in actions] == ["done", "in_progress", "not_started", "ongoing"]
    assert actions[0].title.startswith("Digitaliseringen av lokalbokningen")


def test_a_yearless_period_on_a_report_line_takes_no_year_from_another_line():
    actions = extract_actions(REPORT)
    assert actions[1].deadline is None


def test_a_bare_arbetet_names_no_work_of_its_own():
    assert not reports_progress("Arbetet pågår enligt plan.")
    assert reports_progress("Upphandlingen av skolskjutsar pågår.")
    assert not reports_progress("Upphandlingen av skolskjutsar ska genomföras under hösten.")


def test_a_plan_beside_a_start_still_states_the_start():
    assert state_in_text("Arbetet har påbörjats och ska vara klart i juni.") is not None
    assert state_in_text("Arbetet har ännu inte påbörjats och planeras till våren.") is not None
    assert state_in_text("Arbetet ska påbörjas i juni.") is None


def test_a_bare_arbetet_after_an_assignment_tells_how_that_assignment_stands():
    text = (
        "Uppföljning\n\n"
        "Nämnden har fått i uppdrag att utreda en ny taxa för fritidsgårdar. Arbetet har ännu "
        "inte påbörjats och planeras till hösten 2026.\n"
    )
    (action,) = extract_actions(text)
    assert action.title.startswith("Nämnden har fått i uppdrag att utreda en ny taxa")
    assert action.status_code == "not_started"
    assert action.deadline.text == "till hösten 2026"
