// AttuneAudio: see docs/ARCHITECTURE.md for what this module owns and what it may import.
