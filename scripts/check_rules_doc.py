"""Print the table of zuhause check's rules for docs/check.md (run after changing a rule)."""

from __future__ import annotations

from zuhause.checking.rules import ALL_RULES


def main() -> None:
    print("| id | level | what it finds | why it matters |")
    print("| --- | --- | --- | --- |")
    for rule in ALL_RULES:
        texts = rule.texts("en")
        message = texts.message.replace("{", "‹").replace("}", "›").replace("|", "\\|")
        why = texts.why.replace("{", "‹").replace("}", "›").replace("|", "\\|")
        print(f"| `{rule.id}` | {rule.level} | {message} | {why} |")


if __name__ == "__main__":
    main()
