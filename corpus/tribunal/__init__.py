"""Parse one First-tier Tribunal (Information Rights) decision record into a `Document`.

A record (see ``shared/corpus/README.md``) carries metadata (reference, date, case title,
appeal outcome...) and the whole decision as layout-preserving PDF text. The metadata is
trusted where it is filled; the rest is read from the text with fast heuristics (about 4 ms
a record: only the first 40,000 characters are read for the request and the parties, the
first 80,000 for the exemptions). Pure: no file I/O.

One module per thing read, each docstring saying how:

* ``record`` checks a record and assembles the `Document` (`parse_tribunal_record`);
* ``text`` cleans the PDF layout and holds the cheap scans the readers share;
* ``metadata`` reads the date, reference and regime (FOIA or EIR);
* ``names`` tells people, organisations and public bodies apart;
* ``case_title``, ``header`` and ``parties`` find the parties and who appealed;
* ``authority`` finds the public authority the request went to;
* ``request_quote``, ``request_summary`` and ``request`` find what was asked for;
* ``exemptions_at_issue`` reads the exemptions the decision is about;
* ``result`` says whether the refusal survived;
* ``redact`` takes private names and e-mail addresses out of what is stored.
"""

from corpus.tribunal.exemptions_at_issue import MAX_EXEMPTIONS
from corpus.tribunal.record import parse_tribunal_record
from corpus.tribunal.redact import APPELLANT, EMAIL, REQUESTER, redact_text
from corpus.tribunal.request_quote import MAX_REQUEST_CHARS

__all__ = [
    "APPELLANT",
    "EMAIL",
    "MAX_EXEMPTIONS",
    "MAX_REQUEST_CHARS",
    "REQUESTER",
    "parse_tribunal_record",
    "redact_text",
]
