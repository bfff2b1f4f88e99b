# Two promises: `make run` opens the workbench on the demo shop, `make test` passes,
# both on a fresh machine. Every target bootstraps what it needs.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
# Debian packages Qt needs to run offscreen, CJK and emoji fonts so Chinese is not boxes;
# Prosody and openssl for the team-mode tests, which start their own private server.
DEBS    := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-noto-cjk \
           fonts-noto-color-emoji prosody openssl
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OFFSCREEN := QT_QPA_PLATFORM=offscreen

.PHONY: run test bench screenshot lint system-deps translations clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

system-deps:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	    case "$$missing" in *prosody*) \
	      echo "stopping the system Prosody service: tests run their own on 127.0.0.1"; \
	      ($(SUDO) systemctl disable --now prosody || $(SUDO) service prosody stop) \
	        >/dev/null 2>&1 || true;; esac; \
	  else echo "please install:$$missing"; fi; \
	fi

# Compiled modules start the window about 0.1 s sooner; compile them even where Python is
# told not to write its cache (PYTHONDONTWRITEBYTECODE).
run: $(STAMP) system-deps
	$(PY) -m compileall -q workbench
	$(PY) -m workbench.cli run

test: $(STAMP) system-deps
	$(PY) -m ruff check workbench tests bench tools
	$(OFFSCREEN) $(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check workbench tests bench tools

bench: $(STAMP) system-deps
	$(OFFSCREEN) $(PY) -m workbench.cli bench

screenshot: $(STAMP) system-deps
	$(OFFSCREEN) $(PY) -m workbench.cli screenshot --out docs/screenshot.png --size 1600x1000

# Collect new window texts into resources/translations/*_en.ts (as unfinished, to be
# translated there; existing translations are kept) and compile them for --lang en.
translations: $(STAMP)
	$(PY) tools/translations.py

clean:
	rm -rf $(VENV) *.egg-info
