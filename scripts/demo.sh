#!/usr/bin/env bash
# Takes one realistic application through a RUNNING PowerConnect server, from submission to power-on,
# completing every task as the demo user of its department, and prints the application's timeline.
# Run with --help for usage.
set -euo pipefail

PROG=${0##*/}
PERMIT_KEYS=(planning-permit excavation-permit road-occupancy-permit river-occupancy-permit
    urban-occupancy-permit greening-permit)

usage() {
    cat <<EOF
Usage: $PROG [--reject-once PERMIT] [--help]

Takes one application through a running PowerConnect server, from submission to power-on, and prints
its timeline. The application is a high-voltage (10 kV) 1000 kVA non-residential new connection in
Yancheng; the typical plan for it (HV-2) lays a cable under the road, so it needs the planning,
road-excavation, road-occupancy and greening permits, an excavation fee and external-line construction.

The script submits the application as grid-service-window, then keeps reading the application's open
tasks (GET /api/applications/{no}) and completes each one (POST /api/tasks/{id}/complete) as the demo
user of the task's department: the user named after the department key (grid-planning,
forestry-bureau, ...). The supply-plan reply accepts the proposed typical plan explicitly; every permit
is approved. Joins run asynchronously on the server's job executor, so while no task is open yet the
script polls every 0.5 s, for up to 30 s. When the application is POWERED_ON it prints the SLA clocks
(stage, department, start, limit in working days, due, completion, outcome, breach, provisional) sorted
by start, and the permit decisions. Times are shown in Asia/Shanghai, the office's zone.

Options:
  --reject-once PERMIT  reject that permit the first time it is decided (with a reason), so the supply
                        plan goes back to grid-planning for revision and the permits are requested
                        again; shows the revision loop. The permit is decided before the other open
                        permits, whose requests the rejection withdraws (outcome CANCELLED).
                        PERMIT is one of:
                          ${PERMIT_KEYS[*]}
                        (the plan for this application requires planning-permit, excavation-permit,
                        road-occupancy-permit and greening-permit)
  -h, --help            show this help

Environment:
  POWERCONNECT_URL       base URL of the server (default http://localhost:8080)
  POWERCONNECT_PASSWORD  password of the demo users and admin (default "demo", the default profile's)

Needs bash, curl and jq (column is used for the tables when present). The demo users exist only in the
server's default profile (embedded H2 database, no profile chosen).

Examples:
  $PROG
  POWERCONNECT_URL=http://localhost:18080 $PROG --reject-once greening-permit
EOF
}

die() {
    printf '%s: %s\n' "$PROG" "$*" >&2
    exit 1
}

# --- options -------------------------------------------------------------------------------------
REJECT_ONCE=""
while (($# > 0)); do
    case "$1" in
        -h | --help)
            usage
            exit 0
            ;;
        --reject-once)
            (($# >= 2)) || die "--reject-once needs a permit key, one of: ${PERMIT_KEYS[*]}"
            REJECT_ONCE=$2
            shift 2
            ;;
        --reject-once=*)
            REJECT_ONCE=${1#--reject-once=}
            shift
            ;;
        *)
            printf '%s: unknown argument: %s\n\n' "$PROG" "$1" >&2
            usage >&2
            exit 2
            ;;
    esac
done
if [[ -n $REJECT_ONCE ]]; then
    valid=false
    for key in "${PERMIT_KEYS[@]}"; do
        [[ $key == "$REJECT_ONCE" ]] && valid=true
    done
    $valid || die "--reject-once: '$REJECT_ONCE' is not a permit; use one of: ${PERMIT_KEYS[*]}"
fi

# --- tools ---------------------------------------------------------------------------------------
missing=()
for tool in curl jq; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
    {
        if ((${#missing[@]} == 1)); then
            echo "$PROG needs ${missing[0]}, which is not installed. Install it with:"
        else
            echo "$PROG needs ${missing[0]} and ${missing[1]}, which are not installed. Install them with:"
        fi
        echo "  apt-get install ${missing[*]}"
        echo "(Fedora/RHEL: dnf install ${missing[*]}; macOS: brew install ${missing[*]})"
    } >&2
    exit 1
fi

BASE_URL=${POWERCONNECT_URL:-http://localhost:8080}
BASE_URL=${BASE_URL%/}
PASSWORD=${POWERCONNECT_PASSWORD:-demo}
VIEWER=supervisor            # supervisors watch every application
POLL_INTERVAL=0.5            # seconds between looks while an asynchronous join runs
POLL_TIMEOUT=30              # seconds to wait for an open task before giving up
MAX_TASKS=100                # a safety net against a process that never ends

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --- HTTP ----------------------------------------------------------------------------------------
# api METHOD PATH USER [JSON]: prints the response body; on a transport error or a non-2xx status prints
# the method, path, status and the problem+json body to stderr and exits non-zero. Call it as
# `x=$(api ...)` (never `local x=$(...)`), so that set -e stops the script when it fails.
api() {
    local method=$1 path=$2 user=$3 body=${4-}
    local out="$WORK/response" status
    local args=(--silent --show-error --output "$out" --write-out '%{http_code}' --request "$method"
        --user "$user:$PASSWORD" --header 'Accept: application/json, application/problem+json'
        --connect-timeout 5 --max-time 60)
    if [[ -n $body ]]; then
        args+=(--header 'Content-Type: application/json' --data-binary "$body")
    fi
    if ! status=$(curl "${args[@]}" "$BASE_URL$path"); then
        printf '%s: %s %s (as %s) failed: cannot reach %s. Is the server running? (set POWERCONNECT_URL)\n' \
            "$PROG" "$method" "$path" "$user" "$BASE_URL" >&2
        exit 3
    fi
    if [[ ! $status =~ ^2[0-9][0-9]$ ]]; then
        {
            printf '%s: %s %s (as %s) -> HTTP %s\n' "$PROG" "$method" "$path" "$user" "$status"
            if [[ -n $body ]]; then
                printf 'request body: %s\n' "$body"
            fi
            if jq . "$out" 2>/dev/null; then :; else cat "$out"; echo; fi
            if [[ $status == 401 ]]; then
                echo "(the demo users exist only in the server's default profile; password from POWERCONNECT_PASSWORD, default 'demo')"
            fi
        } >&2
        exit 4
    fi
    cat "$out"
}

# --- jq helpers ----------------------------------------------------------------------------------
# Instants arrive as ISO-8601 with Z or an offset and optional fractions; show them in Asia/Shanghai
# (UTC+8 all year, no daylight saving).
JQ_DEFS='
def epoch:
  capture("^(?<dt>[0-9-]+T[0-9:]+)(?<frac>\\.[0-9]+)?(?<zone>Z|[+-][0-9]{2}:?[0-9]{2})$") as $p
  | ($p.dt + "Z" | fromdateiso8601)
    + ("0" + ($p.frac // ".0") | tonumber)
    - (if $p.zone == "Z" then 0
       else ($p.zone | ltrimstr("+") | sub(":"; "") | tonumber) as $hhmm
            | (if ($p.zone | startswith("-")) then -1 else 1 end)
              * ((($hhmm | fabs) / 100 | floor) * 3600 + (($hhmm | fabs) % 100) * 60)
       end);
def shanghai: if . == null then "-" else (epoch | floor) + 8 * 3600 | strftime("%Y-%m-%d %H:%M:%S") end;
def clock: if . == null then "-" else (epoch | floor) + 8 * 3600 | strftime("%H:%M:%S") end;
def dash: if . == null or . == "" then "-" else tostring end;
'
jqr() { jq -r "$JQ_DEFS $1" "${@:2}"; }

table() {
    if command -v column >/dev/null 2>&1; then
        column -t -s $'\t'
    else
        cat
    fi
}

# --- the stages' work ----------------------------------------------------------------------------
survey_opinion() {
    case "$1" in
        planning-bureau) echo "Joint site survey held. Planning: the cable route along Kaichuang Road and Huanghai Road fits the development-zone plan; keep 1.5 m from the planned gas main." ;;
        construction-bureau) echo "Joint site survey held. Construction: crossing Kaichuang Road by trenchless pipe jacking is preferred; open trench only in the verge." ;;
        forestry-bureau) echo "Joint site survey held. Forestry: about 40 m of roadside green belt is affected; move the shrubs, keep the camphor trees." ;;
        *) echo "Joint site survey held; written opinion attached." ;;
    esac
}

permit_approval() {
    case "$1" in
        planning-permit) echo "Planning permit granted for the 10 kV cable route; publicity period completed without objections." ;;
        excavation-permit) echo "Road excavation permit granted for Kaichuang Road (60 m); fee list issued to the project unit." ;;
        road-occupancy-permit) echo "Road occupancy permit granted for the works area, with traffic management on one lane." ;;
        river-occupancy-permit) echo "River-course construction plan approved; directional drilling under the channel." ;;
        urban-occupancy-permit) echo "Urban-management occupancy permit granted for the cable ring main unit site." ;;
        greening-permit) echo "Greening permit granted: shrubs moved and replanted by the applicant, trees kept." ;;
        *) echo "Permit granted." ;;
    esac
}

permit_rejection() {
    case "$1" in
        planning-permit) echo "Rejected: the proposed route runs through the reserved corridor of the planned Huanghai Road widening; re-route along the north side." ;;
        excavation-permit) echo "Rejected: Kaichuang Road was resurfaced this year and may not be cut open; cross it by pipe jacking instead." ;;
        road-occupancy-permit) echo "Rejected: the works area blocks the bus stop at Kaichuang Road; move it 30 m east." ;;
        river-occupancy-permit) echo "Rejected: the crossing point is inside the flood-control embankment's protected zone; move it downstream." ;;
        urban-occupancy-permit) echo "Rejected: the ring main unit site is on the pedestrian square; place it in the verge instead." ;;
        greening-permit) echo "Rejected: the route cuts through the roots of six protected camphor trees in the green belt; re-route the cable outside the tree line." ;;
        *) echo "Rejected: the plan does not meet the bureau's requirements." ;;
    esac
}

rejected_once=false

# task_body TASK_JSON VIEW_JSON: the completion body for the task's stage
task_body() {
    local task=$1 view=$2 stage department
    stage=$(jq -r .stage <<<"$task")
    department=$(jq -r .department <<<"$task")
    case "$stage" in
        acceptance)
            jq -nc --arg c "Application complete and accepted at the window. Business licence, land and property certificates fetched from the shared government records; no papers asked of the applicant." '{comment: $c}'
            ;;
        survey-opinion)
            jq -nc --arg c "$(survey_opinion "$department")" '{comment: $c}'
            ;;
        supply-plan)
            local plan comment
            plan=$(jq -c .supplyPlan <<<"$view")
            [[ $plan != null ]] || die "the supply-plan task is open but the application has no proposed supply plan"
            if [[ $(jq -r .revision <<<"$plan") == 0 && $(jq -r .decidedBy <<<"$plan") == null ]]; then
                comment=$(jq -r '"Typical plan \(.typicalPlan) accepted as proposed: \(.description)"' <<<"$plan")
            else
                comment=$(jq -r --arg rejected "$REJECT_ONCE" '"Plan revised after the rejected \($rejected): cable re-routed as the bureau asked; typical plan \(.typicalPlan) kept, the same permits requested again."' <<<"$plan")
            fi
            jq -c --arg c "$comment" \
                '{externalLineWork: .proposedExternalLineWork, requiredPermits: .proposedPermits, comment: $c}' <<<"$plan"
            ;;
        *-permit)
            if [[ $stage == "$REJECT_ONCE" ]] && ! $rejected_once; then
                jq -nc --arg c "$(permit_rejection "$stage")" '{decision: "REJECTED", comment: $c}'
            else
                jq -nc --arg c "$(permit_approval "$stage")" '{decision: "APPROVED", comment: $c}'
            fi
            ;;
        excavation-fee)
            jq -nc '{comment: "Road excavation fee paid in full per the construction bureau'"'"'s fee list, alongside the construction."}'
            ;;
        construction)
            jq -nc '{comment: "10 kV cable branch laid from the switching station to the customer'"'"'s ring main unit (1.2 km, 60 m pipe-jacked under Kaichuang Road); road and green belt restored."}'
            ;;
        power-on)
            jq -nc '{comment: "Completion inspection passed, metering cabinet installed and sealed, 1000 kVA transformer energised."}'
            ;;
        *)
            jq -nc --arg c "Done." '{comment: $c}'
            ;;
    esac
}

# --- submit --------------------------------------------------------------------------------------
APPLICATION=$(jq -nc '{
    applicantName: "Yancheng Huaxin Precision Machinery Co., Ltd.",
    contactPhone: "0515-88886666",
    address: "88 Kaichuang Road, Yancheng Economic and Technological Development Zone, Yancheng, Jiangsu",
    voltageClass: "HIGH_VOLTAGE",
    capacityKva: 1000,
    kind: "NEW_CONNECTION",
    customerType: "NON_RESIDENTIAL"
}')

echo "PowerConnect demo against $BASE_URL (times in Asia/Shanghai)"
[[ -z $REJECT_ONCE ]] || echo "The $REJECT_ONCE will be rejected once, sending the supply plan back for revision."
echo
submitted=$(api POST /api/applications grid-service-window "$APPLICATION")
APP_NO=$(jq -r .applicationNo <<<"$submitted")
jqr '"Submitted application \(.applicationNo) at \(.submittedAt | shanghai) as grid-service-window: status \(.status)"' <<<"$submitted"
jq -r '"  \(.applicantName), \(.address), tel. \(.contactPhone)\n  \(.kind) \(.customerType) \(.voltageClass) \(.capacityKva) kVA"' <<<"$APPLICATION"
echo

# --- work the tasks ------------------------------------------------------------------------------
printf '%-8s  %-22s  %-24s  %-24s  %s\n' TIME STAGE DEPARTMENT USER NOTE
completed=0
while :; do
    view=$(api GET "/api/applications/$APP_NO" "$VIEWER")
    status=$(jq -r .status <<<"$view")
    ntasks=$(jq '.openTasks | length' <<<"$view")
    give_up_at=$((SECONDS + POLL_TIMEOUT))
    while [[ $status == IN_PROGRESS ]] && ((ntasks == 0)); do
        if ((SECONDS >= give_up_at)); then
            die "application $APP_NO is still IN_PROGRESS with no open task after $POLL_TIMEOUT s. An asynchronous join did not run: check that the server's job executor is running and look for incidents in Cockpit ($BASE_URL/camunda/app/cockpit/)."
        fi
        sleep "$POLL_INTERVAL"
        view=$(api GET "/api/applications/$APP_NO" "$VIEWER")
        status=$(jq -r .status <<<"$view")
        ntasks=$(jq '.openTasks | length' <<<"$view")
    done
    case "$status" in
        POWERED_ON) break ;;
        IN_PROGRESS) ;;
        *) die "application $APP_NO ended with status $status instead of POWERED_ON" ;;
    esac
    ((completed < MAX_TASKS)) || die "gave up after $MAX_TASKS tasks: application $APP_NO never reached POWERED_ON"

    # Complete one task, then look again: a rejection withdraws the other open permits. The oldest open
    # task goes first, except that a permit to reject goes before the other permits, so that the
    # rejection withdraws them while they are still open.
    if [[ -n $REJECT_ONCE ]] && ! $rejected_once; then
        task=$(jq -c --arg p "$REJECT_ONCE" '(.openTasks | map(select(.stage == $p)) | first) // .openTasks[0]' <<<"$view")
    else
        task=$(jq -c '.openTasks[0]' <<<"$view")
    fi
    task_id=$(jq -r .taskId <<<"$task")
    stage=$(jq -r .stage <<<"$task")
    department=$(jq -r .department <<<"$task")
    user=$department
    body=$(task_body "$task" "$view")
    done_json=$(api POST "/api/tasks/$task_id/complete" "$user" "$body")
    completed=$((completed + 1))

    note=$(jq -r '.name' <<<"$task")
    case "$stage" in
        supply-plan)
            note="$note: $(jq -r '"\(.externalLineWork), permits \(.requiredPermits | join(","))"' <<<"$body")"
            ;;
        *-permit)
            note="$note: $(jq -r .decision <<<"$body")"
            if [[ $(jq -r .decision <<<"$body") == REJECTED ]]; then
                rejected_once=true
                note="$note -> plan goes back for revision"
            fi
            ;;
    esac
    printf '%-8s  %-22s  %-24s  %-24s  %s\n' "$(jqr '.completedAt | clock' <<<"$done_json")" "$stage" \
        "$department" "$(jq -r .completedBy <<<"$done_json")" "$note"

    if [[ $stage == supply-plan && -n $REJECT_ONCE ]] && ! $rejected_once \
        && ! jq -e --arg p "$REJECT_ONCE" '.requiredPermits | index($p)' <<<"$body" >/dev/null; then
        echo "  note: the plan does not require $REJECT_ONCE, so --reject-once $REJECT_ONCE will have no effect" >&2
    fi
done

# --- the timeline --------------------------------------------------------------------------------
echo
jqr '"Application \(.applicationNo) is \(.status): submitted \(.submittedAt | shanghai), powered on \(.finishedAt | shanghai); plan \(.supplyPlan.typicalPlan // "-") (\(.externalLineWork // "-")), revision \(.supplyPlan.revision // 0)."' <<<"$view"
echo
echo "SLA clocks (limits in working days; times in Asia/Shanghai):"
{
    printf 'STAGE\tDEPARTMENT\tSTARTED\tLIMIT\tDUE\tCOMPLETED\tOUTCOME\tBREACHED\tPROVISIONAL\n'
    jqr '.slaClocks | to_entries | sort_by((.value.startedAt | epoch), .key) | .[].value
        | [.stage, (.department | dash), (.startedAt | shanghai), (.limitWorkingDays | dash), (.dueAt | shanghai),
           (.completedAt | shanghai), .outcome,
           (if .breached then "yes (\(.breachedAt | shanghai))" else "no" end),
           (if .provisional then "yes" else "no" end)]
        | @tsv' <<<"$view"
} | table
echo
echo "Permit decisions:"
if [[ $(jq '.permitDecisions | length' <<<"$view") == 0 ]]; then
    echo "  (none: the plan needed no permits)"
else
    {
        printf 'PERMIT\tDECISION\tDECIDED BY\tDECIDED AT\tCOMMENT\n'
        jqr '.permitDecisions | to_entries | sort_by((.value.decidedAt | epoch), .key) | .[].value
            | [.permit, .decision, (.decidedBy | dash), (.decidedAt | shanghai), (.comment | dash)] | @tsv' <<<"$view"
    } | table
fi
if [[ -n $REJECT_ONCE ]] && ! $rejected_once; then
    echo
    echo "note: $REJECT_ONCE was never decided, so nothing was rejected" >&2
fi
