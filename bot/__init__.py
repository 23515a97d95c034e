"""The assistant: the draft check and its faces (CLI, terminal chat, Telegram)."""
