#!/usr/bin/env bash
# Benchmark: migsafe against Squawk and against the bare parser (libpg_query alone) on real
# migration/upgrade scripts shipped in Debian packages.
#
#   usage: bench/run.sh [RUNS] [DATASET...]   RUNS timed runs per tool after one warm-up each
#                                             (default 5); DATASETs (default all, in this order):
#   gnumed          all 985 scripts of gnumed-server (~26 MB); Squawk 2.66.0 panics on one of
#                   them, so it is timed there only if it no longer does
#   gnumed-no-panic gnumed without country.specific__de__amis-import_data_template.sql
#   gnumed-typical  gnumed-no-panic without its files over 1 MB (one 20 MB data dump of 1.1M lines
#                   and a 1.2 MB one), i.e. migration-sized files only
#   others          the 9 other corpora (pg15-contrib postgis partman mediawiki roundcube ttrss
#                   davical ledgersmb icinga2-ido, 671 files) together, copied flat with the
#                   corpus name as a file name prefix
#   e.g. `bench/run.sh 3 others` measures one dataset alone.
#
#   env: MIGSAFE=path            migsafe binary to measure (default: build/, built if needed)
#        BARE_PARSER=path        bare parser binary (default: build/, target migsafe_bare_parser)
#        MIGSAFE_CORPUS_DIR      corpus cache (default ~/.cache/migsafe-corpus); missing corpora
#                                are fetched with shared/tools/debian-corpus.sh
#        SQUAWK_VERSION          squawk-cli version from npm (default 2.66.0); if it cannot be
#                                installed, Squawk is skipped with a note
#
# The tools run on the same dataset in alternation (migsafe, squawk, bare, migsafe, ...), so load
# from other processes hits them alike; medians are printed with the ratios.
#   migsafe: `check --format json -j2 --fail-on never DIR`
#   squawk:  `--reporter json 'DIR/*.sql'` (the native binary from the npm package, without its
#            node wrapper)
#   bare:    `migsafe_bare_parser -j2 DIR` (bench/bare_parser.cpp: blank psql meta-command lines,
#            pg_query_split_with_scanner, pg_query_parse to JSON per statement; no analysis)
# Peak RSS and cpu time: /usr/bin/time. Results are appended to bench/.work/results.txt.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
usage() { echo "usage: bench/run.sh [RUNS] [gnumed|gnumed-no-panic|gnumed-typical|others...]" >&2; exit 2; }
runs=5
if (($# > 0)) && [[ $1 =~ ^[0-9]+$ ]]; then
    runs=$1
    shift
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || usage
all_datasets=(gnumed gnumed-no-panic gnumed-typical others)
datasets=("$@")
((${#datasets[@]} > 0)) || datasets=("${all_datasets[@]}")
for d in "${datasets[@]}"; do
    [[ " ${all_datasets[*]} " == *" $d "* ]] || usage
done
wanted() { [[ " ${datasets[*]} " == *" $1 "* ]]; }

work=$root/bench/.work
cache=${MIGSAFE_CORPUS_DIR:-$HOME/.cache/migsafe-corpus}
squawk_version=${SQUAWK_VERSION:-2.66.0}
panic_file=country.specific__de__amis-import_data_template.sql
other_corpora=(pg15-contrib postgis partman mediawiki roundcube ttrss davical ledgersmb icinga2-ido)
mkdir -p "$work" "$cache"

say() { printf 'bench: %s\n' "$*" >&2; }

# --- tools ----------------------------------------------------------------------------------------

[[ -x /usr/bin/time ]] || { say "/usr/bin/time is missing: run scripts/setup.sh"; exit 1; }

targets=()
[[ -n ${MIGSAFE:-} ]] || targets+=(migsafe)
[[ -n ${BARE_PARSER:-} ]] || targets+=(migsafe_bare_parser)
if ((${#targets[@]} > 0)); then
    say "building ${targets[*]} in build/ (RelWithDebInfo)"
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build -j 2 --target "${targets[@]}" >/dev/null
fi
MIGSAFE=${MIGSAFE:-$root/build/migsafe}
BARE_PARSER=${BARE_PARSER:-$root/build/bench/migsafe_bare_parser}

# Squawk is optional: without npm or network it is skipped, and the other tools still run.
squawk=
squawk_note=
squawk_pkg=$work/node_modules/squawk-cli/package.json
if [[ ! -f $squawk_pkg ]] || [[ $(jq -r .version "$squawk_pkg" 2>/dev/null) != "$squawk_version" ]]; then
    if command -v npm >/dev/null; then
        say "installing squawk-cli@$squawk_version from npm into bench/.work"
        npm install --prefix "$work" --no-audit --no-fund --loglevel=error \
            "squawk-cli@$squawk_version" >&2 || squawk_note="npm install squawk-cli@$squawk_version failed"
    else
        squawk_note="npm is missing (scripts/setup.sh installs it)"
    fi
fi
if [[ -z $squawk_note ]]; then
    # The npm package ships the native binary in a per-platform package; call it directly so that
    # node's start-up is not part of Squawk's time.
    for candidate in "$work"/node_modules/@squawk-cli/linux-*/bin/squawk "$work"/node_modules/.bin/squawk; do
        if [[ -x $candidate ]] && "$candidate" --version >/dev/null 2>&1; then
            squawk=$candidate
            break
        fi
    done
    [[ -n $squawk ]] || squawk_note="no working squawk binary in bench/.work/node_modules"
fi

# --- corpora --------------------------------------------------------------------------------------

needed=()
if wanted gnumed || wanted gnumed-no-panic || wanted gnumed-typical; then needed+=(gnumed); fi
if wanted others; then needed+=("${other_corpora[@]}"); fi
missing=()
for corpus in "${needed[@]}"; do
    compgen -G "$cache/$corpus/*.sql" >/dev/null || missing+=("$corpus")
done
if ((${#missing[@]} > 0)); then
    corpus_tool=$root/../shared/tools/debian-corpus.sh
    [[ -f $corpus_tool ]] || { say "$corpus_tool is missing (shared/ must sit beside the repository)"; exit 1; }
    say "fetching ${missing[*]} into $cache"
    flock "$cache/.lock" bash "$corpus_tool" "$cache" "${missing[@]}" >&2 ||
        { say "cannot fetch the corpora (no network or no apt lists?)"; exit 1; }
    for corpus in "${missing[@]}"; do
        compgen -G "$cache/$corpus/*.sql" >/dev/null || { say "corpus $corpus is still missing"; exit 1; }
    done
fi

full=$cache/gnumed
nopanic=$work/gnumed-no-panic
typical=$work/gnumed-typical
others=$work/others
if wanted gnumed-no-panic || wanted gnumed-typical; then
    rm -rf "$nopanic"
    mkdir -p "$nopanic"
    find "$full" -maxdepth 1 -name '*.sql' ! -name "$panic_file" -exec cp -t "$nopanic" {} +
fi
if wanted gnumed-typical; then
    rm -rf "$typical"
    mkdir -p "$typical"
    find "$nopanic" -maxdepth 1 -name '*.sql' -size -1048576c -exec cp -t "$typical" {} +
fi
if wanted others; then
    rm -rf "$others"
    mkdir -p "$others"
    for corpus in "${other_corpora[@]}"; do
        for f in "$cache/$corpus"/*.sql; do
            cp "$f" "$others/${corpus}__${f##*/}"
        done
    done
fi

# --- measuring ------------------------------------------------------------------------------------

# measure TOOL DIR OUT: one run; appends "wall_s rss_kb cpu_s exit" to OUT.
measure() {
    local tool=$1 dir=$2 out=$3 start end rc=0 cmd
    case $tool in
        migsafe) cmd=("$MIGSAFE" check --format json -j2 --fail-on never "$dir") ;;
        squawk) cmd=("$squawk" --reporter json "$dir/*.sql") ;;
        bare) cmd=("$BARE_PARSER" -j2 "$dir") ;;
    esac
    start=$(date +%s%N)
    /usr/bin/time -o "$work/time.txt" -f '%M %U %S' "${cmd[@]}" >"$work/report.$tool.json" \
        2>"$work/stderr.$tool.txt" || rc=$?
    end=$(date +%s%N)
    # /usr/bin/time prepends "Command exited with non-zero status N" when N != 0.
    read -r rss user sys < <(tail -n 1 "$work/time.txt")
    awk -v w=$((end - start)) -v r="$rss" -v u="$user" -v s="$sys" -v rc="$rc" \
        'BEGIN { printf "%.3f %d %.2f %d\n", w / 1e9, r, u + s, rc }' >>"$out"
}

median() { # column N of file
    sort -n -k"$1","$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bytes_of() { find "$1" -maxdepth 1 -name '*.sql' -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
files_of() { find "$1" -maxdepth 1 -name '*.sql' | wc -l; }

# bench_dataset NAME DIR TOOLS...: warm-up, then RUNS alternating runs; prints a table.
results=$work/results.txt
bench_dataset() {
    local name=$1 dir=$2 tool bytes files i
    shift 2
    bytes=$(bytes_of "$dir")
    files=$(files_of "$dir")
    for tool in "$@"; do
        : >"$work/$name.$tool.runs"
        measure "$tool" "$dir" "$work/$name.$tool.warmup"
        rm -f "$work/$name.$tool.warmup"
    done
    if [[ " $* " == *" migsafe "* ]]; then
        local checked
        checked=$(jq .files_checked "$work/report.migsafe.json" 2>/dev/null || echo "?")
        [[ $checked == "$files" ]] || say "warning: migsafe reported files_checked=$checked of $files"
    fi
    for ((i = 1; i <= runs; i++)); do
        for tool in "$@"; do
            measure "$tool" "$dir" "$work/$name.$tool.runs"
        done
        say "$name: run $i/$runs done"
    done
    {
        printf '\n%s: %d files, %.1f MB; median of %d runs after 1 warm-up\n' \
            "$name" "$files" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$runs"
        printf '  %-8s %9s %9s %12s %9s %6s\n' tool wall_s MB/s peak_RSS_MB cpu_s exit
        for tool in "$@"; do
            local f=$work/$name.$tool.runs wall rss cpu rc
            wall=$(median 1 "$f")
            rss=$(median 2 "$f")
            cpu=$(median 3 "$f")
            rc=$(cut -d' ' -f4 "$f" | sort -u | paste -sd, -)
            printf '  %-8s %9.3f %9.2f %12.1f %9.2f %6s\n' "$tool" "$wall" \
                "$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print (w > 0 ? b / 1e6 / w : 0) }')" \
                "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$cpu" "$rc"
        done
        local mw mr mc
        mw=$(median 1 "$work/$name.migsafe.runs")
        mr=$(median 2 "$work/$name.migsafe.runs")
        mc=$(median 3 "$work/$name.migsafe.runs")
        if [[ " $* " == *" squawk "* ]]; then
            local sw sr sc
            sw=$(median 1 "$work/$name.squawk.runs")
            sr=$(median 2 "$work/$name.squawk.runs")
            sc=$(median 3 "$work/$name.squawk.runs")
            awk -v mw="$mw" -v sw="$sw" -v mr="$mr" -v sr="$sr" -v mc="$mc" -v sc="$sc" 'BEGIN {
                printf "  migsafe/squawk: wall %.2fx, peak RSS %.2fx, cpu %.2fx (below 1 = migsafe better)\n",
                    mw / sw, mr / sr, (sc > 0 ? mc / sc : 0) }'
        fi
        if [[ " $* " == *" bare "* ]]; then
            local bw bc
            bw=$(median 1 "$work/$name.bare.runs")
            bc=$(median 3 "$work/$name.bare.runs")
            awk -v mw="$mw" -v bw="$bw" -v mc="$mc" -v bc="$bc" 'BEGIN {
                printf "  migsafe throughput = %.0f%% of the bare parser (bare wall / migsafe wall); cpu %.2fx the bare parser\n",
                    bw / mw * 100, (bc > 0 ? mc / bc : 0) }'
            printf '  %s\n' "$(tail -n 1 "$work/stderr.bare.txt")"
        fi
    } | tee -a "$results"
}

# The tools measured on each dataset: squawk only when it is available.
tools=(migsafe)
[[ -z $squawk ]] || tools+=(squawk)
tools+=(bare)

{
    echo "=== bench/run.sh $(date -u +%Y-%m-%dT%H:%MZ): ${datasets[*]}"
    echo "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
        "$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "migsafe: $("$MIGSAFE" --version) ($MIGSAFE)"
    if [[ -n $squawk ]]; then
        echo "squawk:  $("$squawk" --version) ($squawk)"
    else
        echo "squawk:  skipped: $squawk_note"
    fi
    echo "bare:    libpg_query $(dpkg-query -W -f '${Version}' libpg-query-dev 2>/dev/null || echo '?') ($BARE_PARSER)"
} | tee -a "$results"

for dataset in "${datasets[@]}"; do
    case $dataset in
        gnumed)
            # Squawk on the full corpus: one run, to show whether it still panics.
            squawk_rc=0
            if [[ -n $squawk ]]; then
                "$squawk" --reporter json "$full/*.sql" >/dev/null 2>"$work/squawk-full.err" || squawk_rc=$?
            fi
            if [[ -n $squawk ]] && { ((squawk_rc == 101)) || grep -q 'internal error' "$work/squawk-full.err"; }; then
                echo "squawk on all of gnumed: panics (exit $squawk_rc), so it is timed only without $panic_file" |
                    tee -a "$results"
                bench_dataset gnumed "$full" migsafe bare
            else
                bench_dataset gnumed "$full" "${tools[@]}"
            fi
            ;;
        gnumed-no-panic) bench_dataset gnumed-no-panic "$nopanic" "${tools[@]}" ;;
        gnumed-typical) bench_dataset gnumed-typical "$typical" "${tools[@]}" ;;
        others) bench_dataset others "$others" "${tools[@]}" ;;
    esac
done
say "results appended to bench/.work/results.txt"
