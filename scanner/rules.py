"""Rule packs as data: classifier packs and the exposure rules, validated before anything runs.

Built-in packs ship inside the package (`rules/` in the repository); user packs are YAML files named
in the config. Regexes compile with RE2, which runs in linear time, so no pack can hang a scan.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Formatter
from typing import Any

import re2

from scanner import validators
from scanner.errors import RulePackError, did_you_mean
from scanner.models import Breadth, Principal, PrincipalType, Sensitivity
from scanner.textmodel import builtin_text_model
from scanner.yamlio import MAX_YAML_BYTES, LineMap, load_schema, parse_yaml, read_text, validate

BUILTIN_PACKAGE = "scanner.rulepacks"
DEFAULT_MIN_SHARE = 0.6
DEFAULT_CUE_WINDOW = 40
DEFAULT_MIN_LOWER = 0.2
DEFAULT_MIN_DISTINCT = 3
NEVER_MATCHES = r"[^\x00-\x{10FFFF}]"

# Warehouse abbreviations, expanded before names are matched so packs list each word once
# (`cust_ph_no`, `pt_dx`, `mgr_fb_txt`). Kept to abbreviations that are unambiguous in column names.
ABBREVIATIONS = {
    "acct": "account",
    "benef": "beneficiary",
    "addr": "address",
    "clin": "clinical",
    "cust": "customer",
    "diag": "diagnosis",
    "dt": "date",
    "dx": "diagnosis",
    "eml": "email",
    "emp": "employee",
    "fb": "feedback",
    "fed": "federal",
    "hx": "history",
    "kbd": "keyboard",
    "med": "medical",
    "mgr": "manager",
    "msg": "message",
    "nbr": "number",
    "nm": "name",
    "no": "number",
    "num": "number",
    "pmt": "payment",
    "pt": "patient",
    "ptr": "pointer",
    "scr": "screen",
    "sec": "security",
    "soc": "social",
    "tkn": "token",
    "tok": "token",
    "txt": "text",
    "usr": "user",
    "ymd": "date",
    "yyyymmdd": "date",
}


def _normal_token(token: str) -> str:
    """Singular, unabbreviated form: `msgs` → `message`, `allergies` → `allergy`."""
    if len(token) > 4 and token.endswith("ies"):
        token = token[:-3] + "y"
    elif len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    return ABBREVIATIONS.get(token, token)


@lru_cache(maxsize=65536)
def tokenize_name(text: str) -> tuple[str, ...]:
    """Whole tokens of an identifier or phrase: snake_case, camelCase, spaces, digits apart;
    plurals made singular and common abbreviations expanded. Cached: every class asks for the
    same column's tokens."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return tuple(_normal_token(t) for t in re.split(r"[^a-z0-9]+", spaced.lower()) if t)


# Tokens that turn a column about X into a column about something else (email_verified, chat_id).
NEGATING_TOKENS = frozenset(
    tokenize_name(
        "id ids uuid count cnt len length type ts at flag is has verified enabled rate pct ratio "
        "version status"
    )
)


@dataclass(frozen=True)
class ContextRule:
    """A pattern searched inside text whose hits count only with a cue word within `window`
    characters before or after them (`NPI: 1234567893`, `call me at 415 555 0132`)."""

    pattern: str
    cues: tuple[str, ...]
    window: int


@dataclass(frozen=True)
class ValueRule:
    pattern: str
    compiled: Any  # re2 pattern
    validator: str | None
    mask: str
    min_share: float
    min_distinct: int
    bare_pattern: str | None = None
    min_lower: float = (
        0.0  # the share's 95 % lower bound must reach this too  # counts only with a name/comment signal
    )
    contains: str | None = None  # pattern searched inside free text
    refutes_name: bool = True  # plenty of non-matching plaintext values overrule the column name
    context: ContextRule | None = None  # hits inside text that count only beside a cue word
    contains_glued: str | None = None  # searched in text even right after a letter
    # Share of random values of the bare shape that the validator accepts: enables the likelihood
    # test that lets a column of unformatted values stand without a name.
    bare_random_pass: float | None = None
    # Other groupings of the value's characters (SSN digits as 078-051121 or 07805-1121): searched in
    # any value, they count only under a name or comment that says the class, as bare values do.
    other_groupings: str | None = None

    def matches(self, value: str) -> bool:
        return self.compiled.fullmatch(value) is not None

    def validates(self, value: str) -> bool:
        if self.validator is None:
            return True
        return validators.VALIDATORS[self.validator](value)


@dataclass(frozen=True)
class TextRule:
    """Free-text cues: a value counts when at least `min_cues` different cues occur in it."""

    cues: tuple[str, ...]
    min_cues: int
    min_share: float
    min_words: int
    min_lower: float = 0.0
    # Machine text (log lines, alerts, stack traces, SQL, commit messages) never counts.
    human_only: bool = False
    # The class needs the column to read as free text as a whole (a chat column, not a log).
    needs_free_text: bool = False


@dataclass(frozen=True)
class ModelRule:
    """A head of the text model (rules/text_model.json) decides the class: the share of scored
    values it claims reaches `min_share` and that share's 95 % lower bound reaches `min_lower`."""

    head: str
    min_share: float
    min_lower: float
    min_distinct: int = 3  # distinct values among those claimed: an enum repeating one phrase is no text

    def holds(self, votes: int, judged: int, distinct: int) -> bool:
        return distinct >= self.min_distinct and holds(votes, judged, self.min_share, self.min_lower)


def wilson_lower(successes: int, n: int, z: float = 1.96) -> float:
    """The 95 % Wilson lower bound of a share, rounded as evidence shows it."""
    if n == 0:
        return 0.0
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return round(max(0.0, centre - half), 4)


def holds(successes: int, n: int, min_share: float, min_lower: float) -> bool:
    return n > 0 and successes / n >= min_share and wilson_lower(successes, n) >= min_lower


@dataclass(frozen=True)
class FreeTextRule:
    """The column-level free-text class: most values long enough to judge read as human text."""

    min_share: float  # lower bound of the human share among judged values
    min_judged: float  # share of sampled values long enough to be judged


@dataclass(frozen=True)
class ClassSpec:
    id: str
    name: str
    sensitivity: Sensitivity
    category: str
    types: frozenset[str]
    name_phrases: tuple[tuple[str, ...], ...]
    comment_phrases: tuple[tuple[str, ...], ...]
    value: ValueRule | None
    allow: frozenset[str]
    pack: str
    origin: str  # file:line of the class definition
    exact_names: frozenset[str] = frozenset()
    exclude_tokens: frozenset[str] = frozenset()
    text: TextRule | None = None
    subsumed_by: frozenset[str] = frozenset()
    free_text: FreeTextRule | None = None
    # Tokens of a table name under which the column's name and comment say nothing for this class
    # (`message` in a server log table is a log field).
    exclude_table_tokens: frozenset[str] = frozenset()
    model: ModelRule | None = None

    @property
    def name_only(self) -> bool:
        return self.value is None and self.text is None and self.free_text is None and self.model is None


@dataclass(frozen=True)
class ClassifierPack:
    name: str
    version: int
    origin: str
    classes: tuple[ClassSpec, ...]


@dataclass(frozen=True)
class ExposureRule:
    id: str
    name: str
    kind: str
    version: int
    title: str
    description: str
    label: str  # a short phrase for this facet inside another facet's title ("stored as plaintext")
    breadth: frozenset[Breadth] | None
    plaintext_only: bool
    min_sensitivity: Sensitivity
    severity: str | dict[Sensitivity, str]  # "matrix" or per-sensitivity


@dataclass(frozen=True)
class ExposureRules:
    pack: str
    version: int
    rules: tuple[ExposureRule, ...]
    matrix: dict[Sensitivity, dict[Breadth, dict[str, str]]]
    everyone: frozenset[Principal]
    broad: frozenset[Principal]


@dataclass(frozen=True)
class RuleBook:
    classifiers: tuple[ClassifierPack, ...]
    exposure: ExposureRules

    @property
    def classes(self) -> tuple[ClassSpec, ...]:
        return tuple(c for pack in self.classifiers for c in pack.classes)

    @property
    def version(self) -> str:
        packs = [f"{p.name}@{p.version}" for p in self.classifiers]
        packs.append(f"{self.exposure.pack}@{self.exposure.version}")
        if any(spec.model is not None for spec in self.classes):
            # Retrained weights change decisions as much as an edited pack does.
            model = builtin_text_model()
            packs.append(f"text-model@{model.version}.{model.digest}")
        return ",".join(packs)


def re2_options(case_sensitive: bool = True) -> Any:
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = case_sensitive
    return options


def _compile(pattern: str, path: str, line: int | None) -> Any:
    options = re2_options()
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise RulePackError(
            f"pattern is not valid RE2: {detail}",
            file=path,
            line=line,
            hint="RE2 has no look-around or back-references; rewrite the pattern without them",
        ) from None


def _phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    # "card num" and "card no" normalise to "card number": keep each phrase once
    return tuple(dict.fromkeys(p for p in (tokenize_name(item) for item in items) if p))


def _parse_classifier_pack(data: dict[str, Any], lines: LineMap, path: str) -> ClassifierPack:
    defaults = data.get("defaults") or {}
    classes: list[ClassSpec] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data["classes"]):
        line = lines.line(("classes", index))
        class_id = raw["id"]
        if class_id in seen:
            raise RulePackError(
                f"class '{class_id}' is defined twice (first on line {seen[class_id]})",
                file=path,
                line=line,
                hint="give each class a unique id",
            )
        seen[class_id] = line or 0
        value_rule = None
        if "value" in raw:
            value = raw["value"]
            validator = value.get("validator")
            if validator is not None and validator not in validators.VALIDATORS:
                raise RulePackError(
                    f"unknown validator '{validator}'",
                    file=path,
                    line=lines.line(("classes", index, "value", "validator")),
                    hint=did_you_mean(validator, validators.names())
                    or f"known: {', '.join(validators.names())}",
                )
            bare = value.get("bare_pattern")
            if bare is not None:
                _compile(bare, path, lines.line(("classes", index, "value", "bare_pattern")))
            # A class seen only in bare form (needing the name's support) never matches on its own.
            pattern = value.get("pattern", NEVER_MATCHES)
            contains = value.get("contains", False)
            if "contains_glued" in value:
                _compile(
                    value["contains_glued"], path, lines.line(("classes", index, "value", "contains_glued"))
                )
            if isinstance(contains, str):
                _compile(contains, path, lines.line(("classes", index, "value", "contains")))
            if "other_groupings" in value:
                _compile(
                    value["other_groupings"], path, lines.line(("classes", index, "value", "other_groupings"))
                )
            context_rule = None
            if "context" in value:
                ctx = value["context"]
                _compile(ctx["pattern"], path, lines.line(("classes", index, "value", "context", "pattern")))
                context_rule = ContextRule(
                    pattern=ctx["pattern"],
                    cues=tuple(str(c).lower() for c in ctx["cues"]),
                    window=int(ctx.get("window", DEFAULT_CUE_WINDOW)),
                )
            value_rule = ValueRule(
                pattern=pattern,
                compiled=_compile(pattern, path, lines.line(("classes", index, "value", "pattern"))),
                validator=validator,
                mask=value.get("mask", "last4"),
                min_share=float(value.get("min_share", defaults.get("min_share", DEFAULT_MIN_SHARE))),
                min_distinct=int(
                    value.get("min_distinct", defaults.get("min_distinct", DEFAULT_MIN_DISTINCT))
                ),
                bare_pattern=bare,
                min_lower=float(value.get("min_lower", defaults.get("min_lower", DEFAULT_MIN_LOWER))),
                contains=(pattern if contains is True else contains) or None,
                refutes_name=bool(value.get("refutes_name", True)),
                context=context_rule,
                contains_glued=value.get("contains_glued"),
                bare_random_pass=(float(value["bare_random_pass"]) if "bare_random_pass" in value else None),
                other_groupings=value.get("other_groupings"),
            )
        text_rule = None
        if "text" in raw:
            text = raw["text"]
            for cue_index, cue in enumerate(text["cues"]):
                _compile(cue, path, lines.line(("classes", index, "text", "cues", cue_index)))
            text_rule = TextRule(
                cues=tuple(text["cues"]),
                min_cues=int(text.get("min_cues", 2)),
                min_share=float(text.get("min_share", 0.5)),
                min_words=int(text.get("min_words", 3)),
                human_only=bool(text.get("human_only", False)),
                min_lower=float(text.get("min_lower", defaults.get("min_lower", DEFAULT_MIN_LOWER))),
                needs_free_text=bool(text.get("needs_free_text", False)),
            )
        free_text_rule = None
        if "free_text" in raw:
            ft = raw["free_text"] or {}
            free_text_rule = FreeTextRule(
                min_share=float(ft.get("min_share", 0.5)), min_judged=float(ft.get("min_judged", 0.5))
            )
        model_rule = None
        if "model" in raw:
            model = raw["model"] or {}
            model_rule = ModelRule(
                head=str(model.get("head", class_id)),
                min_share=float(model.get("min_share", 0.5)),
                min_lower=float(model.get("min_lower", defaults.get("min_lower", DEFAULT_MIN_LOWER))),
                min_distinct=int(model.get("min_distinct", DEFAULT_MIN_DISTINCT)),
            )
        names = raw.get("names", [])
        types = set(raw.get("types", ["string"]))
        if value_rule is not None and value_rule.contains:
            types.add("complex")  # an identifier quoted inside JSON or arrays is still there
        classes.append(
            ClassSpec(
                id=class_id,
                name=raw.get("name", class_id),
                sensitivity=Sensitivity(raw["sensitivity"]),
                category=raw.get("category", "other"),
                types=frozenset(types),
                name_phrases=_phrases(names),
                comment_phrases=_phrases(raw.get("comments", names)),
                value=value_rule,
                allow=frozenset(raw.get("allow", [])),
                pack=data["pack"],
                origin=f"{path}:{line}",
                exact_names=frozenset(" ".join(tokenize_name(n)) for n in raw.get("exact_names", [])),
                exclude_tokens=frozenset(t for n in raw.get("exclude_names", []) for t in tokenize_name(n)),
                text=text_rule,
                subsumed_by=frozenset(raw.get("subsumed_by", [])),
                free_text=free_text_rule,
                exclude_table_tokens=frozenset(
                    t for n in raw.get("exclude_table_names", []) for t in tokenize_name(n)
                ),
                model=model_rule,
            )
        )
    return ClassifierPack(data["pack"], int(data["version"]), path, tuple(classes))


def _parse_exposure(data: dict[str, Any], lines: LineMap, path: str) -> ExposureRules:
    rules: list[ExposureRule] = []
    for index, raw in enumerate(data["rules"]):
        when = raw["when"]
        severity_raw = raw["severity"]
        severity: str | dict[Sensitivity, str] = (
            severity_raw
            if isinstance(severity_raw, str)
            else {Sensitivity(k): v for k, v in severity_raw.items()}
        )
        _check_title(raw["title"], path, lines.line(("rules", index, "title")))
        if "label" in raw:
            _check_title(raw["label"], path, lines.line(("rules", index, "label")))
        if raw["id"] in {r.id for r in rules}:
            raise RulePackError(
                f"rule id '{raw['id']}' is used twice", file=path, line=lines.line(("rules", index, "id"))
            )
        rules.append(
            ExposureRule(
                id=raw["id"],
                name=raw["name"],
                kind=raw["kind"],
                version=int(raw["version"]),
                title=raw["title"],
                description=raw.get("description", "").strip(),
                label=raw.get("label") or raw["name"].replace("-", " "),
                breadth=frozenset(Breadth(b) for b in when["breadth"]) if "breadth" in when else None,
                plaintext_only=when.get("protection") == "plaintext",
                min_sensitivity=Sensitivity(when.get("min_sensitivity", "confidential")),
                severity=severity,
            )
        )
    matrix = {
        Sensitivity(sens): {Breadth(b): dict(cells) for b, cells in row.items()}
        for sens, row in data["severity_matrix"].items()
    }
    access = data.get("access") or {}
    return ExposureRules(
        pack=data["pack"],
        version=int(data["version"]),
        rules=tuple(rules),
        matrix=matrix,
        everyone=frozenset(_principals(access.get("everyone", []))),
        broad=frozenset(_principals(access.get("broad", []))),
    )


# The fields a rule title may name; findings fill exactly these.
TITLE_FIELDS = ("table", "principal", "reach", "sensitivity", "classes")


def _check_title(title: str, path: str, line: int | None) -> None:
    hint = f"a title may use {', '.join('{' + f + '}' for f in TITLE_FIELDS)}; write {{{{ and }}}} for braces"
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(title)]
    except ValueError as exc:
        raise RulePackError(
            f"title is not a valid template: {exc}", file=path, line=line, hint=hint
        ) from None
    for name, spec, conversion in fields:
        if name is None:
            continue
        if name not in TITLE_FIELDS or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise RulePackError(f"title names an unknown field {shown}", file=path, line=line, hint=hint)


def _check_model_heads(packs: Sequence[ClassifierPack]) -> None:
    wanted = [spec for pack in packs for spec in pack.classes if spec.model is not None]
    if not wanted:
        return
    heads = builtin_text_model().heads
    for spec in wanted:
        assert spec.model is not None
        if spec.model.head not in heads:
            file, _, line = spec.origin.rpartition(":")
            raise RulePackError(
                f"class '{spec.id}' names text-model head '{spec.model.head}', which the model does not have",
                file=file,
                line=int(line) if line.isdigit() else None,
                hint=did_you_mean(spec.model.head, heads) or f"heads: {', '.join(heads)}",
            )


def _principals(items: Sequence[dict[str, str]]) -> list[Principal]:
    return [Principal(PrincipalType(p["type"]), p["name"]) for p in items]


def _read(source: Path | Traversable) -> str:
    if isinstance(source, Path):
        return read_text(source, RulePackError, "rule pack", MAX_YAML_BYTES)
    return source.read_text(encoding="utf-8")  # a pack shipped inside the package


def load_classifier_pack(source: Path | Traversable, display: str | None = None) -> ClassifierPack:
    path = display or str(source)
    data, lines = parse_yaml(_read(source), Path(path), RulePackError)
    validate(data, load_schema("classifier-pack.schema.json"), lines, Path(path), RulePackError)
    pack = _parse_classifier_pack(data, lines, path)
    _check_sets(pack)
    return pack


def _check_sets(pack: ClassifierPack) -> None:
    """Compile the pack's patterns into RE2 sets, as the scan will: a set can refuse what each
    pattern alone compiles (a program larger than its memory budget), and that must fail here,
    with the class named, not in the middle of a nightly scan."""
    from scanner.classify import ClassifierEngine  # the engine imports this module

    try:
        ClassifierEngine(pack.classes)
        return
    except re2.error as exc:
        detail = str(exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else exc)
    for spec in pack.classes:
        try:
            ClassifierEngine((spec,))
        except re2.error:
            file, _, line = spec.origin.rpartition(":")
            raise RulePackError(
                f"class '{spec.id}': its patterns do not compile into an RE2 set ({detail})",
                file=file,
                line=int(line) if line.isdigit() else None,
                hint="shorten counted repetitions of large classes such as \\pL{200}",
            ) from None
    raise RulePackError(
        f"the pack's patterns do not compile together into an RE2 set ({detail})",
        file=pack.origin,
        line=1,
        hint="the patterns are too large together; split the pack or shorten counted repetitions",
    )


def load_exposure_rules(source: Path | Traversable, display: str | None = None) -> ExposureRules:
    path = display or str(source)
    data, lines = parse_yaml(_read(source), Path(path), RulePackError)
    validate(data, load_schema("exposure-rules.schema.json"), lines, Path(path), RulePackError)
    return _parse_exposure(data, lines, path)


def builtin_classifier_sources() -> list[Traversable]:
    folder = resources.files(BUILTIN_PACKAGE).joinpath("classifiers")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def load_rulebook(
    extra_packs: Sequence[Path] = (),
    exposure_rules: Path | None = None,
    builtin: bool = True,
) -> RuleBook:
    packs: list[ClassifierPack] = []
    if builtin:
        packs.extend(
            load_classifier_pack(f, f"rules/classifiers/{f.name}") for f in builtin_classifier_sources()
        )
    packs.extend(load_classifier_pack(p) for p in extra_packs)
    seen: dict[str, str] = {}
    for pack in packs:
        for spec in pack.classes:
            if spec.id in seen:
                file, _, line = spec.origin.rpartition(":")
                raise RulePackError(
                    f"class '{spec.id}' is already defined in {seen[spec.id]}",
                    file=file,
                    line=int(line) if line.isdigit() else None,
                    hint="rename the class, or drop the built-in packs with `builtin_rules: false`",
                )
            seen[spec.id] = spec.origin
    for pack in packs:
        for spec in pack.classes:
            for other in sorted(spec.subsumed_by - seen.keys()):
                file, _, line = spec.origin.rpartition(":")
                raise RulePackError(
                    f"class '{spec.id}' is subsumed by unknown class '{other}'",
                    file=file,
                    line=int(line) if line.isdigit() else None,
                    hint=did_you_mean(other, seen) or "list class ids defined in a loaded pack",
                )
    _check_model_heads(packs)
    if exposure_rules is None:
        exposure = load_exposure_rules(
            resources.files(BUILTIN_PACKAGE).joinpath("exposure.yaml"), "rules/exposure.yaml"
        )
    else:
        exposure = load_exposure_rules(exposure_rules)
    return RuleBook(tuple(packs), exposure)
