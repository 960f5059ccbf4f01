"""Reading Kolada envelopes record by record: any buffer size, any key order, clear errors."""

import gzip
import json
import tracemalloc

import pytest

from styr.kolada.stream import MalformedFile, iter_records

RECORDS = [
    {
        "kpi": "N00945",
        "municipality": "0180",
        "period": 2000 + i,
        "values": [
            {"gender": "T", "count": 1, "status": "", "value": 31.32959689 + i, "isdeleted": False},
            {"gender": "K", "count": 1, "status": "Missing", "value": None, "isdeleted": False},
        ],
    }
    for i in range(40)
]


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def envelope(values, **extra) -> dict:
    return {"count": len(values), "values": values, **extra}


@pytest.mark.parametrize("buffer_size", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 1])
def test_every_record_comes_back_whatever_the_buffer_size(tmp_path, buffer_size, indent):
    path = write(tmp_path / "data.json", json.dumps(envelope(RECORDS), indent=indent))
    assert list(iter_records(path, buffer_size=buffer_size)) == RECORDS


@pytest.mark.parametrize("buffer_size", [1, 5, 1 << 20])
def test_keys_in_any_order_and_extra_keys_are_read_past(tmp_path, buffer_size):
    text = json.dumps(
        {
            "next_url": "https://api.kolada.se/v3/data?page=2",
            "count": 123456789,
            "values": RECORDS[:3],
            "extra": {"nested": [1, 2, {"a": "}]"}]},
            "last": 12.5e3,
        }
    )
    path = write(tmp_path / "data.json", text)
    assert list(iter_records(path, buffer_size=buffer_size)) == RECORDS[:3]


def test_a_gzip_file_is_read_by_its_content(tmp_path):
    path = tmp_path / "kpi.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(envelope(RECORDS), handle)
    assert list(iter_records(path, buffer_size=10)) == RECORDS
    renamed = path.rename(tmp_path / "kpi.json")
    assert list(iter_records(renamed)) == RECORDS


def test_empty_values_yield_nothing(tmp_path):
    assert list(iter_records(write(tmp_path / "a.json", '{"count": 0, "values": []}'))) == []
    assert list(iter_records(write(tmp_path / "b.json", '{"values":[ \n ],"count":0}'))) == []


def test_strings_with_brackets_quotes_and_swedish_letters(tmp_path):
    records = [{"id": "G1", "title": 'Å, ä och ö "citat" ], } [ {', "members": []}]
    path = write(tmp_path / "g.json", json.dumps(envelope(records), ensure_ascii=False))
    for size in (1, 4, 100):
        assert list(iter_records(path, buffer_size=size)) == records


def test_a_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(envelope(RECORDS[:1])).encode())
    assert list(iter_records(path)) == RECORDS[:1]


def test_a_truncated_file_names_the_file_the_record_and_the_line(tmp_path):
    text = json.dumps(envelope(RECORDS[:5]), indent=1)
    path = write(tmp_path / "cut.json", text[: text.index('"period": 2003')])
    records = iter_records(path, buffer_size=16)
    assert [r["period"] for r in (next(records), next(records), next(records))] == [
        2000,
        2001,
        2002,
    ]
    with pytest.raises(MalformedFile) as caught:
        next(records)
    error = caught.value
    assert error.record == 4
    assert str(error).startswith(f"{path}, record 4, line ")
    assert "truncated" in str(error)


def test_a_syntax_error_in_a_record_says_which_record_and_line(tmp_path):
    lines = json.dumps(envelope(RECORDS[:3]), indent=1).splitlines()
    bad_line = next(i for i, line in enumerate(lines) if '"period": 2001' in line)
    lines[bad_line] = lines[bad_line].replace("2001", "20O1")
    path = write(tmp_path / "bad.json", "\n".join(lines))
    with pytest.raises(MalformedFile) as caught:
        list(iter_records(path, buffer_size=8))
    assert caught.value.record == 2
    assert caught.value.line == bad_line + 1
    assert "not valid JSON" in str(caught.value)


def test_a_missing_comma_between_records_is_an_error(tmp_path):
    path = write(tmp_path / "comma.json", '{"values": [{"id": "0180"} {"id": "0182"}]}')
    with pytest.raises(
        MalformedFile, match=r"record 1, line 1: expected ',' or '\]' after a record"
    ):
        list(iter_records(path))


@pytest.mark.parametrize(
    "text, problem",
    [
        ("[1, 2, 3]", 'is not a Kolada file: expected an object with a "values" list'),
        ('{"count": 3}', 'is not a Kolada file: expected an object with a "values" list'),
        ('{"values": {"a": 1}}', '"values" is not a list'),
        ('{"values": null}', '"values" is not a list'),
        ("", "is empty"),
        ("<html>Not Found</html>", "line 1: not valid JSON: expected a JSON value"),
        ("12", 'is not a Kolada file: expected an object with a "values" list'),
        ('{"values": []} trailing', "not valid JSON: text after the end of the envelope"),
        ('{"values": [{"value": NaN}]}', "NaN is not valid JSON"),
    ],
)
def test_what_is_not_an_envelope_is_rejected_with_the_reason(tmp_path, text, problem):
    path = write(tmp_path / "x.json", text)
    with pytest.raises(MalformedFile) as caught:
        list(iter_records(path))
    assert str(caught.value).startswith(str(path))
    assert problem in str(caught.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(MalformedFile, match=r"nowhere\.json: cannot be read: No such file"):
        list(iter_records(tmp_path / "nowhere.json"))


def test_text_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"values": [{"title": "Malmö"}]}'.encode("latin-1"))
    with pytest.raises(MalformedFile, match=r"latin1\.json.*is not UTF-8 text"):
        list(iter_records(path))


def test_a_broken_gzip_file_is_named(tmp_path):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(gzip.compress(json.dumps(envelope(RECORDS)).encode())[:200])
    with pytest.raises(MalformedFile, match=r"broken\.json\.gz.*cannot be read"):
        list(iter_records(path))


def test_a_bad_record_early_in_a_big_file_does_not_read_the_rest(tmp_path):
    # The reader must not grow its buffer to the end of the file looking for the record's end.
    path = tmp_path / "big.json"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"values": [{"kpi": x}')
        for _ in range(20000):
            handle.write("," + json.dumps(RECORDS[0]))
        handle.write("]}")
    tracemalloc.start()
    with pytest.raises(MalformedFile, match="record 1"):
        list(iter_records(path, buffer_size=4096))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < path.stat().st_size / 4


def test_memory_does_not_grow_with_the_file(tmp_path):
    path = tmp_path / "many.json"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"values": [')
        handle.write(",".join(json.dumps(RECORDS[i % 40]) for i in range(30000)))
        handle.write("]}")
    tracemalloc.start()
    count = sum(1 for _ in iter_records(path, buffer_size=1 << 16))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 30000
    assert peak < 2_000_000, f"peak {peak} bytes for a {path.stat().st_size} byte file"
