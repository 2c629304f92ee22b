"""Developer tools: sample data, screenshots."""
