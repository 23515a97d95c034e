"""The corpus: what was asked of UK public authorities, and what came back."""
