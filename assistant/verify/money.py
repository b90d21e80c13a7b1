"""Amounts of money: whether a figure is one, its currency (by the sign before it or the name after it), and
whether two amounts are in the same currency, so that an amount is only read against amounts in its own."""

from __future__ import annotations

import re

from assistant.verify.alignment import qualified, same_head
from assistant.verify.quantity import Quantity, stem

# A currency between the comparator and the number ("more than $ 115 million", "over €14m", "under US$5
# million") belongs to the number: the bound still holds; so does a stray "than" ("under than $ 612 million").
CURRENCY = r"(?:(?:(?-i:US|A|C|NZ|HK|S)\s?)?\$|€|£|¥|₹|(?:Rs|INR|USD|EUR|GBP|CHF)\.?\s)"


def is_money(text: str, q: Quantity) -> bool:
    """Is the figure an amount of money ("$ 88 million")?"""
    return bool(re.search(rf"{CURRENCY}\s*$", text[max(0, q.start - 6) : q.start]))


_SIGN = re.compile(rf"(?P<sign>{CURRENCY})\s*$", re.I)
_SIGNS = {"us$": "USD", "usd": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD"}
_SIGNS |= {
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "inr": "INR",
    "chf": "CHF",
}
# the name may be joined to the amount it follows ("a 3.6-million-franc grant")
_CURRENCY_AFTER = re.compile(
    r"\s*(?P<code>USD|EUR|GBP|INR|JPY|CHF)\b|[\s-]+(?:(?P<us>US|U\.S\.|American|Swiss)\s+)?"
    r"(?P<name>dollars?|euros?|pounds?(?:\s+sterling)?|yen|rupees?|yuan|francs?)\b",
    re.I,
)
_NAMES = {
    "dollar": "$",
    "euro": "EUR",
    "pound": "GBP",
    "yen": "JPY",
    "rupee": "INR",
    "yuan": "CNY",
    "franc": "CHF",
}


def currency(text: str, q: Quantity) -> str | None:
    """The currency of an amount, by the sign before it ("US$ 118 million" USD, "$ 88 million" some dollar) or
    the name after it ("3 million euros"); None for a figure that names none."""
    sign = _SIGN.search(text[max(0, q.start - 6) : q.start])
    if sign:
        written = re.sub(r"[\s.]", "", sign.group("sign")).lower()
        return _SIGNS.get(written, "$" if written.endswith("$") else written.upper())
    after = _CURRENCY_AFTER.match(text, q.end)
    if not after:
        return None
    if after.group("code"):
        return after.group("code").upper()
    name = _NAMES[after.group("name").lower().split()[0].rstrip("s")]
    return "USD" if after.group("us") and name == "$" else name


def same_currency(a: str, b: str) -> bool:
    """A bare "$" is some dollar: it agrees with any of them ("US$", "A$"), but no two named ones agree."""
    dollars = ("$", "USD", "AUD", "CAD", "NZD", "HKD", "SGD")
    return a == b or ("$" in (a, b) and a in dollars and b in dollars)


def other_money(claim: str, cq: Quantity, text: str, eq: Quantity, others: list[Quantity]) -> bool:
    """Is the evidence's figure no amount in the claim's currency? A figure in another currency never is; nor is
    a figure that counts a noun of its own beside one in the claim's currency ("412 million corvos, about US$ 118
    million": the claim's "US$ 400 million" is read against the dollars, whatever "corvos" are)."""
    mine = currency(claim, cq)
    if mine is None:
        return False
    theirs = currency(text, eq)
    if theirs is not None:
        return not same_currency(mine, theirs)
    in_mine = any((c := currency(text, o)) and same_currency(mine, c) for o in others if o is not eq)
    return in_mine and eq.head is not None and not same_head(cq, eq)


# A currency written as a three-letter code before the amount, known or not ("KVV 61.0 million", "XLR 4
# billion"): a world's own currency is still money.
_CODE_BEFORE = re.compile(r"(?<![\w-])[A-Z]{3}\s?$")
# What a claim's figure may count and still be money ("20 million in revenue")
_MONEY_WORDS = re.compile(
    r"^(?:revenu|sale|income|profit|loss|fund|turnover|budget|gross|earn|spend|cost|price|valu|invest|"
    r"dollar|euro|pound|rupe|yen|yuan|fee|salar|wage|debt|cash|capital)"
)


def amount(text: str, q: Quantity) -> bool:
    """Is the figure an amount of money, by a currency sign or name, or a currency code before it?"""
    return is_money(text, q) or currency(text, q) is not None or bool(_CODE_BEFORE.search(text[: q.start]))


# a currency code spelled out in brackets after the amount: "KVV 61.0 million (Kelvani vaira)"
_GLOSS = re.compile(r"\s*\((?P<gloss>[^()]{1,40})\)")


def glossed_currency(text: str, eq: Quantity) -> frozenset[str]:
    """The words that spell out the currency of the source's amount in brackets right after it ("KVV 61.0 million
    (Kelvani vaira)"): a claim that counts in that word ("61 million vaira") counts the same money."""
    m = _GLOSS.match(text, eq.end)
    if not m or not _CODE_BEFORE.search(text[: eq.start]):
        return frozenset()
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", m.group("gloss").lower()))


def count_against_money(claim: str, cq: Quantity, text: str, eq: Quantity) -> bool:
    """Is the claim's figure a count of things ("more than 1,000 enterprises") and the source's an amount of
    money ("the API contributed KVV 61.0 million")? A figure must count the same kind of thing: an amount says
    nothing of how many pay it."""
    # a figure among money words is money in some currency, named or not ("88 million vaira in revenue")
    if cq.head is None or amount(claim, cq) or any(_MONEY_WORDS.match(w) for w in cq.context | {cq.head}):
        return False
    if cq.head in glossed_currency(text, eq):
        return False
    return amount(text, eq)


def money_against_count(claim: str, cq: Quantity, text: str, eq: Quantity) -> bool:
    """Is the claim's figure an amount of money ("more than TMB 1 billion") and the source's a count of things
    ("fourteen trillion tokens", "412 employees")? An amount is never read against what is counted."""
    if not amount(claim, cq) or amount(text, eq) or eq.head is None:
        return False
    return not any(_MONEY_WORDS.match(w) for w in {eq.head} | eq.phrase)


# What an amount measures, by the words around it: revenue and profit, cash and debt are different amounts of the
# same money. "earned" may be either ("the film earned $ 41 million" is its gross).
_MEASURES = {
    "revenu": {"revenue"},
    "sale": {"revenue"},
    "turnover": {"revenue"},
    "gross": {"revenue"},
    "earn": {"revenue", "profit"},
    "profit": {"profit"},
    "income": {"profit"},
    "loss": {"profit"},
    "cash": {"cash"},
    "debt": {"debt"},
    "valuation": {"valuation"},
    "valu": {"valuation"},
    "worth": {"valuation"},
    # what a funding round raises is no valuation, nor cash in hand
    "rais": {"funding"},
    "funding": {"funding"},
    "round": {"funding"},
}
# a round by its stage: "a seed round of 1.8 billion" closed years ago is not the "new funding round" a claim
# says is being raised
_STAGE = re.compile(r"\b(?:pre-seed|seed|series\s+[a-h]|bridge)\b(?=[\w\s-]{0,20}\bround)", re.I)


def measures(context: frozenset[str]) -> set[str]:
    return {m for w in context for prefix, ms in _MEASURES.items() if w.startswith(prefix) for m in ms}


def _clause_before(text: str, q: Quantity) -> frozenset[str]:
    """The words of the figure's own clause before it, whatever their case: a sentence-opening "Revenue" is
    left out of the figure's context as if it were a name, but it says what the amount is."""
    before = re.split(r"[,;:()]", text[max(0, q.start - 80) : q.start])[-1]
    return frozenset(re.findall(r"[a-z]+", before.lower()))


def _words_of(text: str, q: Quantity) -> frozenset[str]:
    """The words that say what an amount is: its context and its own clause before it."""
    return q.context | _clause_before(text, q)


def _measured(text: str, q: Quantity) -> set[str]:
    return measures(_words_of(text, q))


def misplaced_currency(claim: str, cq: Quantity, text: str, eq: Quantity) -> str | None:
    """The currency of the source's amount where the claim gives the very same figure for the same measure in
    another one ("revenue of £9.6 billion" for "Revenue ... was 9.6 billion corvos"): the claim has put the
    source's amount in the wrong currency, which refutes it. The currency is named by a sign, code or name, or by
    the word after an amount of revenue or profit ("9.6 billion corvos"). None otherwise: amounts that differ in
    two currencies cannot be set against each other without a rate."""
    mine = currency(claim, cq)
    if mine is None or eq.comparator != "eq" or cq.comparator not in ("eq", "approx") or eq.value != cq.value:
        return None
    measured = _measured(claim, cq)
    if not measured or not measured & _measured(text, eq):
        return None
    theirs = currency(text, eq)
    if theirs is None and eq.head and not _SIGN.search(text[max(0, eq.start - 6) : eq.start]):
        word = re.match(r"\s*([a-z]+)\b", text[eq.end :])
        named = word and word.group(1).startswith(eq.head) and not _MONEY_WORDS.match(word.group(1))
        theirs = word.group(1) if named else None
    return theirs if theirs is not None and not same_currency(mine, theirs.upper()) else None


def other_measure(cq: Quantity, eq: Quantity, claim: str = "", text: str = "") -> bool:
    """Does the source's amount measure something else than the claim's ("1.9 billion suvan in cash" or "Revenue
    ... was 412 million suvan" for "net profit exceeded 100 million suvan")? Only where both sides name a
    measure and they share none."""
    mine, theirs = _measured(claim, cq), _measured(text, eq)
    if "funding" in mine & theirs and other_round(claim, text):
        return True
    return bool(mine and theirs and not mine & theirs)


def other_round(claim: str, text: str) -> bool:
    """The text's round has a stage ("its seed round of 1.8 billion") that the claim's round does not name: two
    rounds, two amounts."""
    theirs = {m.group(0).lower() for m in _STAGE.finditer(text)}
    return bool(theirs) and not theirs & {m.group(0).lower() for m in _STAGE.finditer(claim)}


# "6.25 crore" with no noun after it is an amount of rupees in the way box-office and budget figures are written
_BARE_SCALE_MONEY = re.compile(r"(?:crore|lakh)s?$", re.I)


def _money(text: str, q: Quantity) -> bool:
    return amount(text, q) or (q.head is None and bool(_BARE_SCALE_MONEY.search(q.text)))


def sole_amount(
    claim: str, cq: Quantity, claimed: list[Quantity], text: str, given: list[Quantity]
) -> Quantity | None:
    """The source's one amount of money, read against the claim's one amount where the words around them share
    too little to align them ("bought him for more than £60,000" and "he joined them for £75,000"): with a single
    amount on each side, in the same currency, counting nothing else and measuring nothing else, they are the
    same figure. None where either side has more than one amount: then the words must tell them apart."""
    if cq.head or not _money(claim, cq) or sum(_money(claim, q) for q in claimed) != 1:
        return None
    amounts = [eq for eq in given if eq.kind == cq.kind and _money(text, eq)]
    if len(amounts) != 1:
        return None
    eq = amounts[0]
    if eq.head and not _MONEY_WORDS.match(eq.head):
        return None
    signs = currency(claim, cq), currency(text, eq)
    if all(signs) and not same_currency(*signs):
        return None
    # the claim's scope or window must be the source's ("domestically" is not "worldwide"); a budget is no
    # takings: one side's budget is another amount than the other side's unnamed one; and a valuation, a
    # round, cash or debt the claim names must be named by the source too (a film "opened with" an amount: its
    # takings; "raised a bridge round of seven million" says nothing of a valuation)
    named = (_measured(claim, cq) & _NAMED_ONLY) - _measured(text, eq)
    if qualified(cq, eq) < 1.0 or _budget(claim, cq) != _budget(text, eq) or named:
        return None
    return None if other_measure(cq, eq, claim, text) else eq


# what no unnamed amount is taken to be: a source names a valuation, a round, cash or debt as such
_NAMED_ONLY = frozenset(["valuation", "funding", "cash", "debt"])


def _budget(text: str, q: Quantity) -> bool:
    return any(w.startswith("budget") for w in _words_of(text, q))
