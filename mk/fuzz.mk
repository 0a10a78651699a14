# Fuzzing targets (make fuzz FUZZ_SECONDS=N); filled in by tests/fuzz/.
