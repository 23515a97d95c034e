"""`foi-assistant chat`: the conversation on stdin/stdout, one line at a time.

A draft can span several lines: paste it and end it with an empty line. A letter ('Dear ...')
is taken whole, blank lines between its paragraphs and all: it ends at its sign-off, at two
empty lines, or at a command. Ends on EOF or quit.
"""

from __future__ import annotations

import select
import sys
from typing import TextIO

from bot.conversation import (
    Conversation,
    Session,
    goes_on,
    open_letter,
    opens_letter,
    period_in_prose,
    small_talk,
)
from bot.greeting import greeted
from corpus.split import SALUTATION as _SALUTATION
from corpus.split import clean_request

PROMPT = "> "
_QUIT = ("quit", "exit", "/quit")
LETTER_OPEN = ("(Your letter goes on: paste or type its next paragraph, or press Enter again to "
               "check it.)")


def run_chat(conversation: Conversation, stdin: TextIO | None = None,
             stdout: TextIO | None = None, interactive: bool = False) -> int:
    # the streams are looked up when the chat starts, not when this module was imported
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    session = Session()
    stdout.write("FOI request assistant. Paste a draft (end with an empty line), or type help.\n")
    buffer: list[str] = []
    pushed: list[str] = []  # a line read ahead that belongs to what comes next
    held = False  # a typed letter's paragraph ended: the next line carries it on or ends it

    def is_command(line: str) -> bool:
        return line.strip().lower() in _QUIT or conversation.is_command(line)

    while True:
        if interactive and not buffer:
            stdout.write(PROMPT)
            stdout.flush()
        line = pushed.pop() if pushed else stdin.readline()
        if not line:  # a sign-off left at the end ('Yours, Jo') is no draft
            if buffer and clean_request("\n".join(buffer)):
                stdout.write(conversation.respond(session, "\n".join(buffer)) + "\n")
            return 0
        line = line.rstrip("\n")
        if held:  # typed: the letter's next paragraph, or an empty line or a command ends it
            held = False
            if line.strip() and goes_on("\n".join(buffer), line, is_command(line)):
                buffer.append("")
            else:
                stdout.write(conversation.respond(session, "\n".join(buffer)) + "\n")
                buffer = []
                if not line.strip():
                    continue
        # a command is answered at once, and ends a draft being pasted without its empty line
        # (the draft is checked first); anything else opens a draft, which ends at an empty
        # line ('What is the council's budget for ...?' is a draft's first line)
        command = is_command(line)
        if command and not buffer and _salutes(line) and (not interactive or _pending(stdin)):
            command = False  # 'Hello,' with more pasted after it opens a letter, no small talk
        if buffer and (small_talk(line) is not None or period_in_prose("\n".join(buffer), line)):
            command = False  # 'Hi,' or 'And for 2023?' inside a letter being pasted is its own
        if buffer and command:
            stdout.write(conversation.respond(session, "\n".join(buffer)) + "\n")
            buffer = []
        if line.strip().lower() in _QUIT:
            stdout.write("Goodbye.\n")
            return 0
        if command:
            stdout.write(conversation.respond(session, line) + "\n")
            continue
        if line.strip():
            buffer.append(line)
            continue
        if buffer and _addressed_only(buffer):
            continue  # 'To the Home Office,' on its own line opens the letter that follows
        if buffer and not clean_request("\n".join(buffer)):
            # a pasted letter's 'Dear Council,' paragraph opens the draft, its 'Yours
            # faithfully, Jane' after it says nothing: neither is a draft of its own
            if not _SALUTATION.match(buffer[0]):
                buffer = []
            continue
        if buffer and (not interactive or _pending(stdin)):
            # piped or pasted in whole: a letter with blank lines between its paragraphs is
            # one draft, checked once, not once per paragraph
            ahead, gap = _next_filled(stdin, interactive)
            if ahead and goes_on("\n".join(buffer), ahead, is_command(ahead), gap):
                buffer += ["", ahead.rstrip("\n")]
                continue
            pushed.extend([ahead] if ahead else [])
            if interactive and not ahead and not gap and open_letter("\n".join(buffer)):
                held = True  # the paste ended at the paragraph: the user may type on
        elif buffer and open_letter("\n".join(buffer)):
            held = True  # typed: a letter goes on until its sign-off or another empty line
        if held:
            stdout.write(LETTER_OPEN + "\n")
            continue
        if buffer:
            stdout.write(conversation.respond(session, "\n".join(buffer)) + "\n")
            buffer = []


def _salutes(line: str) -> bool:
    """'Hello,', 'Good morning,': a letter's salutation, as 'hello' typed alone is not."""
    return line.strip().endswith(",") and small_talk(line) is not None \
        and opens_letter(line)


def _pending(stdin: TextIO) -> bool:
    """Whether more input is already waiting: the rest of a paste, not a line still to be
    typed (a terminal delivers a pasted letter at once, a typed one a line at a time)."""
    try:
        return bool(select.select([stdin], [], [], 0.05)[0])
    except (OSError, ValueError, TypeError):
        return False


def _addressed_only(buffer: list[str]) -> bool:
    """Whether what is pasted so far is only a letter's addressee ('To the Home Office,', 'FAO
    Kent Police:'): the letter's opening, never a draft of its own."""
    line = " ".join(buffer).strip()
    return (len(buffer) == 1 and line.endswith((",", ":")) and "?" not in line
            and greeted(line + "\n") is not None)


def _next_filled(stdin: TextIO, interactive: bool = False) -> tuple[str, int]:
    """The next line that is not empty ('' at the end of the input, or, in a terminal, at the
    end of what was pasted), and how many empty lines came before it."""
    gap = 0
    while (not interactive or _pending(stdin)) and (line := stdin.readline()):
        if line.strip():
            return line, gap
        gap += 1
    return "", gap
