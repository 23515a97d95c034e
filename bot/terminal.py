"""`foi-assistant chat`: the conversation on stdin/stdout, one line at a time.

A draft can span several lines: paste it and end it with an empty line. Ends on EOF or quit.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot.conversation import Conversation, Session, continues, period_in_prose, small_talk
from bot.greeting import greeted
from corpus.split import SALUTATION as _SALUTATION
from corpus.split import clean_request

PROMPT = "> "
_QUIT = ("quit", "exit", "/quit")


def run_chat(conversation: Conversation, stdin: TextIO | None = None,
             stdout: TextIO | None = None, interactive: bool = False) -> int:
    # the streams are looked up when the chat starts, not when this module was imported
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    session = Session()
    stdout.write("FOI request assistant. Paste a draft (end with an empty line), or type help.\n")
    buffer: list[str] = []
    pushed: list[str] = []  # a line read ahead that belongs to what comes next
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
        # a command is answered at once, and ends a draft being pasted without its empty line
        # (the draft is checked first); anything else opens a draft, which ends at an empty
        # line ('What is the council's budget for ...?' is a draft's first line)
        command = line.strip().lower() in _QUIT or conversation.is_command(line)
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
        if buffer and not interactive:
            # piped in whole: a letter with blank lines between its numbered parts is one
            # draft, checked once, not once per paragraph
            ahead = _next_filled(stdin)
            if ahead and continues("\n".join(buffer), ahead):
                buffer += ["", ahead.rstrip("\n")]
                continue
            pushed.extend([ahead] if ahead else [])
        if buffer:
            stdout.write(conversation.respond(session, "\n".join(buffer)) + "\n")
            buffer = []


def _addressed_only(buffer: list[str]) -> bool:
    """Whether what is pasted so far is only a letter's addressee ('To the Home Office,', 'FAO
    Kent Police:'): the letter's opening, never a draft of its own."""
    line = " ".join(buffer).strip()
    return (len(buffer) == 1 and line.endswith((",", ":")) and "?" not in line
            and greeted(line + "\n") is not None)


def _next_filled(stdin: TextIO) -> str:
    """The next line that is not empty ('' at the end of the input)."""
    while (line := stdin.readline()) and not line.strip():
        pass
    return line
