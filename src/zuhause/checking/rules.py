"""Every rule of `zuhause check`, family by family."""

from __future__ import annotations

from .findings import Rule
from .rules_conversation import RULES as CONVERSATION
from .rules_craft import RULES as CRAFT
from .rules_identity import RULES as IDENTITY
from .rules_person import RULES as PERSON
from .rules_placeholders import RULES as PLACEHOLDERS
from .rules_privacy import RULES as PRIVACY
from .rules_safety import RULES as SAFETY
from .rules_trades import RULES as TRADES

ALL_RULES: list[Rule] = [*PLACEHOLDERS, *PERSON, *CONVERSATION, *PRIVACY, *TRADES, *IDENTITY, *SAFETY, *CRAFT]

assert len({rule.id for rule in ALL_RULES}) == len(ALL_RULES), "rule ids must be unique"
