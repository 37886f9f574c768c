#!/usr/bin/env bash
# Benchmark: migsafe against Squawk on the gnumed corpus (985 real migration/upgrade scripts,
# ~25 MB, shipped in Debian's gnumed-server package).
#
#   usage: bench/run.sh [RUNS]          (default 5 timed runs per tool, after one warm-up each)
#   env:   MIGSAFE=path                 binary to measure (default: build/, built if needed)
#          MIGSAFE_CORPUS_DIR           corpus cache (default ~/.cache/migsafe-corpus)
#          SQUAWK_VERSION               squawk-cli version from npm (default 2.66.0)
#
# Datasets:
#   gnumed          every file; Squawk 2.66.0 panics on one of them, so it gets no time there
#   gnumed-no-panic the same without country.specific__de__amis-import_data_template.sql
#   gnumed-typical  gnumed-no-panic without its files over 1 MB (one 20 MB data dump of 1.1M lines
#                   and a 1.2 MB one), i.e. migration-sized files only
# Both tools run on the same dataset in alternation (migsafe, squawk, migsafe, ...), so load
# from other processes hits both alike; medians are printed with the migsafe/squawk ratio.
# migsafe: `check --format json -j2 --fail-on never DIR`; squawk: `--reporter json 'DIR/*.sql'`
# (the native binary from the npm package, without its node wrapper). Peak RSS: /usr/bin/time.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
runs=${1:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/run.sh [RUNS]" >&2; exit 2; }
work=$root/bench/.work
cache=${MIGSAFE_CORPUS_DIR:-$HOME/.cache/migsafe-corpus}
squawk_version=${SQUAWK_VERSION:-2.66.0}
panic_file=country.specific__de__amis-import_data_template.sql
mkdir -p "$work" "$cache"

say() { printf 'bench: %s\n' "$*" >&2; }

# --- tools ----------------------------------------------------------------------------------------

[[ -x /usr/bin/time ]] || { say "/usr/bin/time is missing: run scripts/setup.sh"; exit 1; }
command -v npm >/dev/null || { say "npm is missing: run scripts/setup.sh"; exit 1; }

if [[ -z ${MIGSAFE:-} ]]; then
    say "building build/ (RelWithDebInfo)"
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build -j 2 >/dev/null
    MIGSAFE=$root/build/migsafe
fi

squawk_pkg=$work/node_modules/squawk-cli/package.json
if [[ ! -f $squawk_pkg ]] || [[ $(jq -r .version "$squawk_pkg") != "$squawk_version" ]]; then
    say "installing squawk-cli@$squawk_version from npm into bench/.work"
    npm install --prefix "$work" --no-audit --no-fund --loglevel=error "squawk-cli@$squawk_version" >&2
fi
# The npm package ships the native binary in a per-platform package; call it directly so that
# node's start-up is not part of Squawk's time.
squawk=
for candidate in "$work"/node_modules/@squawk-cli/linux-*/bin/squawk; do
    if [[ -x $candidate ]] && "$candidate" --version >/dev/null 2>&1; then
        squawk=$candidate
        break
    fi
done
[[ -n $squawk ]] || squawk=$work/node_modules/.bin/squawk

# --- corpus ---------------------------------------------------------------------------------------

corpus_tool=$root/../shared/tools/debian-corpus.sh
if ! compgen -G "$cache/gnumed/*.sql" >/dev/null; then
    [[ -f $corpus_tool ]] || { say "$corpus_tool is missing (shared/ must sit beside the repository)"; exit 1; }
    say "fetching the gnumed corpus into $cache"
    flock "$cache/.lock" bash "$corpus_tool" "$cache" gnumed >&2 ||
        { say "cannot fetch the corpus (no network or no apt lists?)"; exit 1; }
fi
full=$cache/gnumed
nopanic=$work/gnumed-no-panic
rm -rf "$nopanic"
mkdir -p "$nopanic"
find "$full" -maxdepth 1 -name '*.sql' ! -name "$panic_file" -exec cp -t "$nopanic" {} +
typical=$work/gnumed-typical
rm -rf "$typical"
mkdir -p "$typical"
find "$nopanic" -maxdepth 1 -name '*.sql' -size -1048576c -exec cp -t "$typical" {} +

# --- measuring ------------------------------------------------------------------------------------

# measure TOOL DIR OUT: one run; appends "wall_s rss_kb cpu_s exit" to OUT.
measure() {
    local tool=$1 dir=$2 out=$3 start end rc=0
    start=$(date +%s%N)
    case $tool in
        migsafe)
            /usr/bin/time -o "$work/time.txt" -f '%M %U %S' \
                "$MIGSAFE" check --format json -j2 --fail-on never "$dir" >"$work/report.migsafe.json" \
                2>"$work/stderr.txt" || rc=$?
            ;;
        squawk)
            /usr/bin/time -o "$work/time.txt" -f '%M %U %S' \
                "$squawk" --reporter json "$dir/*.sql" >"$work/report.squawk.json" \
                2>"$work/stderr.txt" || rc=$?
            ;;
    esac
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
                "$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print b / 1e6 / w }')" \
                "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$cpu" "$rc"
        done
        if (($# == 2)); then
            local mw sw mr sr mc sc
            mw=$(median 1 "$work/$name.migsafe.runs")
            sw=$(median 1 "$work/$name.squawk.runs")
            mr=$(median 2 "$work/$name.migsafe.runs")
            sr=$(median 2 "$work/$name.squawk.runs")
            mc=$(median 3 "$work/$name.migsafe.runs")
            sc=$(median 3 "$work/$name.squawk.runs")
            awk -v mw="$mw" -v sw="$sw" -v mr="$mr" -v sr="$sr" -v mc="$mc" -v sc="$sc" 'BEGIN {
                printf "  migsafe/squawk: wall %.2fx, peak RSS %.2fx, cpu %.2fx (below 1 = migsafe better)\n",
                    mw / sw, mr / sr, (sc > 0 ? mc / sc : 0) }'
        fi
    } | tee -a "$results"
}

{
    echo "=== bench/run.sh $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
        "$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "migsafe: $("$MIGSAFE" --version) ($MIGSAFE)"
    echo "squawk:  $("$squawk" --version) ($squawk)"
} | tee -a "$results"

# Squawk on the full corpus: one run, to show whether it still panics.
squawk_rc=0
"$squawk" --reporter json "$full/*.sql" >/dev/null 2>"$work/squawk-full.err" || squawk_rc=$?
if ((squawk_rc == 101)) || grep -q 'internal error' "$work/squawk-full.err"; then
    echo "squawk on all of gnumed: panics (exit $squawk_rc), so it is timed only without $panic_file" |
        tee -a "$results"
    bench_dataset gnumed "$full" migsafe
else
    bench_dataset gnumed "$full" migsafe squawk
fi
bench_dataset gnumed-no-panic "$nopanic" migsafe squawk
bench_dataset gnumed-typical "$typical" migsafe squawk
say "results appended to bench/.work/results.txt"
