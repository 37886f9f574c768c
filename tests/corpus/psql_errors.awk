# Reads the stderr of `psql -v VERBOSITY=verbose -v ECHO=errors -f SCRIPT` and prints one line per
# server error:  SQLSTATE <TAB> LINE <TAB> MESSAGE
# where LINE is the SCRIPT line the error position points at (-1 when it cannot be told).
#   usage: awk -v script=SCRIPT -f psql_errors.awk STDERR-FILE
#
# psql prints, per failing statement:
#   psql:SCRIPT:L: ERROR:  42601: syntax error at or near "x"      L = script line ending the statement
#   LINE n: ...                                                    n = line within the statement
#   ...
#   psql:SCRIPT:L: STATEMENT:  <the statement text as sent>
# The text sent is the script's lines up to L, except that psql drops empty lines outside quotes,
# drops leading whitespace/comments, and cuts the first and last line at statement boundaries.
# So the echoed lines are matched backwards against the script from line L to find where line n
# of the statement is. SCRIPT must not contain ':'. POSIX awk (mawk).

BEGIN {
    nf = 0
    while ((getline text < script) > 0) F[++nf] = text
    close(script)
}

# Script line holding line n of the echoed statement E[1..k] that ended on script line last.
function map_line(last, n,    fi, ei) {
    fi = last
    ei = k
    while (ei >= 1 && fi >= 1) {
        if (E[ei] == "") {
            # An empty line psql kept: it was inside a quote, so the script has it too.
            if (F[fi] != "") return -1
        } else if (F[fi] == "") {
            fi--
            continue
        } else if (index(F[fi], E[ei]) == 0) {
            return -1
        }
        if (ei == n) return fi
        ei--
        fi--
    }
    return -1
}

function finish(    line) {
    if (have_err) {
        line = -1
        if (in_stmt && err_pos != "" && stmt_end == err_end) {
            # An empty last line would only be psql's own newline after the text.
            while (k > 0 && E[k] == "") k--
            line = map_line(err_end, err_pos)
        }
        printf "%s\t%d\t%s\n", code, line, msg
    }
    have_err = 0
    in_stmt = 0
    err_pos = ""
    k = 0
}

{
    prefixed = 0
    if (substr($0, 1, 5) == "psql:") {
        rest = substr($0, 6)
        if (match(rest, /:[0-9]+: /)) {
            prefixed = 1
            lineno = substr(rest, RSTART + 1, RLENGTH - 3) + 0
            body = substr(rest, RSTART + RLENGTH)
        }
    }
    if (prefixed) {
        if (substr(body, 1, 12) == "STATEMENT:  ") {
            if (in_stmt) finish()
            in_stmt = 1
            stmt_end = lineno
            k = 1
            E[1] = substr(body, 13)
            next
        }
        # Any other prefixed message ends the statement echo; a new ERROR starts a record.
        if (in_stmt || substr(body, 1, 8) == "ERROR:  ") finish()
        if (substr(body, 1, 8) == "ERROR:  ") {
            have_err = 1
            err_end = lineno
            text = substr(body, 9)
            if (text ~ /^[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]: /) {
                code = substr(text, 1, 5)
                msg = substr(text, 8)
            } else {
                code = "?????"
                msg = text
            }
        }
        next
    }
    if (in_stmt) {
        E[++k] = $0
        next
    }
    if (have_err && err_pos == "" && $0 ~ /^LINE [0-9]+: /) {
        err_pos = substr($0, 6) + 0
    }
}

END { finish() }
