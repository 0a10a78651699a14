# samv — build, test, demo and install.
#
#   make            build samv-check (and samv-report) into build/
#   make check      build and run every test (unit, end to end, hook, JSON Schema suite)
#   make demo       check the example ledger in ledger/
#   make install    PREFIX=/usr/local DESTDIR=  (binaries, hook, schemas)
#   make install-hooks   install hooks/pre-commit into this repository's .git/hooks
#   make deps       install the Debian packages the build and the tests need (as root)
#   make check SANITIZE=1   the same suite under AddressSanitizer and UBSan
#   make check SANITIZE=thread   under ThreadSanitizer (files are loaded on several threads;
#                           SAMV_THREADS=2 makes even the small test ledgers use two)
#
# make check and make demo first install missing packages with apt-get when run as root
# (make deps); otherwise the exact command is printed and they stop. Nothing else installs:
# make and make install only name what is missing and stop (scripts/deps.sh).

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
JSONSCHEMA_SUITE ?= ../shared/jsonschema-test-suite
PEPPOL_KIT ?= ../shared/peppol
export PEPPOL_KIT

PKGS := yaml-0.1 libgit2 libpcre2-8
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -pthread
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

# Tests compare exact messages, so they run in English unless a case asks for a locale.
unexport LANGUAGE LC_ALL LC_MESSAGES
export LANG = C.UTF-8

WARN := -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Icmd/lib -I$(BUILD) -MMD -MP

# SANITIZE: the sanitizers to build with, a comma list as for -fsanitize (address,undefined;
# thread), or 1 for address,undefined. Each setting builds into a directory of its own, so
# that objects of two settings never meet in one program.
SANITIZERS := address undefined leak thread
comma := ,
empty :=
space := $(empty) $(empty)
ifeq ($(SANITIZE),1)
SAN_LIST := address undefined
else
SAN_LIST := $(sort $(subst $(comma),$(space),$(SANITIZE)))
endif
SAN_UNKNOWN := $(filter-out $(SANITIZERS),$(SAN_LIST))
ifneq ($(SAN_UNKNOWN),)
$(error SANITIZE=$(SANITIZE): unknown sanitizer "$(firstword $(SAN_UNKNOWN))"; \
	give a comma list of $(subst $(space),$(comma)$(space),$(SANITIZERS)), or 1 for address,undefined)
endif
ifneq ($(and $(filter thread,$(SAN_LIST)),$(filter address leak,$(SAN_LIST))),)
$(error SANITIZE=$(SANITIZE): thread cannot be combined with address or leak; build with SANITIZE=thread alone)
endif
ifneq ($(SAN_LIST),)
SAN_FLAG := -fsanitize=$(subst $(space),$(comma),$(SAN_LIST))
ALL_CFLAGS += $(SAN_FLAG) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += $(SAN_FLAG)
ifeq ($(SAN_LIST),address undefined)
BUILD := build-sanitize
else ifeq ($(SAN_LIST),thread)
BUILD := build-tsan
else
BUILD := build-sanitize-$(subst $(space),-,$(SAN_LIST))
endif
endif

ifneq ($(V),1)
Q = @
QUIET_CC = @echo "  CC      $@";
QUIET_LD = @echo "  LD      $@";
QUIET_GEN = @echo "  GEN     $@";
endif

# The library, one folder per layer (cmd/lib/layers says which may use which). The generated
# sources are built into the folder of the layer they belong to.
LIB_SRC := $(sort $(wildcard cmd/lib/*/*.c))
LIB_HDR := $(sort $(wildcard cmd/lib/*/*.h))
LIB_GEN := schema/schemas util/catalogs input/build_id
LIB_OBJ := $(LIB_SRC:cmd/lib/%.c=$(BUILD)/lib/%.o) $(LIB_GEN:%=$(BUILD)/lib/%.o)
PO_LANGS := sv en
MO := $(PO_LANGS:%=$(BUILD)/locale/%.mo)
LIB := $(BUILD)/libsamv.a
SCHEMAS := $(sort $(wildcard schema/*.schema.json))
CMDS := $(patsubst cmd/%.c,$(BUILD)/%,$(wildcard cmd/samv-*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

.PHONY: all check demo install install-hooks clean deps need-build need-tests unit e2e hooktest cachetest \
	suite peppol mantest obligationstest outtest maketest po potest layers
all: $(CMDS)

deps:
	$(Q)sh scripts/deps.sh install

# Nothing is compiled before what it needs is known to be installed: where a package is
# missing, the build stops saying which, rather than with a compiler error (and, under -j,
# never while make deps is still installing it). Order-only, so that these checks never make
# anything out of date. Named here, the objects of the commands and the unit tests are no
# longer intermediate files, which make deleted after each build and rebuilt on the next.
need-build:
	$(Q)sh scripts/deps.sh build

need-tests:
	$(Q)sh scripts/deps.sh tests

$(LIB_OBJ) $(CMDS:=.o) $(MO) $(BUILD)/tests/jsonschema-suite.o: | need-build
$(UNIT_BIN:=.o): | need-tests

$(BUILD)/lib/%.o: cmd/lib/%.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/lib/schema/schemas.c: $(SCHEMAS) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(QUIET_GEN)sh scripts/embed.sh schemas $(SCHEMAS) > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/schema/schemas.o: $(BUILD)/lib/schema/schemas.c
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c $< -o $@

# The gettext catalogues, checked by msgfmt (formats agree with the English) and embedded.
$(BUILD)/locale/%.mo: po/%.po
	@mkdir -p $(dir $@)
	$(QUIET_GEN)msgfmt --check -o $@ $<

$(BUILD)/lib/util/catalogs.c: $(MO) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(QUIET_GEN)sh scripts/embed.sh catalogs $(MO) > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/util/catalogs.o: $(BUILD)/lib/util/catalogs.c
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c $< -o $@

# The cache of loaded files (cmd/lib/input/cache.h) holds what this code made of them, with these
# schemas and messages: it is keyed by a digest of all of them.
BUILD_ID_INPUTS = VERSION $(LIB_SRC) $(LIB_HDR) $(SCHEMAS) $(PO_LANGS:%=po/%.po)
$(BUILD)/lib/input/build_id.c: $(BUILD_ID_INPUTS)
	@mkdir -p $(dir $@)
	$(QUIET_GEN)printf 'const char samv_build_id[] = "%s %s";\n' "$(VERSION)" \
		"$$(cat $(BUILD_ID_INPUTS) | sha256sum | cut -c1-32)" > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/input/build_id.o: $(BUILD)/lib/input/build_id.c
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c $< -o $@

# A thin archive: it names each object by its path, so that two layers may each have, say,
# a deadlines.o (the dates in ledger/, the rules that word them in rules/).
$(LIB): $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcsT $@ $^

$(BUILD)/%.o: cmd/%.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -DSAMV_VERSION='"$(VERSION)"' -c $< -o $@

$(BUILD)/samv-%: $(BUILD)/samv-%.o $(LIB)
	$(QUIET_LD)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB)
	$(QUIET_LD)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/jsonschema-suite: $(BUILD)/tests/jsonschema-suite.o $(LIB)
	$(QUIET_LD)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/jsonschema-suite.o: tests/jsonschema-suite.c
	@mkdir -p $(dir $@)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c $< -o $@

unit: $(UNIT_BIN)
	$(Q)set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

e2e: all
	$(Q)sh tests/e2e/run.sh $(BUILD)

hooktest: all
	$(Q)sh tests/hook/run.sh $(BUILD)

cachetest: all
	$(Q)sh tests/cache/run.sh $(BUILD)

outtest: all
	$(Q)sh tests/out/run.sh $(BUILD)

mantest: all
	$(Q)sh tests/man/run.sh $(BUILD)

# What make does with SANITIZE and missing packages, and that make and make install install nothing.
maketest:
	$(Q)sh tests/make/run.sh

# The check and the deadlines report agree on every obligation, at several dates.
obligationstest: all
	$(Q)sh tests/obligations/run.sh $(BUILD)

# Every e-invoice samv writes, for ledger/ and the fixtures, against the official PEPPOL
# rules (skipped with one line where the kit in PEPPOL_KIT is absent).
peppol: all
	$(Q)sh tests/peppol.sh $(BUILD)

suite: $(BUILD)/tests/jsonschema-suite
	$(Q)sh tests/jsonschema-suite.sh $(BUILD)/tests/jsonschema-suite "$(JSONSCHEMA_SUITE)"

# Re-extract po/samv.pot from the sources and merge it into the catalogues; translate what
# msgfmt --statistics then calls untranslated or fuzzy in po/sv.po. potest fails until that is done.
po:
	$(Q)sh scripts/po.sh update

potest:
	$(Q)sh scripts/po.sh check

# check and demo install what is missing first (make deps), and only then build.
check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory layers
	$(Q)$(MAKE) --no-print-directory maketest
	$(Q)$(MAKE) --no-print-directory potest
	$(Q)$(MAKE) --no-print-directory unit
	$(Q)$(MAKE) --no-print-directory suite
	$(Q)$(MAKE) --no-print-directory e2e
	$(Q)$(MAKE) --no-print-directory obligationstest
	$(Q)$(MAKE) --no-print-directory hooktest
	$(Q)$(MAKE) --no-print-directory cachetest
	$(Q)$(MAKE) --no-print-directory mantest
	$(Q)$(MAKE) --no-print-directory editortest
	$(Q)$(MAKE) --no-print-directory precommittest
	$(Q)$(MAKE) --no-print-directory peppol
	$(Q)$(MAKE) --no-print-directory receivers
	$(Q)$(MAKE) --no-print-directory badinput
	$(Q)$(MAKE) --no-print-directory fuzz-regressions
	$(Q)$(MAKE) --no-print-directory outtest

# The library's folders are layers (cmd/lib/layers): an include or a call that points up
# or across, files that use each other round a circle, or the library reading the
# environment fails the build's check, as git's banned.h makes a habit a build error.
layers: $(LIB_OBJ)
	$(Q)sh tests/layers/run.sh
	$(Q)sh scripts/layers.sh $(BUILD)

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(BUILD)/samv-check -C ledger
	$(BUILD)/samv-report site -C ledger --out $(BUILD)/site
	@echo "the site is in $(BUILD)/site/index.html"

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/samv/schema $(DESTDIR)$(PREFIX)/share/samv/hooks \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(CMDS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(SCHEMAS) $(DESTDIR)$(PREFIX)/share/samv/schema/
	install -m 755 hooks/pre-commit $(DESTDIR)$(PREFIX)/share/samv/hooks/
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 man/*.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 644 completions/samv.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/samv-check
	install -m 644 completions/samv.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/samv-report

install-hooks:
	$(Q)sh scripts/install-hooks.sh

clean:
	rm -rf build build-sanitize build-sanitize-* build-tsan build-fuzz

include mk/fuzz.mk
include mk/editor.mk
include mk/receivers.mk
include mk/bench.mk

-include $(LIB_OBJ:.o=.d) $(CMDS:=.d) $(UNIT_BIN:=.d) $(BUILD)/tests/jsonschema-suite.d
