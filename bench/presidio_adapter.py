"""Presidio baseline: run Presidio's predefined pattern recognizers on single cell values.

The recognizers are instantiated directly and called one by one. There is no ``AnalyzerEngine``,
no NLP engine and no spaCy model; every call passes ``nlp_artifacts=None``. Importing
``presidio_analyzer`` still imports the spaCy *library* (its package imports ``spacy.tokens``),
but no spaCy model is loaded or needed.

Scores: a recognizer returns its pattern's base score, raised to 1.0 when the recognizer's checksum
validation passes (credit card Luhn, IBAN mod-97, ABA, NPI, DEA, email domain) and dropped when
validation or invalidation rejects the match. Context words ("ssn", "phone", ...) would raise a
score, but that boost is applied by the ``AnalyzerEngine``'s context enhancer using lemmas from the
NLP artifacts. Called directly with ``nlp_artifacts=None`` no context enhancement takes place, so
weak patterns keep their low base scores (e.g. US_SSN "medium" 0.5 and "very weak" 0.05, ITIN
0.05-0.5, PHONE_NUMBER a flat 0.4, US_PROVIDER_TAX_ID 0.1/0.35) and may fall below the threshold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer import predefined_recognizers as _predefined
except ImportError:
    raise SystemExit("presidio-analyzer is not installed: pip install presidio-analyzer") from None

import tldextract.tldextract

__all__ = ["PRESIDIO_TO_CLASS", "PresidioPatterns"]

# EmailRecognizer validates domains with tldextract, whose default extractor downloads the Public
# Suffix List on first use. Use the bundled snapshot: the benchmark must not reach the network, and a
# failed download would add its timeout to Presidio's measured time.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())

# (recognizer class in presidio_analyzer.predefined_recognizers, Presidio entity, our class id).
# All are PatternRecognizer subclasses except PhoneRecognizer, which matches with the phonenumbers
# library and needs no NLP model either. Entries whose class is missing from the installed
# presidio-analyzer are skipped. Recognizers for our other classes do not exist as predefined
# pattern recognizers: DATE_TIME (DateRecognizer) is a generic date, not a date of birth, and there
# is nothing for icd10_code, aws_access_key, github_token, jwt or private_key.
_CANDIDATES: tuple[tuple[str, str, str], ...] = (
    ("UsSsnRecognizer", "US_SSN", "us_ssn"),
    ("UsItinRecognizer", "US_ITIN", "us_itin"),
    ("CreditCardRecognizer", "CREDIT_CARD", "credit_card"),
    ("IbanRecognizer", "IBAN_CODE", "iban"),
    # Validates the domain with tldextract (bundled Public Suffix List snapshot, see above).
    ("EmailRecognizer", "EMAIL_ADDRESS", "email"),
    # Scans the value once per supported region (US, GB, DE, FR, IL, IN, CA, BR).
    ("PhoneRecognizer", "PHONE_NUMBER", "phone_number"),
    ("IpRecognizer", "IP_ADDRESS", "ip_address"),
    ("AbaRoutingRecognizer", "ABA_ROUTING_NUMBER", "us_bank_routing"),
    ("UsNpiRecognizer", "US_NPI", "us_npi"),
    # MEDICAL_LICENSE is Presidio's US DEA registration number recognizer (pattern + DEA checksum).
    ("MedicalLicenseRecognizer", "MEDICAL_LICENSE", "us_dea"),
    # Matches the EIN format (NN-NNNNNNN with a valid IRS prefix); unlabelled values score 0.1.
    ("UsProviderTaxIdRecognizer", "US_PROVIDER_TAX_ID", "us_ein"),
)

_AVAILABLE: tuple[tuple[str, str, str], ...] = tuple(
    entry for entry in _CANDIDATES if hasattr(_predefined, entry[0])
)

PRESIDIO_TO_CLASS: dict[str, str] = {entity: class_id for _, entity, class_id in _AVAILABLE}


class PresidioPatterns:
    """Presidio's predefined pattern recognizers, answering in this project's class ids."""

    def __init__(self) -> None:
        self._recognizers: list[tuple[EntityRecognizer, list[str]]] = []
        for class_name, entity, _ in _AVAILABLE:
            recognizer_cls: Callable[[], EntityRecognizer] = getattr(_predefined, class_name)
            recognizer = recognizer_cls()
            if recognizer.supported_entities != [entity]:
                raise RuntimeError(
                    f"{class_name} reports entities {recognizer.supported_entities}, expected [{entity!r}]"
                )
            self._recognizers.append((recognizer, [entity]))

    def entities(self) -> list[str]:
        """The Presidio entities this instance looks for, in recognizer order."""
        return [entity for _, entities in self._recognizers for entity in entities]

    def scores(self, value: str) -> dict[str, float]:
        """Highest score per Presidio entity found anywhere in ``value`` (entities not found are absent)."""
        best: dict[str, float] = {}
        # EntityRecognizer.analyze annotates nlp_artifacts as non-optional; the pattern
        # recognizers and PhoneRecognizer accept None.
        no_nlp: Any = None
        for recognizer, entities in self._recognizers:
            for result in recognizer.analyze(text=value, entities=entities, nlp_artifacts=no_nlp):
                if result.score > best.get(result.entity_type, -1.0):
                    best[result.entity_type] = result.score
        return best

    def classes(self, value: str, threshold: float = 0.5) -> set[str]:
        """Our class ids for every entity that some recognizer reports with score >= ``threshold``."""
        return {
            PRESIDIO_TO_CLASS[entity] for entity, score in self.scores(value).items() if score >= threshold
        }
