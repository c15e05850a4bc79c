"""Reads schemathesis's JUnit reports and decides the CI verdict (issue #13, ADR 0021).

Every check runs; the run fails on what breaks the API's answers or its security:
  ST1xx  a server error, or an answer that does not match its declared status, media type, headers or schema;
  ST203  a required header left out and still accepted;
  ST204, ST205  a wrong answer to an undeclared method, an Allow header that does not say the truth;
  ST4xx  authentication not enforced.
The request-side findings (ST201 invalid data accepted, ST202 valid data refused) and the stateful ones (ST3xx) are
printed, with their operations, for the contract to be made more precise; they do not fail the run.
"""

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

BLOCKING = re.compile(r"^ST(1\d\d|20[345]|4\d\d)$")

blocking = defaultdict(set)
reported = defaultdict(set)
for path in sys.argv[1:]:
    for case in ET.parse(path).getroot().iter("testcase"):
        for outcome in case:
            if outcome.tag not in ("failure", "error"):
                continue
            codes = re.findall(r"ST\d{3}", outcome.get("message") or "") or ["error"]
            for code in codes:
                (blocking if BLOCKING.match(code) or code == "error" and outcome.tag == "failure" else reported)[code].add(case.get("name"))

for title, found in (("Failing the run", blocking), ("Reported, not failing", reported)):
    if found:
        print(f"{title}:")
        for code in sorted(found):
            print(f"  {code}: {', '.join(sorted(found[code]))}")
sys.exit(1 if blocking else 0)
