"""The prior that likely exemptions fall back on fits the body (its kind's refusals) and the
question (cues for grounds the corpus rarely shows)."""

import pytest

from bot import evaluate as ev
from bot import risk


def _row(authority: str, sections: list[str], doc: str, outcome: str = "refused") -> dict:
    return {"authority": authority, "exemptions": sections, "outcome": outcome,
            "document_id": doc, "text": "q"}


ROWS = ([_row("West Yorkshire Police", ["s31(1)(a)"], f"p{i}") for i in range(60)]
        + [_row("Leeds City Council", ["s43(2)"], f"c{i}") for i in range(60)]
        + [_row("Leeds City Council", ["s21"], "c-answered", "answered")])


def test_a_police_draft_falls_back_on_police_grounds_and_a_council_draft_on_councils():
    prior = risk.SectionPrior.from_rows(ROWS)
    police = prior.for_authority("Greater Manchester Police")
    council = prior.for_authority("Bradford Council")
    assert police["s31"] > police["s43"]
    assert council["s43"] > council["s31"]
    assert "s21" not in council  # an answered question cites nothing


def test_no_authority_named_uses_the_corpus_wide_prior():
    prior = risk.SectionPrior.from_rows(ROWS)
    assert prior.for_authority(None) == {"s31": 0.5, "s43": 0.5}
    assert risk.section_prior(ROWS) == {"s31": 0.5, "s43": 0.5}


def test_a_kind_with_few_refusals_leans_on_the_corpus():
    rows = [*ROWS, _row("University of Leeds", ["s36"], "u1")]
    university = risk.SectionPrior.from_rows(rows).for_authority("University of Manchester")
    assert university["s36"] < university["s31"]
    assert abs(sum(university.values()) - 1.0) < 1e-9


def test_a_held_out_authority_does_not_feed_its_kinds_prior():
    rows = ROWS + [_row("Bradford Council", ["s40(2)"], f"b{i}") for i in range(40)]
    split = ev.SPLITS[1]  # leave-one-authority-out
    priors = ev._priors(rows, split)
    bradford = priors[rows.index(rows[-1])]
    leeds = priors[0 + 60]
    assert bradford.get("s40", 0.0) == 0.0
    assert leeds["s40"] > 0.0


def test_leave_one_document_out_hides_only_the_rows_own_document():
    rows = [*ROWS, _row("Bradford Council", ["s40(2)"], "b1"),
            _row("Bradford Council", ["s40(2)"], "b2")]
    priors = ev._priors(rows, ev.SPLITS[0])
    assert priors[-1]["s40"] > 0.0  # its authority's other document still counts
    lone = ev._priors(rows[:-1], ev.SPLITS[0])
    assert lone[-1].get("s40", 0.0) == 0.0


def test_no_authority_named_rows_get_the_corpus_prior_without_their_held_out_rows():
    rows = ROWS + [_row("Bradford Council", ["s40(2)"], f"b{i}") for i in range(40)]
    priors = ev._priors(rows, ev.SPLITS[1], named=False)  # leave-one-authority-out
    bradford, leeds, police = priors[-1], priors[60], priors[0]
    assert bradford == pytest.approx(risk.section_prior(ROWS))  # s31 and s43, no s40
    assert "s43" not in leeds  # Leeds's own refusals do not shape the mix it is scored by
    assert police == pytest.approx(risk.section_prior(rows[60:]))


def test_a_prior_less_a_held_out_authority_is_the_prior_built_without_it():
    rows = [*ROWS, _row("Bradford Council", ["s40(2)", "s43"], "b1"),
            _row("Greater Manchester Police", ["s30"], "g1"), _row("University of Leeds",
                                                                  ["s36"], "u1")]
    full = risk.SectionPrior.from_rows(rows)
    for held in ("Leeds City Council", "Bradford Council", "University of Leeds"):
        mine = [r for r in rows if r["authority"] == held]
        rest = [r for r in rows if r["authority"] != held]
        without = full.minus(risk.SectionPrior.from_rows(mine))
        for addressee in (None, "Wakefield Council", "Cumbria Police", "University of York"):
            built = risk.SectionPrior.from_rows(rest).for_authority(addressee)
            shrunk = {s: p for s, p in without.for_authority(addressee).items() if p > 0}
            assert shrunk == pytest.approx({s: p for s, p in built.items() if p > 0}), \
                (held, addressee)


def test_a_kinds_mix_is_its_own_shrunk_toward_the_corpus_by_the_pseudo_count():
    rows = [*ROWS, _row("University of Leeds", ["s36"], "u1"),
            _row("University of Leeds", ["s36", "s43"], "u2")]
    university = risk.SectionPrior.from_rows(rows).for_authority("Leeds Beckett University")
    corpus = risk.section_prior(rows)  # s31 60, s43 61, s36 2 of 123 citations
    own, mass, pseudo = {"s36": 2, "s43": 1}, 3, risk.KIND_PRIOR_PSEUDO
    assert university == pytest.approx(
        {s: (own.get(s, 0) + pseudo * share) / (mass + pseudo) for s, share in corpus.items()})


def test_a_kinds_mix_counts_refused_questions_so_its_busiest_authority_leads_it():
    """Counting each request or each authority once was measured and lost (see
    KIND_PRIOR_PSEUDO): an authority's other requests are the best guide to its next one."""
    rows = ([_row("Sheffield City Council", ["s12"], "sheffield") for _ in range(200)]
            + [_row(f"{town} Council", ["s21"], f"{town}-1") for town in ("Leeds", "York", "Hull")])
    council = risk.SectionPrior.from_rows(rows).for_authority("Sheffield City Council")
    assert council["s12"] > council["s21"]


def test_rare_grounds_are_pointed_at_by_their_wording():
    cues = risk.exemption_cues
    assert {"s24", "s26"} <= set(cues("How many nuclear weapons are stored at RAF Lakenheath?"))
    assert "s43" in cues("How much was paid per night per room at each hotel?")
    assert "s43" in cues("What hourly rate is paid to agency social workers?")
    assert "s40" in cues("Please provide copies of the NDAs themselves.")
    assert "s40" in cues("How much was paid in settlement agreements in each year?")
    assert "s38" in cues("Please list every hotel used to house asylum seekers, with its address.")


def test_rare_ground_cues_are_weaker_than_the_established_ones_and_stay_quiet_elsewhere():
    assert risk.exemption_cues("How much was paid per night at each hotel?")["s43"] \
        < risk.CUE_WEIGHT
    assert risk.exemption_cues("Please provide the pricing schedule.")["s43"] == risk.CUE_WEIGHT
    for q in ("How many parking fines were issued in 2023?",
              "What was the MoD's spend on hospitality in 2023/24?",
              "How many hotels does the council license?"):
        assert risk.exemption_cues(q) == {}, q


def test_a_per_night_price_ranks_s43_over_the_corpus_prior_when_no_neighbour_cites():
    corpus = {"s12": 0.35, "s31": 0.3, "s21": 0.15, "s40": 0.1, "s43": 0.1}  # the corpus's mix
    likely = risk.likely_exemptions([], 0.5, 2, corpus,
                                    risk.exemption_cues("How much was paid per night per room?"))
    assert likely[0]["section"] == "s43"


def test_figures_an_official_series_publishes_point_at_s21():
    from bot.risk import exemption_cues

    assert "s21" in exemption_cues("How many asylum applications were received in 2023, by "
                                   "nationality?")
    assert "s21" in exemption_cues("How many recorded crimes were there in Leeds in 2023?")
    assert "s21" in exemption_cues("What were the A&E waiting times in March 2024?")
    assert "s21" not in exemption_cues("How many CCTV cameras does the council operate?")
    assert "s21" not in exemption_cues("Which figures will be published next year?")


def test_complaints_of_harassment_against_staff_point_at_s40():
    from bot.risk import exemption_cues

    assert "s40" in exemption_cues("How many complaints of sexual harassment against staff did "
                                   "the university receive in 2022?")
    assert "s40" in exemption_cues("How many grievances about bullying were raised in 2023?")
    assert "s40" not in exemption_cues("How many complaints about potholes were made in 2023?")


def test_a_ministers_own_messages_point_at_s35():
    from bot.risk import exemption_cues

    assert "s35" in exemption_cues("all emails and WhatsApp messages between the Health "
                                   "Secretary and PPE suppliers in 2020")
    assert "s35" in exemption_cues("Please provide the ministerial correspondence on HS2.")
    assert "s35" not in exemption_cues("How many emails did the council receive in 2023?")


def test_copies_of_contracts_point_at_s43():
    from bot.risk import exemption_cues

    assert "s43" in exemption_cues("Please provide copies of all research contracts with "
                                   "Huawei, including the value of each contract.")
    assert "s43" in exemption_cues("A copy of the cleaning contract, please.")
    assert "s43" not in exemption_cues("How many contracts did the council award in 2023?")


def test_one_persons_pay_points_at_s40():
    from bot.risk import exemption_cues

    assert "s40" in exemption_cues("What are the salaries of each partner?")
    assert "s40" in exemption_cues("Please give each GP's drawings for 2023.")
    assert "s40" not in exemption_cues("What was the total pay bill for GPs in 2023?")


def test_an_official_series_lowers_the_risk_as_published_figures_do():
    from bot.risk import cues

    published = "asks for figures usually published (recorded crime, budgets, workforce)"
    assert published in cues("How many deaths in police custody were there in 2023?")[1]
    assert published in cues("What were the A&E waiting times in March 2024?")[1]
    assert published not in cues("Which firewall does the council use?")[1]
