#!/usr/bin/env bash
# Installs the Python packages Attune's tests talk to as real peers: the reference implementation of
# the Wyoming protocol (Home Assistant's voice stack), used by tools/serve/check_wyoming.py, and
# pipecat (the voice-agent framework examples/pipecat/ plugs into), used by tools/serve/check_pipecat.py.
# jsonschema checks the service's messages against docs/protocol/ (tools/serve/check_service.py).
set -euo pipefail
python3 -m pip install --quiet --disable-pip-version-check "wyoming==1.10.2" "jsonschema>=4.17" "pipecat-ai==1.14.0"
