"""The Environmental Information Regulations: which drafts they govern, and their wording.

Environmental information (emissions, water, air, land, waste, noise, and plans affecting
them) is requested under the EIR whatever the request cites: no cost limit in hours, a
'manifestly unreasonable' exception instead, and advice due under regulation 9. Pure logic.
"""

from __future__ import annotations

import re

_EIR = re.compile(r"\b(?i:environmental information regulations)\b|\bEIR\b")
EIR_SENTENCE = ("If answering would be manifestly unreasonable, please advise me under "
                "regulation 9 of the Environmental Information Regulations how I could narrow "
                "the request.")
# what the Environmental Information Regulations cover, whatever the request calls itself:
# emissions, water, air, land, waste, noise, natural sites, and plans and measures affecting them
_ENVIRONMENTAL = re.compile(
    r"\b(?:sewage|pollut\w*|emissions?|air quality|water quality|rivers?|flood(?:ing|s)?|"
    r"contaminat\w*|pesticides?|biodiversity|habitats?|noise (?:complaints?|levels?|nuisance)|"
    r"landfill|fly[- ]?tipping|waste (?:collection|disposal|management|sites?)|recycling|"
    r"planning (?:applications?|permission)|environmental impact|carbon|net zero|trees?|"
    # the climate itself, not 'climate protest groups'
    r"climate (?:change|emergency|action|targets?|strategy|plan|adaptation)|"
    r"green ?belt|bypass|road scheme|highways? scheme|low traffic neighbourhoods?|ltns?)\b", re.I)


def is_environmental(text: str) -> bool:
    """Whether a draft is about environmental information, which the EIR govern (an FOI
    request for it is handled under them whatever it cites)."""
    return bool(_EIR.search(text) or _ENVIRONMENTAL.search(text))


EIR_NOTE = ("Environmental information (EIR): there is no cost limit; the nearest ground is "
            "'manifestly unreasonable' (regulation 12(4)(b)), every exception but personal data "
            "(regulation 13) carries a public interest test with a presumption in favour of "
            "disclosure, and advice and assistance is due under regulation 9. Where this check "
            "names FOIA sections, read the EIR exception that matches (s12 as r12(4)(b), s40 as "
            "r13, s43 as r12(5)(e)).")
