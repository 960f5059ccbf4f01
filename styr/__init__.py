"""Styr: open goal and result governance for Swedish municipalities."""
