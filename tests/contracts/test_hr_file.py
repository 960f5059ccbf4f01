"""Reading the HR export: every problem named by its row, without a database."""

from styr.contracts.hr_file import parse_managers

HEADER = ["namn", "e-post", "anställningsnummer", "titel", "enhet", "chef"]


def parse(*rows, header=HEADER):
    lines, problems = parse_managers([list(header), *[list(r) for r in rows]])
    return lines, [str(p) for p in problems]


def test_a_good_file_gives_one_line_per_manager_with_its_row():
    lines, problems = parse(
        ["Lena Dahlstedt", "lena@nacka.se", "1", "stadsdirektör", "Stadsledningskontoret", ""],
        ["Anna Exempel", "", "2", "enhetschef", "Kontaktcenter", "1"],
    )
    assert problems == []
    assert [(line.row, line.name, line.line_manager) for line in lines] == [
        (2, "Lena Dahlstedt", ""),
        (3, "Anna Exempel", "1"),
    ]


def test_english_headers_in_any_order_and_case_are_read():
    lines, problems = parse(
        ["1", "Lena", "stadsdirektör", "Stadsledningskontoret", "", ""],
        header=["Employee_Number", "NAME", "title", "unit", "line_manager", "email"],
    )
    assert problems == []
    assert lines[0].employee_number == "1" and lines[0].name == "Lena"


def test_missing_columns_are_named_on_the_header_row():
    lines, problems = parse(["Lena", "1"], header=["namn", "anställningsnummer"])
    assert lines == []
    assert problems == [
        "Rad 1: kolumnen e-post, titel, enhet, chef saknas i rubrikraden; kolumnerna ska vara "
        "namn, e-post, anställningsnummer, titel, enhet, chef"
    ]


def test_duplicate_employee_numbers_are_named_by_row():
    _, problems = parse(
        ["Lena", "", "1", "stadsdirektör", "Stadsledningskontoret", ""],
        ["Anna", "", "1", "enhetschef", "Kontaktcenter", ""],
    )
    assert problems == ["Rad 3: anställningsnumret 1 finns redan på rad 2"]


def test_a_manager_of_themselves_is_named():
    _, problems = parse(["Anna", "", "7", "enhetschef", "Kontaktcenter", "7"])
    assert problems == ["Rad 2: Anna är angiven som sin egen chef"]


def test_a_cycle_is_named_once_with_all_its_rows():
    _, problems = parse(
        ["Lena", "", "1", "stadsdirektör", "Stadsledningskontoret", ""],
        ["Anna", "", "2", "enhetschef", "Kontaktcenter", "3"],
        ["Bo", "", "3", "enhetschef", "Serviceenheten", "4"],
        ["Cia", "", "4", "enhetschef", "Lokalenheten", "2"],
    )
    assert problems == ["Rad 3: chefsleden går i cirkel: Anna → Bo → Cia → Anna (rad 3, 4, 5)"]


def test_empty_fields_bad_addresses_and_unknown_line_managers_are_named():
    _, problems = parse(
        ["", "", "1", "stadsdirektör", "", ""],
        ["Anna", "anna-at-nacka", "2", "enhetschef", "Kontaktcenter", ""],
        ["Bo", "", "3", "enhetschef", "Kontaktcenter", "99"],
    )
    assert problems == [
        "Rad 2: namn, enhet är tomt",
        "Rad 3: ”anna-at-nacka” är ingen e-postadress",
        "Rad 4: chefen med anställningsnummer 99 finns inte i filen",
    ]
