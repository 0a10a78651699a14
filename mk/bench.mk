# The benchmark (bench/README.md): generated ledgers of three sizes, samv-check and
# samv-report against a bare libyaml pass (the floor) and against ajv-cli and Python
# jsonschema (the peers). Not part of `make check`.
#
#   make bench                                   county and middle
#   make bench BENCH_SIZES="county middle country"   and country (about 190 MB; takes long)
#   make bench-deps                              the peers only: npm and Debian packages
#   make bench-clean                             drop the generated ledgers
#
# BENCH_RUNS (5) and BENCH_PEER_RUNS (3; 1 at country) set how many runs give each median.

BENCH_SIZES ?= county middle
BENCH_RUNS ?= 5
BENCH_DATA ?= $(BUILD)/bench-data

.PHONY: bench bench-deps bench-clean

$(BUILD)/bench-floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -MF $@.d -o $@ $< $(shell pkg-config --libs yaml-0.1)

# Debian's /usr/bin/time, python3-yaml and python3-jsonschema; ajv-cli, ajv and
# ajv-formats from npm at the versions pinned in bench/package-lock.json.
bench-deps:
	$(Q)missing=""; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	/usr/bin/python3 -c 'import yaml' 2>/dev/null || missing="$$missing python3-yaml"; \
	/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || missing="$$missing python3-jsonschema"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "bench: installing$$missing" >&2; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >&2 || \
			{ apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >&2; } || exit 1; \
		else \
			echo "bench: missing packages. Run:  sudo apt-get install$$missing" >&2; exit 1; \
		fi; \
	fi
	$(Q)[ -x bench/node_modules/.bin/ajv ] || (cd bench && npm ci --no-audit --no-fund --loglevel=error)

bench: all $(BUILD)/bench-floor bench-deps
	$(Q)BUILD=$(BUILD) BENCH_SIZES="$(BENCH_SIZES)" BENCH_RUNS=$(BENCH_RUNS) BENCH_DATA=$(BENCH_DATA) \
		bash bench/run.sh

bench-clean:
	rm -rf $(BENCH_DATA) $(BUILD)/bench-results.md
