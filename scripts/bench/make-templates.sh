#!/usr/bin/env bash
# Drives template applications through a running server (default profile users, password "demo") to each
# stage the scale seed clones, and prints "KIND APPLICATION_NO" lines:
#   A acceptance open | B survey opinions + supply plan open (4 tasks) | C four permits open |
#   D construction + excavation fee open | E power-on open | F powered on, no external line (low voltage) |
#   G powered on, with excavation (high voltage)
#   scripts/bench/make-templates.sh http://127.0.0.1:PORT
set -euo pipefail
BASE=${1:?base url}
api() { # METHOD PATH USER [BODY]
    local args=(-fsS -X "$1" -u "$3:demo" -H 'Accept: application/json')
    [ -n "${4-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
    curl "${args[@]}" "$BASE$2"
}
submit() { # VOLTAGE CAPACITY NAME
    api POST /api/applications grid-service-window "$(jq -nc --arg v "$1" --argjson c "$2" --arg n "$3" \
        '{applicantName:$n, contactPhone:"0515-88886666", address:"18 Century Avenue, Yancheng", voltageClass:$v,
          capacityKva:$c, kind:"NEW_CONNECTION", customerType:"NON_RESIDENTIAL", email:"applicant@example.cn"}')" \
        | jq -r .applicationNo
}
# complete NO STAGE [BODY]: completes every open task of that stage, as its department's demo user
complete() {
    local no=$1 stage=$2 body=${3-}
    for _ in $(seq 1 60); do
        tasks=$(api GET "/api/applications/$no" supervisor | jq -c --arg s "$stage" '[.openTasks[] | select(.stage == $s)]')
        [ "$(jq length <<<"$tasks")" -gt 0 ] && break
        sleep 0.5
    done
    jq -c '.[]' <<<"$tasks" | while read -r t; do
        api POST "/api/tasks/$(jq -r .taskId <<<"$t")/complete" "$(jq -r .department <<<"$t")" "${body:-{\"comment\":\"ok\"}}" >/dev/null
    done
}
wait_stage() { # NO STAGE: until a task of the stage is open (async joins run on the job executor)
    for _ in $(seq 1 60); do
        api GET "/api/applications/$1" supervisor | jq -e --arg s "$2" 'any(.openTasks[]; .stage == $s)' >/dev/null && return 0
        sleep 0.5
    done
    echo "timeout waiting for $2 on $1" >&2; return 1
}
to_permits() { # NO: accept, survey, plan as proposed (HV-2: excavation, four permits)
    complete "$1" acceptance; wait_stage "$1" survey-opinion
    complete "$1" survey-opinion; complete "$1" supply-plan '{"comment":"typical plan accepted"}'
    wait_stage "$1" planning-permit
}
to_construction() { to_permits "$1"
    for p in planning-permit excavation-permit road-occupancy-permit greening-permit; do
        complete "$1" "$p" '{"decision":"APPROVED","comment":"approved"}'
    done
    wait_stage "$1" construction
}
to_power_on() { to_construction "$1"; complete "$1" construction; complete "$1" excavation-fee; wait_stage "$1" power-on; }

a=$(submit LOW_VOLTAGE 60 "Template A"); echo "A $a"
b=$(submit HIGH_VOLTAGE 1000 "Template B"); complete "$b" acceptance; wait_stage "$b" supply-plan; echo "B $b"
c=$(submit HIGH_VOLTAGE 1000 "Template C"); to_permits "$c"; echo "C $c"
d=$(submit HIGH_VOLTAGE 1000 "Template D"); to_construction "$d"; echo "D $d"
e=$(submit HIGH_VOLTAGE 1000 "Template E"); to_power_on "$e"; echo "E $e"
f=$(submit LOW_VOLTAGE 60 "Template F"); complete "$f" acceptance; wait_stage "$f" survey-opinion
complete "$f" survey-opinion; complete "$f" supply-plan '{"externalLineWork":"NONE","requiredPermits":[],"comment":"meter only"}'
wait_stage "$f" power-on; complete "$f" power-on; echo "F $f"
g=$(submit HIGH_VOLTAGE 1000 "Template G"); to_power_on "$g"; complete "$g" power-on; echo "G $g"
