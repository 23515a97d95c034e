"""``Decision.result``: whether the *refusal* survived, not the appeal.

* ``information_disclosure`` wins when filled (it is only filled for allowed appeals):
  "Ordered to Disclose", "Ordered to Respond" and "No Action Needed B" (the information had
  been given meanwhile) -> ``overturned``, or ``partly_upheld`` if the appeal was only
  "Part Allowed"; "No Action Needed A/C" (allowed on a point, nothing more to disclose)
  -> ``partly_upheld``.
* Otherwise ``appeal_outcome``, read from the appellant's side. A requester's appeal:
  Dismissed -> ``upheld``, Allowed -> ``overturned``. A public authority's appeal:
  Dismissed -> ``overturned`` (the order to disclose stood), Allowed -> ``upheld``.
  Part Allowed -> ``partly_upheld`` either way.
* Struck Out, Withdrawn, Consent Order and appeals to higher courts -> ``unknown``.
  Unrecorded outcomes ("NA", "???", "Manual Review", permission-to-appeal notes) are read
  from the decision's own words ("dismisses the appeal", "the appeal is allowed in part")
  in its first pages, else ``unknown``.
"""

from __future__ import annotations

import re

_TEXT_OUTCOME = re.compile(
    r"\bappeal\s+(?:is|be|should\s+be|must\s+be|shall\s+be)\s+(?:hereby\s+|therefore\s+|"
    r"accordingly\s+)?(?P<a>(?:allowed|upheld)\s+in\s+part|partly\s+(?:allowed|upheld)|"
    r"partially\s+(?:allowed|upheld)|dismissed|allowed|upheld|struck\s+out)"
    r"|\b(?P<b>dismiss|allow)(?:es|s)?\s+the\s+appeal(?P<c>\s+in\s+part)?"
)
_READ_TEXT_FOR = re.compile(r"^(?:na|\?+|manual review|.*(?:pta|permission to appeal).*)$")


def _outcome_kind(raw: str, low: str) -> str:
    """The appeal's fate: 'dismissed', 'allowed', 'part' or 'other'."""
    label = raw.lower()
    if label.startswith(("part allowed", "partly allowed", "allowed in part", "part-allowed")):
        return "part"
    if label.startswith("dismissed"):
        return "dismissed"
    if label.startswith("allowed"):
        return "allowed"
    if not _READ_TEXT_FOR.match(label) or label.startswith(("ut ", "struck")):
        return "other"
    m = _TEXT_OUTCOME.search(low, 0, 15_000)
    if not m:
        return "other"
    said = m.group("a") or (m.group("b") + (m.group("c") or ""))
    if "part" in said:
        return "part"
    if said.startswith("dismiss"):
        return "dismissed"
    return "allowed" if said.startswith(("allow", "upheld")) else "other"


def _result(raw_outcome: str, disclosure: str, authority_appealed: bool, low: str) -> str:
    """Did the refusal stand? See the module docstring for the mapping."""
    kind = _outcome_kind(raw_outcome, low)
    d = disclosure.lower()
    if d in ("ordered to disclose", "ordered to respond", "no action needed b"):
        return "partly_upheld" if kind == "part" else "overturned"
    if d.startswith("no action needed") or kind == "part":
        return "partly_upheld"
    if kind == "dismissed":
        return "overturned" if authority_appealed else "upheld"
    if kind == "allowed":
        return "upheld" if authority_appealed else "overturned"
    return "unknown"
