"""The cascade: which director's line each manager is in, without a database."""

from styr.contracts.cascade import Assignment, cascade, director_lines


def manager(person_id, line_manager_id, name=None):
    return Assignment(
        person_id=person_id,
        name=name or f"Chef {person_id}",
        title="enhetschef",
        unit_id=None,
        post_id=None,
        line_manager_id=line_manager_id,
    )


def directors_by_person(rows):
    return {row.person_id: row.director_id for row in rows}


def test_a_manager_is_in_the_line_of_the_first_director_above_them():
    # 1 stadsdirektör; 2 and 3 directors under her; 4 under 2; 5 under 4; 6 under 3.
    rows = cascade(
        [
            manager(1, None),
            manager(2, 1),
            manager(3, 1),
            manager(4, 2),
            manager(5, 4),
            manager(6, 3),
        ],
        directors={1, 2, 3},
    )
    assert directors_by_person(rows) == {1: 1, 2: 2, 3: 3, 4: 2, 5: 2, 6: 3}


def test_direct_reports_of_the_top_who_are_not_directors_are_in_the_top_line():
    rows = cascade([manager(1, None), manager(7, 1)], directors={1})
    assert directors_by_person(rows) == {1: 1, 7: 1}


def test_a_chain_without_a_director_ends_in_its_top_managers_line():
    rows = cascade([manager(8, None), manager(9, 8)], directors=set())
    assert directors_by_person(rows) == {8: 8, 9: 8}


def test_a_line_manager_who_is_not_a_manager_that_day_ends_the_chain():
    rows = cascade([manager(4, 2), manager(5, 4)], directors={2})
    assert directors_by_person(rows) == {4: 4, 5: 4}


def test_a_cycle_gives_its_members_no_director_and_does_not_loop():
    rows = cascade([manager(1, 2), manager(2, 1), manager(3, 1)], directors=set())
    assert directors_by_person(rows) == {1: None, 2: None, 3: None}


def test_director_lines_put_the_director_first_and_lines_in_name_order():
    rows = cascade(
        [
            manager(1, None, "Lena"),
            manager(2, 1, "Bertil"),
            manager(4, 2, "Anna"),
            manager(5, 2, "Cecilia"),
        ],
        directors={1, 2},
    )
    lines = director_lines(rows)
    assert list(lines) == [2, 1]
    assert [row.name for row in lines[2]] == ["Bertil", "Anna", "Cecilia"]
    assert [row.name for row in lines[1]] == ["Lena"]


def test_a_public_page_shows_no_small_line_and_no_total_that_gives_one_away():
    import datetime as dt

    from styr.contracts.coverage import coverage, public_coverage

    # Director 1 (top) over 2 (a line of 6) and 3 (a line of 2).
    rows = cascade(
        [manager(1, None, "Top"), manager(2, 1, "Big"), manager(3, 1, "Small")]
        + [manager(10 + n, 2) for n in range(5)]
        + [manager(20, 3)],
        directors={1, 2, 3},
    )
    result = coverage(rows, agreed={2, 10, 11, 20}, as_of=dt.date(2015, 12, 31), year=2015)
    public = public_coverage(result)
    assert [(s.label, s.total, s.agreed) for s in public.lines] == [("Big", 6, 3)]
    assert public.others is None and public.total is None and public.hidden == 1
    # With a third small line the small ones reach five together: shown, and the total.
    rows += cascade(
        [manager(4, 1, "Other"), manager(30, 4), manager(31, 4)], directors={1, 2, 3, 4}
    )
    result = coverage(rows, agreed={2, 10, 11, 20}, as_of=dt.date(2015, 12, 31), year=2015)
    public = public_coverage(result)
    assert (public.others.total, public.others.agreed) == (5, 1)
    assert (public.total.total, public.total.agreed) == (11, 4)
