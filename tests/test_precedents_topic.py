"""`precedents` says so when nothing it found is on the query's topic, instead of passing the
nearest wording off as what happened when people asked."""

from __future__ import annotations

from bot.advice import off_topic_note
from index.search import Precedent


def _p(question: str, similarity: float, title: str | None = None) -> Precedent:
    return Precedent(id="1", question=question, authority="Sheffield City Council", date=None,
                     reference=None, outcome="answered", exemptions=(), similarity=similarity,
                     source_url=None, title=title)


def test_hits_that_share_no_topic_word_with_the_query_are_called_nearest_wording_only():
    found = [_p("LCD representations on fees for the Living Wage", 0.44),
             _p("amount paid to CHIS over the last five years, by year", 0.38)]
    note = off_topic_note("vice-chancellor pay", found)
    assert note and "Nothing on record is on the topic of \"vice-chancellor pay\"" in note


def test_one_hit_on_the_topic_or_very_close_is_enough_for_no_warning():
    assert off_topic_note("ransomware attacks", [
        _p("LCD representations", 0.5), _p("How many ransomware attacks in 2022?", 0.6)]) is None
    assert off_topic_note("ransomware attacks", [_p("cyber incidents last year", 0.82)]) is None
    # the request's title counts: 'services (part of: Cyber attacks)' is about cyber attacks
    assert off_topic_note("cyber attacks", [_p("services", 0.5, "FOI 1180 Cyber attacks")]) is None
    assert off_topic_note("anything", []) is None


def test_the_cli_prints_no_warning_over_precedents_on_the_topic(cli, built):
    code, out, _ = cli("--config", str(built), "precedents", "ransomware attacks")
    assert code == 0 and "ransomware" in out.lower()
    assert "Nothing on record is on the topic" not in out


class _NearestOnlyAdvisor:
    """An advisor whose corpus holds nothing on the topic asked: only far wording."""

    def precedents(self, topic: str, authority: str | None = None, k: int = 5) -> list:
        return [_p("LCD representations on fees for the Living Wage", 0.44)]


def test_the_chat_warns_too_when_nothing_found_is_on_the_topic():
    from bot.conversation import Conversation, Session

    reply = Conversation(_NearestOnlyAdvisor()).respond(Session(), "precedents vice-chancellor pay")
    assert reply.startswith("Nothing on record is on the topic of \"vice-chancellor pay\"")
    assert "LCD representations" in reply
