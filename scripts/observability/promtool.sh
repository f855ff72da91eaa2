#!/usr/bin/env bash
# Checks and unit-tests the Prometheus alert rules (deploy/observability/alerts) with promtool, built
# from github.com/prometheus/prometheus at the pinned PROMETHEUS_VERSION and cached in .tools/bin
# (the first build takes minutes and about 3 GB of memory; later runs reuse it).
source "$(dirname "$0")/../lib/env.sh"
ensure_go_tool promtool "github.com/prometheus/prometheus/cmd/promtool@$PROMETHEUS_VERSION"
cd "$STEWARD_ROOT/deploy/observability/alerts"
promtool check rules ./*.rules.yaml >/dev/null
promtool test rules ./*.rules.test.yaml
