# Fuzzing, bad input and memcheck (tests/fuzz/, tests/badinput/). Included by the Makefile.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="load schema rules report cache csv"]
#        build the libFuzzer targets with clang (-fsanitize=fuzzer,address,undefined) into
#        build-fuzz/, seed them from the fixtures (tests/fuzz/seed.sh) and run each for
#        FUZZ_SECONDS; the corpus grows in build-fuzz/corpus/TARGET, a crash is written to
#        build-fuzz/crashes/TARGET/ (keep it as tests/fuzz/regressions/TARGET/NAME)
#   make fuzz-regressions   each harness once over tests/fuzz/regressions/TARGET/, built
#        with $(CC) against this build's library (fast; sanitized under SANITIZE=1)
#   make badinput   huge, deep, binary and special inputs end to end (tests/badinput/run.sh)
#   make memcheck   every e2e case under valgrind memcheck (tests/badinput/memcheck.sh)
#   make clean-fuzz remove build-fuzz/ (its corpus too)

.PHONY: fuzz fuzz-build fuzz-regressions badinput memcheck clean-fuzz

FUZZ_BUILD ?= build-fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= load schema rules report cache csv
# -timeout: an input that takes longer is a finding (SPEC: every file within 10 seconds).
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=2048 -dict=tests/fuzz/samv.dict
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -g -O1 $(FUZZ_SAN) $(PKG_CFLAGS) -Icmd/lib \
	-I$(FUZZ_BUILD) -MMD -MP
FUZZ_LIB_OBJ := $(LIB_SRC:cmd/lib/%.c=$(FUZZ_BUILD)/lib/%.o) $(FUZZ_BUILD)/lib/schema/schemas.o \
	$(FUZZ_BUILD)/lib/util/catalogs.o $(FUZZ_BUILD)/lib/input/build_id.o
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

# The library with coverage instrumentation only; libFuzzer's main is linked into each target.
$(FUZZ_BUILD)/lib/%.o: cmd/lib/%.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

# The generated sources are the main build's.
$(FUZZ_BUILD)/lib/schema/schemas.o: $(BUILD)/lib/schema/schemas.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_BUILD)/lib/util/catalogs.o: $(BUILD)/lib/util/catalogs.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_BUILD)/lib/input/build_id.o: $(BUILD)/lib/input/build_id.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_BINS:=.o): $(FUZZ_BUILD)/%.o: tests/fuzz/%.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -Itests/fuzz -fsanitize=fuzzer-no-link -c $< -o $@

# The whole-ledger targets read the embedded schemas on every run; without coverage
# in the JSON reader (fuzz_load and fuzz_schema cover it) they run twice as fast.
$(FUZZ_BUILD)/lib-nocov/input/json.o: cmd/lib/input/json.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

FUZZ_LEDGER_OBJ := $(filter-out $(FUZZ_BUILD)/lib/input/json.o,$(FUZZ_LIB_OBJ)) $(FUZZ_BUILD)/lib-nocov/input/json.o

$(FUZZ_BUILD)/fuzz_load $(FUZZ_BUILD)/fuzz_schema $(FUZZ_BUILD)/fuzz_cache $(FUZZ_BUILD)/fuzz_csv: %: %.o $(FUZZ_LIB_OBJ)
	$(QUIET_LD)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

$(FUZZ_BUILD)/fuzz_rules $(FUZZ_BUILD)/fuzz_report: %: %.o $(FUZZ_LEDGER_OBJ)
	$(QUIET_LD)$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

fuzz-build: need-build
	$(Q)command -v $(FUZZ_CC) > /dev/null 2>&1 || { echo "fuzz: $(FUZZ_CC) not found; install it with: apt-get install clang libclang-rt-dev (set FUZZ_CC=clang-NN for another)"; exit 1; }
	$(Q)$(MAKE) --no-print-directory $(FUZZ_BINS)

fuzz: fuzz-build
	$(Q)sh tests/fuzz/seed.sh $(FUZZ_BUILD)/seeds
	$(Q)set -e; for t in $(FUZZ_TARGETS); do \
		seeds=$(FUZZ_BUILD)/seeds/$$t; [ "$$t" = report ] && seeds=$(FUZZ_BUILD)/seeds/rules; \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/crashes/$$t; \
		echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ_BUILD)/fuzz_$$t $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crashes/$$t/ $(FUZZ_BUILD)/corpus/$$t $$seeds \
			$$( [ -d tests/fuzz/regressions/$$t ] && echo tests/fuzz/regressions/$$t ) \
			2> $(FUZZ_BUILD)/fuzz_$$t.log || { tail -60 $(FUZZ_BUILD)/fuzz_$$t.log; \
			echo "fuzz_$$t found a problem: see $(FUZZ_BUILD)/crashes/$$t/ and $(FUZZ_BUILD)/fuzz_$$t.log"; exit 1; }; \
		grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done' $(FUZZ_BUILD)/fuzz_$$t.log || true; \
	done

# Replay: the same harnesses with the ordinary compiler and a plain main (tests/fuzz/replay.c).
FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay/fuzz_%)

$(FUZZ_REPLAY:=.o) $(BUILD)/fuzz-replay/replay.o: $(BUILD)/fuzz-replay/%.o: tests/fuzz/%.c | need-build
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -Itests/fuzz -c $< -o $@

$(FUZZ_REPLAY): %: %.o $(BUILD)/fuzz-replay/replay.o $(LIB)
	$(QUIET_LD)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

fuzz-regressions: $(FUZZ_REPLAY)
	$(Q)set -e; for t in $(FUZZ_TARGETS); do \
		if [ -d tests/fuzz/regressions/$$t ]; then \
			$(BUILD)/fuzz-replay/fuzz_$$t tests/fuzz/regressions/$$t; \
		else \
			echo "fuzz_$$t: no regression inputs"; \
		fi; \
	done

clean-fuzz:
	rm -rf $(FUZZ_BUILD)

badinput: all
	$(Q)sh tests/badinput/run.sh $(BUILD)

memcheck: all
	$(Q)sh tests/badinput/memcheck.sh $(BUILD)

-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BUILD)/lib-nocov/json.d $(FUZZ_BINS:=.d) $(FUZZ_REPLAY:=.d) $(BUILD)/fuzz-replay/replay.d
