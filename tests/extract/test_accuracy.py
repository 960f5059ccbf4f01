"""Accuracy on the memo: the extraction against the hand-made Nacka demo, field by field.

Every action of the demo must be found in the memo's text with the same responsible people,
supporting parties, deadline and status. The per-field scores are printed (pytest -s).
"""

import difflib
from types import SimpleNamespace

import pytest
import yaml

from styr.demo.loader import DEMO_FILE
from styr.extract.document import extract_file
from styr.imports.matching import match_person, match_post, normalise

MEMO = DEMO_FILE.with_name("nacka2015-memo.txt")
DATA = yaml.safe_load(DEMO_FILE.read_text(encoding="utf-8"))
PEOPLE = {
    p["key"]: SimpleNamespace(name=p["name"], alias_names=p.get("aliases") or [])
    for p in DATA["people"]
}
POSTS = {
    p["key"]: SimpleNamespace(
        title=p["title"], holders=[PEOPLE[h["person"]].name for h in p.get("holders") or []]
    )
    for p in DATA["posts"]
}


def demo_actions():
    def walk(theme):
        yield from theme.get("actions") or []
        for child in theme.get("themes") or []:
            yield from walk(child)

    for theme in DATA["plans"][0]["themes"]:
        yield from walk(theme)


DEMO = list(demo_actions())


def flat(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def who_demo(entries) -> set[str]:
    return {PEOPLE[e["person"]].name if "person" in e else normalise(e["role"]) for e in entries}


def who_extracted(parties) -> set[str]:
    found = set()
    for party in parties:
        if party["name"]:
            person = match_person(party["name"], PEOPLE.values())
            found.add(person.name if person else party["name"])
            continue
        post = match_post(party["role"], POSTS.values())
        if post and post.holders:
            found.add(post.holders[0])
        else:
            found.add(normalise(party["role"]))
    return found


@pytest.fixture(scope="module")
def extracted():
    return extract_file(MEMO)["actions"]


def best_match(demo_action, extracted):
    wanted = flat(demo_action["text"])
    for action in extracted:
        if flat(action["text"]) == wanted:
            return action
    scored = [
        (difflib.SequenceMatcher(None, wanted[:300], flat(a["text"])[:300]).ratio(), i)
        for i, a in enumerate(extracted)
    ]
    score, index = max(scored, default=(0, None))
    return extracted[index] if score > 0.8 else None


def comparisons(demo_action, found):
    deadline = demo_action.get("deadline")
    if deadline and deadline.get("date") is None:
        # "pågår kontinuerligt": the demo keeps the words, the extractor reads them as status.
        deadline = None
    status = (demo_action.get("status") or [None])[0]
    got_deadline = found["deadline"]
    got_status = found["status"]
    return {
        "text": flat(found["text"]) == flat(demo_action["text"]),
        "responsible": who_extracted(found["responsible"]) == who_demo(demo_action["responsible"]),
        "supporting": who_extracted(found["supporting"]) == who_demo(demo_action["supporting"]),
        "deadline": (got_deadline and (got_deadline["date"], got_deadline["precision"]))
        == (deadline and (deadline["date"].isoformat(), deadline["precision"])),
        "deadline phrase": (got_deadline or {}).get("text") == (deadline or {}).get("text"),
        "status": (got_status and got_status["code"]) == (status and status["code"]),
        "status note": (got_status or {}).get("text") == (status or {}).get("note"),
    }


def test_print_per_field_scores(extracted, capsys):
    fields: dict[str, int] = {}
    found_count = 0
    for demo_action in DEMO:
        found = best_match(demo_action, extracted)
        if not found:
            continue
        found_count += 1
        for field, ok in comparisons(demo_action, found).items():
            fields[field] = fields.get(field, 0) + ok
    with capsys.disabled():
        print(
            f"\nextraction vs demo: {found_count}/{len(DEMO)} actions found; "
            f"{len(extracted)} extracted"
        )
        for field, score in fields.items():
            print(f"  {field:>16}: {score}/{len(DEMO)}")
    assert found_count == len(DEMO)


def test_nothing_but_actions_is_extracted(extracted):
    """No decision proposal, summary, signature or economic prose among the actions."""
    texts = [flat(a["text"]) for a in extracted]
    for prose in [
        "Kommunstyrelsen noterar informationen till protokollet.",
        "Utvecklingsarbetet bedrivs inom ramen för av kommunstyrelsen antagen internbudget.",
        "Målet för utvecklingsarbetet är att Nacka kommun ska bli ännu bättre",
        "Nacka kommun ska fortsatt vara en attraktiv arbetsgivare",
        "Lena Dahlstedt Stadsdirektör",
    ]:
        assert not any(text.startswith(prose) for text in texts), prose
    assert len(extracted) == len(DEMO)


@pytest.mark.parametrize("index", range(len(DEMO)), ids=[a["title"][:40] for a in DEMO])
def test_each_demo_action_is_extracted_with_the_same_fields(extracted, index):
    demo_action = DEMO[index]
    found = best_match(demo_action, extracted)
    assert found is not None, demo_action["title"]
    result = comparisons(demo_action, found)
    wrong = {field: found for field, ok in result.items() if not ok}
    assert not wrong, (
        f"{demo_action['title']}: {sorted(wrong)}\n"
        f"extracted: responsible={found['responsible']} supporting={found['supporting']} "
        f"deadline={found['deadline']} status={found['status']}"
    )
