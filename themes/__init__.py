"""The themes that come with zuhause (installed as zuhause.builtin_themes)."""
