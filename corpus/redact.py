"""Remove private requesters' names and e-mail addresses before anything is stored.

Authorities, and their officers acting officially, stay: their addresses are on public
domains. Everything else that looks like a personal address or a requester's signature goes.
"""

from __future__ import annotations

import re

REQUESTER = "[requester]"
EMAIL = "[email]"

_EMAIL = re.compile(r"\b[\w.+-]+@([\w-]+\.)+[a-z]{2,}\b", re.I)
_PUBLIC_DOMAIN = re.compile(
    r"(\.gov\.uk|\.nhs\.(uk|net)|\.police\.uk|\.ac\.uk|\.gov\.scot|\.gov\.wales|\.mod\.uk|"
    r"\.parliament\.uk|\.gsi\.gov\.uk|ico\.org\.uk|whatdotheyknow\.com)$",
    re.I,
)
_AUTHORITY_WORDS = re.compile(
    r"council|authority|team|officer|department|office|commissioner|police|constabulary|trust|"
    r"sir|madam|foi|freedom|information|governance|board|university|service|requests?|"
    r"colleague|customer|manager|[\[\]]",
    re.I,
)
# "Dear Ms X," / "Hi Mr X" opening a line, or anywhere once a reply has been run into one line
# ("EIR Dear Ms X, Thank you"): capitalised there, so prose's "dear" is left alone. The name runs
# to the comma that ends the greeting (four words at most), or is a title and a surname, or one
# or two capitalised words.
_DEAR = re.compile(
    r"((?i:^\s*(?:dear|hi|hello)\s+)|\b(?:Dear|Hi|Hello)\s+)"
    r"(?:([^,\n\s]+(?:[ \t]+[^,\n\s]+){0,3})(,)"
    r"|((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:\[requester\]|[A-Z][\w'’-]+)"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)())",
    re.M)
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+([A-Z][\w'’-]{2,})\s*,")
_SIGNOFF = re.compile(
    r"^(\s*(?:[^\n]{0,30}?[,.!]\s*)?(?:yours (?:faithfully|sincerely|truly)|kind regards|regards"
    r"|best wishes|many thanks|thanks)[,.!]?\s*\n)((?:[ \t]*\S[^\n]{0,60}\n?){1,2})",
    re.I | re.M,
)
_FROM = re.compile(r"^(\s*from:\s*)([^\n<]*)(<[^>\n]*>)?", re.I | re.M)


def redact_emails(text: str) -> str:
    def repl(m: re.Match) -> str:
        domain = m.group(0).split("@", 1)[1]
        return m.group(0) if _PUBLIC_DOMAIN.search(domain) else EMAIL

    return _EMAIL.sub(repl, text)


def requester_names(text: str) -> list[str]:
    """Names a requester signs or is addressed by, so every later mention can be removed."""
    names: list[str] = []
    for m in _SIGNOFF.finditer(text):
        first_line = m.group(2).strip().split("\n")[0].strip()
        if first_line and not _AUTHORITY_WORDS.search(first_line) and len(first_line) < 60:
            names.append(first_line)
    return names


def _addressee(name: str) -> bool:
    """Whether a greeting's name is a person's. 'Dear [requester] Brown' (the first name was
    redacted, the surname not) is one; 'Dear [requester]' alone is done."""
    rest = re.sub(r"\[[^\]]*\]|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b\.?", " ", name).strip()
    return bool(rest) and not _AUTHORITY_WORDS.search(rest) and not re.fullmatch(
        r"\s*(?:there|all|everyone|both|again)\W*", rest, re.I)


def _greeting(m: re.Match) -> str:
    """A greeting with the person's name replaced, an authority's or 'there' kept."""
    name, end = (m.group(2), m.group(3)) if m.group(2) is not None else (m.group(4), m.group(5))
    redacted = _addressee(name) or REQUESTER in name  # 'Mr [requester]' says no more
    return m.group(1) + (REQUESTER if redacted else name) + end


def redact(text: str, names: list[str] | tuple[str, ...] = (), requester_signs: bool = True) -> str:
    """Text with e-mails, the requester's names, 'Dear <person>' and signatures removed."""
    if not text:
        return text
    out = redact_emails(text)
    # 'Rebecca Brown.' signs off with a full stop that 'Dear Rebecca Brown,' lacks; a letter
    # opening 'Mr Parry,' names someone whose surname may recur ('Parry FPN data.xlsx')
    cleaned = {n.strip(" \t.,;:!'\"") for n in names} | set(_TITLED.findall(text))
    for name in sorted({n for n in cleaned if len(n) > 2}, key=len, reverse=True):
        out = re.sub(re.escape(name), REQUESTER, out, flags=re.I)
        for part in re.findall(r"[\w'’-]+", name):
            if len(part) > 3 and part[0].isupper() and not _AUTHORITY_WORDS.search(part):
                out = re.sub(rf"\b{re.escape(part)}\b", REQUESTER, out)
    out = _DEAR.sub(_greeting, out)
    out = _FROM.sub(lambda m: m.group(1) + REQUESTER
                    if not _PUBLIC_DOMAIN.search(m.group(3) or "") else m.group(0), out)
    if requester_signs:
        out = _SIGNOFF.sub(lambda m: m.group(1) + (
            REQUESTER + "\n" if not _AUTHORITY_WORDS.search(m.group(2)) else m.group(2)), out)
    return re.sub(r"(\[requester\][\s.]*){2,}", REQUESTER + " ", out)
