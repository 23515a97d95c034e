"""The body a pasted letter greets ('Dear Sheffield City Council,', 'FAO: ... Kent CC'). Pure logic.

A letter names its authority in its greeting; a check reads it from there when the user named
none, and says so when the letter greets another body than the one named.
"""

from __future__ import annotations

import re

from bot.scotland import scottish_body
from corpus.header import expand_initials, find_authority

_GREETED = re.compile(r"^\s*(?:dear|to|annwyl)\s+([^,\n:]{3,80})[,\n:]", re.I)
# a pasted e-mail greets the body after its From/Sent/To/Subject lines
_GREETED_LATER = re.compile(r"^[ \t]*(?:dear|annwyl)\s+([^,\n:]{3,80})[,\n:]", re.I | re.M)
_A_BODY = re.compile(r"\b(?:council|police|constabulary|nhs|trust|university|college|"
                     r"c?yngor|gyngor|heddlu|treasury|highways|rail|government|executive|"
                     r"department|ministry|office|service|authority|commission|agency|board|"
                     r"transport|fire)\b", re.I)
_FAO = re.compile(r"^[ \t]*(?:fao|f\.a\.o\.?|for the attention of)\s*:?\s*(?:[^,\n]*,\s*)*"
                  r"([^,\n]{3,80})", re.I | re.M)  # 'FAO: Information Governance, Kent CC'
_TEAM_AT = re.compile(r"^.*?\b(?:team|officer|unit|department|office)\s+(?:at|of|for)\s+"
                      r"(?:the\s+)?(?=[A-Z])", re.I)
_NOT_A_BODY = re.compile(r"\b(?:(?<!cyngor )sir|madam|foi|freedom of information|team|officer|whom|"
                         r"colleague|all|customer|information governance|data protection|"
                         r"records)\b", re.I)


def names_a_body(text: str) -> bool:
    """Whether a phrase names a public body ('the fire service', 'Kent Police')."""
    return bool(_A_BODY.search(text))


def greeted(text: str) -> str | None:
    """The authority a pasted letter greets ('Dear Sheffield City Council,'), when no other is
    named: the draft is checked against its history as if the user had named it. 'Dear
    Sir/Madam' and 'Dear FOI Team' greet nobody in particular."""
    head = "\n".join(text.splitlines()[:12])
    m = _GREETED.match(text) or _GREETED_LATER.search(head) or _FAO.search(head)
    name = m.group(1).strip() if m else ""
    # 'Dear FOI team at Leeds City Council': the body after the team; but 'Department for
    # Education' is the body itself, not a department of 'Education'
    after = _TEAM_AT.sub("", name)
    name = after if after == name or _is_body(after) else name
    if not name or _NOT_A_BODY.search(name):
        return None
    # 'Dear TfL', 'Dear HM Treasury', 'Dear Network Rail', 'Dear Scottish Water,'
    return expand_initials(name) if _is_body(name) else None


def _is_body(name: str) -> bool:
    return bool(_A_BODY.search(name) or expand_initials(name) != name or find_authority(name)
                or scottish_body(name))
