"""Pure domain rules: value types, validation and calendar maths (no Qt, no SQL)."""
