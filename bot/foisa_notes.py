"""Scotland's Act in plain words: each FOISA ground's test, and its duties and appeal route.

What differs from FOIA is the point: the harm-based exemptions need *substantial* prejudice,
several grounds are class-based, s30 needs no qualified person's opinion, the cost limit is
£600, there is no extension to weigh the public interest, and appeals go to the Scottish
Information Commissioner. Pure data; bot/explain.py composes it with FOIA's notes on what each
ground protects and how requesters get around it.
"""

from __future__ import annotations

# FOISA section -> (its name, the test in Scotland)
GROUNDS = {
    "s12": ("excessive cost of compliance",
            "No public interest test. The limit is £600 of staff time at no more than £15 an "
            "hour (40 hours); a request costing between £100 and £600 may carry a fee of 10% of "
            "the cost above £100."),
    "s14": ("vexatious or repeated requests", "No public interest test."),
    "s25": ("information otherwise accessible", "Absolute: no public interest test."),
    "s26": ("prohibitions on disclosure", "Absolute."),
    "s27": ("information intended for future publication",
            "s27(1): publication is planned within 12 weeks of the request, subject to the "
            "public interest test; s27(2): research whose programme disclosure would "
            "substantially prejudice."),
    "s28": ("relations within the United Kingdom",
            "Substantial prejudice, then the public interest test."),
    "s29": ("formulation of Scottish Administration policy",
            "Class-based: no harm need be shown, but the public interest test applies, and the "
            "statistics behind a policy decision cannot be withheld under it once the decision "
            "is taken."),
    "s30": ("prejudice to effective conduct of public affairs",
            "Substantial prejudice to collective responsibility (s30(a)), substantial "
            "inhibition of the free and frank provision of advice or exchange of views "
            "(s30(b)), or other substantial prejudice to public affairs (s30(c)); then the "
            "public interest test. "
            "Unlike FOIA's s36, no qualified person's opinion is needed."),
    "s31": ("national security and defence",
            "s31(1): exempt where required to safeguard national security; s31(4): substantial "
            "prejudice to defence. Both are subject to the public interest test."),
    "s32": ("international relations",
            "Substantial prejudice, then the public interest test."),
    "s33": ("commercial interests and the economy",
            "s33(1)(a), trade secrets: class-based; s33(1)(b), commercial interests, and s33(2), "
            "the economy: substantial prejudice. All are subject to the public interest test."),
    "s34": ("investigations by Scottish public authorities",
            "Class-based, subject to the public interest test."),
    "s35": ("law enforcement",
            "Substantial prejudice to the prevention or detection of crime (or another purpose "
            "the section lists), then the public interest test."),
    "s36": ("confidentiality",
            "s36(1), legal professional privilege: class-based, subject to the public interest "
            "test; s36(2), an actionable breach of confidence: absolute."),
    "s37": ("court records", "Absolute."),
    "s38": ("personal information",
            "Largely absolute: other people's personal data is withheld where data protection "
            "law forbids disclosure; your own is for a subject access request."),
    "s39": ("health, safety and the environment",
            "s39(1): disclosure would, or would be likely to, endanger someone's health or "
            "safety, subject to the public interest test; s39(2): environmental information, "
            "which is requested under the Environmental Information (Scotland) Regulations "
            "instead."),
    "s40": ("audit functions", "Substantial prejudice, then the public interest test."),
    "s41": ("communications with Her Majesty and honours",
            "Class-based, subject to the public interest test."),
}

_REVIEW = ("Review and appeal in Scotland (FOISA s20, s21, s47)\nAsk the authority to review its "
           "reply within 40 working days, saying why the exemption does not apply or what is "
           "missing; it must answer within 20 working days. Then apply to the Scottish "
           "Information Commissioner within six months, and on a point of law appeal to the "
           "Court of Session.")
# FOISA's duties and steps that are not exemptions
NOTES = {
    "s1": "FOISA s1 — the right of access\nAnyone may ask a Scottish public authority for "
          "information it holds, without saying why.",
    "s10": "FOISA s10 — time limits\nA Scottish authority must answer within 20 working days. "
           "Unlike FOIA, FOISA allows no extension to weigh the public interest.",
    "s15": "FOISA s15 — advice and assistance\nA Scottish authority must help requesters, for "
           "example by saying how a request that would cost more than £600 could be narrowed. "
           "Asking for it in the request (\"If answering would exceed the cost limit, please "
           "advise me under section 15 of the Freedom of Information (Scotland) Act how I could "
           "narrow the request.\") turns a flat refusal into advice.",
    "s16": "FOISA s16 — refusal notice\nA refusal must name the exemption, say why it applies "
           "and, for a qualified one, how the public interest was weighed; with it (s19) the "
           "authority must say how to ask for a review and apply to the Commissioner.",
    "s17": "FOISA s17 — information not held\nAn authority that does not hold the information "
           "must say so, with the same rights of review and appeal.",
    "s20": _REVIEW, "s21": _REVIEW, "s47": _REVIEW, "review": _REVIEW,
    "eisr": "EISR — the Environmental Information (Scotland) Regulations 2004\nEnvironmental "
            "information held by Scottish authorities is requested under the EISRs, not FOISA "
            "(FOISA s39(2)): no cost limit in hours (a burdensome request is 'manifestly "
            "unreasonable', r10(4)(b)), every exception but personal data (r11) carries a "
            "public interest test with a presumption in favour of disclosure, and advice is "
            "due under regulation 9.",
}
