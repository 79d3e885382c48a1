"""The text model shipped as data: its file, its scoring, and the column decisions it drives."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from scanner import classify
from scanner.classify import classify_column, profile_values
from scanner.errors import RulePackError
from scanner.models import Column
from scanner.rules import load_rulebook
from scanner.textmodel import (
    MODEL_FILE,
    bucket,
    builtin_text_model,
    decode_weights,
    encode_weights,
    features,
    parse_model,
)

REPO = Path(__file__).resolve().parent.parent
SPECS = list(load_rulebook().classes)


def _classes(name: str, values: list[str]) -> set[str]:
    column = Column(name, "varchar")
    return {c.class_id for c in classify_column(column, profile_values(values, SPECS, column), SPECS).classes}


def test_weights_survive_encoding() -> None:
    entries = [(3, [1, -2, 0]), (130, [127, -127, 5]), (70_000, [0, 0, 1])]
    blob = encode_weights(entries, 3)
    decoded = decode_weights(blob, len(entries), 3, [1.0, 0.5, 2.0])
    assert decoded == {3: (1.0, -1.0, 0.0), 130: (127.0, -63.5, 10.0), 70_000: (0.0, 0.0, 2.0)}


@pytest.mark.parametrize(
    "text",
    [
        "hey, running late, be there in 10 😅",
        "Pt c/o nausea after chemo, ondansetron 4 mg IV given at 1400",
        "Ich habe seit gestern Fieber und Halsschmerzen.",
        "Strong half: she owned the migration and mentored two new hires.",
    ],
)
def test_cached_scoring_is_the_plain_sum_of_feature_weights(text: str) -> None:
    """Word-level caching is an optimisation only: scores equal the sum over every feature."""
    model = builtin_text_model()
    feats = features(text, model.max_chars)
    margins = model.margins(text)
    assert margins is not None
    for h in range(len(model.heads)):
        total = sum(model.weights.get(bucket(f, model.buckets), (0.0,) * len(model.heads))[h] for f in feats)
        assert margins[h] == pytest.approx(model.bias[h] + total / math.sqrt(len(feats)))


def test_model_file_is_small_versioned_data() -> None:
    path = REPO / "rules" / MODEL_FILE
    assert path.stat().st_size < 300 * 1024
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "exposure-text-model" and data["heads"][0] == "free_text"
    model = builtin_text_model()
    assert set(model.heads) == {"free_text", "conversation", "performance_review", "medical", "tax"}
    assert f"text-model@{model.version}.{model.digest}" in load_rulebook().version


def test_too_few_words_are_not_judged() -> None:
    model = builtin_text_model()
    assert model.votes("ok 👍") is None
    assert model.votes("[0.12, -0.4, 0.98]") is None
    assert model.votes("see you soon") is not None


@pytest.mark.parametrize(
    "change",
    [{"format": "something-else"}, {"buckets": 1000}, {"entries": 5}, {"bias": [0.0]}, {"weights": "!!"}],
)
def test_malformed_model_is_a_rule_pack_error(change: dict[str, object]) -> None:
    data = json.loads((REPO / "rules" / MODEL_FILE).read_text(encoding="utf-8"))
    data.update(change)
    with pytest.raises(RulePackError, match="text model"):
        parse_model(data, "rules/text_model.json")


def test_a_pack_naming_an_unknown_head_is_rejected(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: mine\nversion: 1\nclasses:\n"
        "  - id: diary_text\n    sensitivity: confidential\n    names: [diary]\n    model: {head: diary}\n"
    )
    with pytest.raises(RulePackError, match="head 'diary'"):
        load_rulebook([pack])


CHAT = [
    "are you home yet? I forgot my keys again",
    "lol no way, did she really say that",
    "can you grab bread on the way back",
    "running 10 min late, save me a seat",
    "happy birthday!! hope you have the best day 🎉",
    "thanks for last night, I needed that",
    "omg the traffic is insane, still on the bridge",
    "miss you, call me when you land",
    "did you book the table for friday or should I",
    "ugh my boss wants the deck by tonight",
    "sure, 7 works for me",
    "are we still on for the cinema tomorrow?",
]
NURSE = [
    "Pt resting, pain 3/10, dressing dry and intact, encouraged fluids",
    "BP 142/88, HR 96, SpO2 95% RA, c/o mild headache, paracetamol 1 g given",
    "Night: restless, pulled at IV line twice, reoriented, MD aware",
    "Blood glucose 11.2 pre-lunch, 4 units insulin per sliding scale",
    "Post-op day 2, mobilising with frame, bowels opened, tolerating diet",
    "Wound oozing serous fluid, dressing changed, no signs of infection",
    "Pt anxious about results, reassured, chaplain visit offered",
    "Temp 38.4 at 2200, cultures taken, antibiotics started as prescribed",
    "Family at bedside, pt tearful, social work referral made",
    "Refused evening meds, says they cause nausea; to discuss on ward round",
    "Catheter draining well, 350 ml clear urine this shift",
    "Fall risk: bed alarm on, call bell in reach, non-slip socks",
]
REVIEWS = [
    "Maya took ownership of the billing migration and kept stakeholders informed; next, delegate more.",
    "Over the half Tom delivered the search rewrite on time, but his estimates were often optimistic.",
    "Priya is the person the team turns to in incidents. Growth area: writing to other teams.",
    "Leo struggled with the new codebase early on; since March his output has been steady and careful.",
    "Aisha mentored two interns and improved our release process. Ready for more scope next cycle.",
    "Ben meets his commitments but rarely raises risks until late; we agreed on weekly check-ins.",
    "Nadia's customer calls are excellent; she needs to document decisions so others can follow them.",
    "Sam grew a lot this year: clearer designs, better reviews, and he now runs the planning meeting.",
    "Ravi missed several deadlines in Q3 and his updates were vague; we set clear expectations on 4 October.",
    "Elena is thorough and reliable; to grow further she should push back more when scope creeps.",
    "Kofi stepped up while his lead was on leave and kept both launches on track.",
    "Ines is generous with help but takes on too much; protecting focus time is her goal for next half.",
]
PRODUCT_COPY = [
    "Meet the Trail 3: a waterproof hiking boot with a grippy sole for every season.",
    "You'll love how this linen duvet cover keeps you cool on summer nights.",
    "Brew barista-quality espresso at home with our compact machine.",
    "Stay organised on the go with a backpack that fits a 16-inch laptop.",
    "Free delivery on orders over 40, and free returns for 60 days.",
    "Our bestselling face cream is back, now in a recyclable jar.",
    "Give your dog the walk of its life with a lead that never tangles.",
    "Upgrade your desk with a monitor arm that frees up space.",
    "Cook more, clean less: this non-stick pan wipes clean in seconds.",
    "Treat yourself to 20% off the new spring collection this weekend.",
    "Sleep better with a pillow that adapts to the way you lie.",
    "Keep drinks cold for 24 hours with a double-walled steel bottle.",
]
SPORTS_NEWS = [
    "The striker scored twice on his return from injury as the home side won 3-1.",
    "The manager said he was proud of his young players after the narrow defeat.",
    "The club confirmed the midfielder will miss the next six weeks with a hamstring strain.",
    "After a slow start to the season, the captain was named player of the month.",
    "The coach praised the goalkeeper, who made three crucial saves in the second half.",
    "The 19-year-old winger has signed a new four-year contract with the club.",
    "The sprinter ran her fastest time of the season to reach the final.",
    "Supporters applauded the veteran defender, who announced he will retire in the summer.",
    "The team's top scorer missed a late penalty, but the manager backed him afterwards.",
    "The new head coach has won four of his first five games in charge.",
    "The batsman's century helped his side to a comfortable victory on the final day.",
    "The cyclist lost time on the last climb and slipped to sixth overall.",
]
STATUS = [
    "Sync completed",
    "Waiting for upstream job",
    "Export finished with 0 errors",
    "Queued for retry",
    "Processing batch 12 of 40",
    "Upload failed, will retry",
    "Skipped: no changes",
    "Completed successfully",
    "Awaiting approval",
    "Cancelled by scheduler",
    "Running checks",
    "Paused: rate limit",
]


def _column(values: list[str], repeat: int = 2) -> list[str]:
    return [f"{v}" for v in values] * repeat


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (CHAT, {"free_text", "conversation"}),
        (NURSE, {"free_text", "medical"}),
        (REVIEWS, {"free_text", "performance_review"}),
        (PRODUCT_COPY, set()),
        (SPORTS_NEWS, set()),
    ],
    ids=["chat", "nurse-notes", "reviews", "product-copy", "sports-news"],
)
def test_text_under_a_neutral_name_is_what_it_is(values: list[str], expected: set[str]) -> None:
    assert _classes("c7", _column(values)) == expected


def test_notes_holding_status_strings_are_not_free_text() -> None:
    assert _classes("notes", _column(STATUS)) == set()


def test_one_phrase_repeated_is_no_conversation() -> None:
    values = ["feature request"] * 30 + ["billing", "login"] * 5
    assert "conversation" not in _classes("category", values)


def test_scoring_stops_once_every_decision_is_settled(monkeypatch: pytest.MonkeyPatch) -> None:
    values = _column(CHAT, repeat=8)
    column = Column("body", "varchar")
    early = profile_values(values, SPECS, column)
    assert early.model_scored < early.model_candidates == len(values)
    monkeypatch.setattr(classify, "_SETTLE_EVERY", 10**9)
    full = profile_values(values, SPECS, column)
    assert full.model_scored == full.model_candidates
    decided = [{c.class_id for c in classify_column(column, p, SPECS).classes} for p in (early, full)]
    assert decided[0] == decided[1] == {"free_text", "conversation"}
    evidence = next(c for c in classify_column(column, early, SPECS).classes if c.class_id == "conversation")
    assert any("scoring stopped after" in s for s in evidence.signals)


@pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="training needs numpy (bench extra)")
def test_training_gives_the_committed_model_byte_for_byte() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "train_text_model.py"), "--check", "--no-heldout"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_rules_list_names_the_classes_the_model_decides() -> None:
    from scanner.rules import load_rulebook
    from tests.conftest import run_exposure

    run = run_exposure(["rules", "list"])
    assert run.code == 0, run.output
    kinds = {line.split()[0]: line.split()[2] for line in run.stdout.splitlines() if len(line.split()) >= 3}
    book = load_rulebook(())
    modelled = {spec.id for spec in book.classes if spec.model is not None}
    assert modelled, "the built-in packs have model-decided classes"
    for spec in book.classes:
        assert ("model" in kinds[spec.id].split("+")) == (spec.id in modelled), spec.id
