# newsdesk - plain Makefile. Targets: all run check unit e2e fuzz
# fuzz-smoke bench deps clean. SANITIZE=1 builds with ASan+UBSan (clang)
# into build/san.

VERSION   = 0.1.0
PKGS      = libmicrohttpd sqlite3 libxml-2.0 jansson libcurl icu-uc icu-i18n libsodium gmime-3.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm

WARN      = -Wall -Wextra -Wpedantic -Wformat=2 -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter -Werror
DEFS      = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DND_VERSION='"$(VERSION)"'
HARDEN    = -fstack-protector-strong -fPIE

ifdef SANITIZE
CC        = clang
BUILD    ?= build/san
OPT       = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
            -fno-sanitize-recover=undefined
LDSAN     = -fsanitize=address,undefined
else
CC       ?= cc
BUILD    ?= build
OPT       = -O2 -g -D_FORTIFY_SOURCE=2
LDSAN     =
endif

CFLAGS   += -std=c11 $(WARN) $(DEFS) $(HARDEN) $(OPT) -Isrc $(PKG_CFLAGS)
LDFLAGS  += -pie -Wl,-z,relro,-z,now $(LDSAN)

# LIBSRC narrows the library to some folders or files while a module is
# being written (make LIBSRC='src/util src/store/article.c' ...).
LIBSRC   ?= src
LIB_SRC   := $(sort $(filter-out src/cli/%,$(shell find $(LIBSRC) -name '*.c')))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_SRC   := $(sort $(wildcard src/cli/*.c))
CLI_OBJ   := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC  := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN  := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_OBJ  := $(LIB_SRC:%.c=build/fuzz/obj/%.o)
FUZZ_SECONDS ?= 5

.PHONY: all run check unit san-unit e2e browser fuzz fuzz-smoke bench deps \
        deps-run banned clean

all: $(BUILD)/newsdesk

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libnewsdesk.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/newsdesk: $(CLI_OBJ) $(BUILD)/libnewsdesk.a
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libnewsdesk.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libnewsdesk.a $(PKG_LIBS) -lcmocka

# bench/NAME.c: a benchmark driver linked with the library.
$(BUILD)/bench/%: bench/%.c $(BUILD)/libnewsdesk.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libnewsdesk.a $(PKG_LIBS)

# parse_bench compares parsers; gumbo is optional (not a dependency).
GUMBO     := $(shell pkg-config --exists gumbo 2>/dev/null && echo yes)
$(BUILD)/bench/parse_bench: bench/parse_bench.c $(BUILD)/libnewsdesk.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(if $(GUMBO),-DHAVE_GUMBO) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libnewsdesk.a $(PKG_LIBS) $(if $(GUMBO),-lgumbo)

deps:
	@scripts/deps.sh check

deps-run:
	@scripts/deps.sh run

run: deps-run
	@$(MAKE) --no-print-directory all
	@scripts/run.sh

unit: $(TEST_BIN)
	@tests/run-unit.sh $(BUILD) unit

san-unit:
	@$(MAKE) --no-print-directory SANITIZE=1 unit

e2e: $(BUILD)/newsdesk
	@tests/e2e/run.sh $(BUILD)/newsdesk

# playwright-core + axe-core (tests/browser/package.json) with chromium
browser: $(BUILD)/newsdesk
	@tests/browser/run.sh $(BUILD)/newsdesk

banned:
	@scripts/banned.sh

# The whole suite; the last line is "check: N passed, N failed".
check: deps
	@rm -rf build/results && mkdir -p build/results
	@$(MAKE) --no-print-directory banned
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory san-unit
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory browser
	@$(MAKE) --no-print-directory fuzz-smoke
	@scripts/summary.sh

# -MMD: a changed header rebuilds the objects using it (struct layouts);
# Makefile: objects built before the .d files existed are rebuilt once
build/fuzz/obj/%.o: %.c Makefile
	@mkdir -p $(dir $@)
	clang -std=c11 $(WARN) $(DEFS) -O1 -g -Isrc $(PKG_CFLAGS) \
	    -fsanitize=fuzzer-no-link,address,undefined -MMD -MP -c $< -o $@

build/fuzz/%: fuzz/%.c $(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	clang -std=c11 $(WARN) $(DEFS) -O1 -g -Isrc $(PKG_CFLAGS) \
	    -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS)

fuzz-smoke: $(FUZZ_BIN)
	@tests/run-fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

fuzz:
	@$(MAKE) --no-print-directory fuzz-smoke FUZZ_SECONDS=300

bench: $(BUILD)/newsdesk
	@bench/extract
	@bench/web

clean:
	rm -rf build

# keep objects that only pattern rules ask for
.SECONDARY:

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
