"""Schemathesis hooks for tests/fuzz/run.sh (loaded through SCHEMATHESIS_HOOKS).

An amount of money is in euros with two decimals at most (« 1234.56 »). The OpenAPI document says it in the field's
description only: `multipleOf: 0.01` cannot say it, since floating-point clients and validators compute
57 × 0.01 = 0.5700000000000001 and 0.57 / 0.01 = 56.99999999999999, so they would refuse amounts the API takes and
take amounts it refuses. A generator that cannot read the description sends 509496206.0944409, which the API refuses
with its clear 400 « … deux décimales au plus » — right, and reported by ST202 as « valid data refused ».

This hook teaches the generator the rule the description gives: the money fields are found in the document itself
(their description ends with « deux décimales au plus »), and an amount the schema allows is rounded to the cent. An
amount the schema refuses (negative, above its maximum, not a number) is left as generated, so negative cases stay
negative; the API's refusal of a third decimal is tested in the e2e suites.

A day in a query (`updatedSince`, the audit's `at`, `from`, `to`) has the same kind of rule: the pattern says « four
digits, a month 01–12, a day 01–31 », and only a calendar says that November has 30 days; the API refuses
« 8636-11-31 » with its clear 400 (« Le jour … n’existe pas dans le calendrier »). The second hook moves a day the
month does not have to the month's last day, and leaves every other value as generated.
"""

import calendar
import json
import math
import os
import re

import schemathesis

MONEY_MARK = "deux décimales au plus"


def _money_fields(document):
    """{property name: maximum} of every money property in the document's component schemas."""
    fields = {}

    def walk(node):
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                # Numbers only: an integer field (cents) must stay refused with a fraction.
                if isinstance(prop, dict) and prop.get("type") == "number" and MONEY_MARK in str(prop.get("description", "")):
                    fields[name] = prop.get("maximum")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return fields


with open(os.environ["FUZZ_OPENAPI_FILE"], encoding="utf-8") as source:
    MONEY_FIELDS = _money_fields(json.load(source))
if not MONEY_FIELDS:
    raise RuntimeError("no money field found in the OpenAPI document: the mark « %s » has changed" % MONEY_MARK)


def _to_cents(node):
    if isinstance(node, list):
        return [_to_cents(value) for value in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in MONEY_FIELDS and isinstance(value, float) and value >= 0:
            maximum = MONEY_FIELDS[key]
            if maximum is None or value <= maximum:
                rounded = round(value, 2)
                # 999999999.999 rounds up past a maximum of one billion: take the cent below instead.
                out[key] = rounded if maximum is None or rounded <= maximum else math.floor(value * 100) / 100
            else:
                out[key] = value
        else:
            out[key] = _to_cents(value)
    return out


@schemathesis.hook
def map_body(context, body):
    return _to_cents(body)


DAY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(\d{2})")


def _real_day(value):
    """« 8636-11-31… » → « 8636-11-30… »: the same text with a day its month has; anything else as it is."""
    if not isinstance(value, str):
        return value
    match = DAY.match(value)
    if not match:
        return value
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if day < 1:
        return value
    # Year 0 of the proleptic Gregorian calendar (which the API follows) is a leap year; Python's calendar starts at 1.
    last = calendar.monthrange(year if year > 0 else 2000, month)[1]
    return value if day <= last else f"{match.group(1)}-{match.group(2)}-{last:02d}{value[10:]}"


@schemathesis.hook
def map_query(context, query):
    if not query:
        return query
    return {key: ([_real_day(v) for v in value] if isinstance(value, list) else _real_day(value)) for key, value in query.items()}
