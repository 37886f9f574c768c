# Makes a psql script safe to replay for its SQL only, keeping every line number:
#  - psql meta-commands (a backslash outside quotes, comments and identifiers, up to the end of
#    its line) are removed, so \set ON_ERROR_STOP, \i, \c, \!, \copy, \q ... never run;
#  - the data lines of COPY ... FROM stdin are blanked; the closing \. line is kept so that psql
#    leaves COPY mode if the COPY itself succeeded;
#  - psql variables (:name, :'name', :"name" outside brackets) get the stand-in migsafe checks
#    them with: the colon becomes a space, leaving an identifier, a string or a quoted identifier.
#    Their values exist only at run time (the \set lines are gone, and some scripts expect -v
#    options); left alone, the server would see a bare ':' and report a syntax error that says
#    nothing about the statement migsafe judged;
#  - template placeholders that migsafe replaces by a stand-in name (@name@, ${...}, {{...}} on
#    one line) get that same name, for the same reason.
# Quoting follows psql's own lexer closely enough for that: '...' (standard strings), E'...'
# (backslash escapes), $tag$...$tag$, "identifiers", -- and nested /* */ comments.
# POSIX awk (mawk). Usage: awk -f strip_psql_meta.awk FILE > COPY

BEGIN {
    st = "sql"        # sql | str | estr | dollar | comment | ident | copydata
    tag = ""          # dollar-quote delimiter, e.g. "$body$"
    depth = 0         # /* */ nesting
    stmt = ""         # plain SQL text of the current statement (start only, for COPY detection)
    brackets = 0      # [ ] nesting: a[1:n] is a slice, not a psql variable
}

function is_word_char(c) {
    return c ~ /[A-Za-z0-9_$\200-\377]/
}

# The identifier migsafe puts in place of the placeholder T: its letters, digits and underscores
# in lower case (after a "p" if that would start with a digit), padded with '_' to T's length.
function stand_in(t,    name, k, ch) {
    name = ""
    for (k = 1; k <= length(t); k++) {
        ch = substr(t, k, 1)
        if (ch ~ /[A-Za-z0-9_]/) name = name tolower(ch)
    }
    if (name == "" || name ~ /^[0-9]/) name = "p" name
    name = substr(name, 1, length(t))
    while (length(name) < length(t)) name = name "_"
    return name
}

# Length of the template placeholder starting at position i of s (0: none there).
function placeholder_length(s, i,    rest, j) {
    rest = substr(s, i)
    if (substr(rest, 1, 2) == "${") {
        j = index(substr(rest, 3), "}")
        return j ? j + 2 : 0
    }
    if (substr(rest, 1, 2) == "{{") {
        j = index(substr(rest, 3), "}}")
        return j ? j + 3 : 0
    }
    if (match(rest, /^@[A-Za-z_\200-\377][A-Za-z0-9_\200-\377]*@/)) return RLENGTH
    return 0
}

# The statement just ended by ';' was COPY ... FROM STDIN.
function is_copy_from_stdin(s,    t) {
    t = tolower(s)
    gsub(/[ \t\r\n]+/, " ", t)
    sub(/^ /, "", t)
    return t ~ /^copy / && t ~ / from stdin( |$)/
}

{
    line = $0
    if (st == "copydata") {
        if (line ~ /^\\\.[ \t\r]*$/) {
            st = "sql"
            print line
        } else {
            print ""
        }
        next
    }

    out = ""
    start_copy = 0
    n = length(line)
    i = 1
    while (i <= n) {
        c = substr(line, i, 1)
        if (st == "sql") {
            if ((c == "$" || c == "{" || c == "@") && (len = placeholder_length(line, i)) > 0) {
                out = out stand_in(substr(line, i, len))
                i += len
                continue
            }
            if (c == "\\") {
                # A meta-command runs to the end of the line: drop it.
                break
            } else if (c == "'") {
                prev = i > 1 ? substr(line, i - 1, 1) : ""
                prev2 = i > 2 ? substr(line, i - 2, 1) : ""
                if ((prev == "E" || prev == "e") && !is_word_char(prev2)) st = "estr"
                else st = "str"
            } else if (c == "\"") {
                st = "ident"
            } else if (c == "-" && substr(line, i + 1, 1) == "-") {
                # Line comment: keep it as is, nothing in it matters.
                out = out substr(line, i)
                i = n + 1
                continue
            } else if (c == "/" && substr(line, i + 1, 1) == "*") {
                st = "comment"
                depth = 1
                out = out "/*"
                i += 2
                continue
            } else if (c == "$" && !(i > 1 && is_word_char(substr(line, i - 1, 1)))) {
                rest = substr(line, i + 1)
                if (match(rest, /^([A-Za-z_\200-\377][A-Za-z0-9_\200-\377]*)?\$/)) {
                    tag = "$" substr(rest, 1, RLENGTH)
                    st = "dollar"
                    out = out tag
                    i += length(tag)
                    continue
                }
            } else if (c == ":") {
                nxt = substr(line, i + 1, 1)
                if (nxt == ":" || nxt == "=") {
                    out = out c nxt
                    i += 2
                    continue
                }
                prev = i > 1 ? substr(line, i - 1, 1) : ""
                if (brackets == 0 && prev != ":" && nxt ~ /[A-Za-z_\200-\377'"]/) c = " "
            } else if (c == "[") {
                brackets++
            } else if (c == "]") {
                if (brackets > 0) brackets--
            } else if (c == ";") {
                if (is_copy_from_stdin(stmt)) start_copy = 1
                stmt = ""
                brackets = 0
                out = out c
                i++
                continue
            }
            if (length(stmt) < 4000) stmt = stmt c
            out = out c
            i++
        } else if (st == "str" || st == "ident") {
            q = st == "str" ? "'" : "\""
            j = index(substr(line, i), q)
            if (j == 0) {
                out = out substr(line, i)
                i = n + 1
            } else {
                out = out substr(line, i, j)
                i += j
                # A doubled quote is an escaped quote, not the end.
                if (substr(line, i, 1) == q) {
                    out = out q
                    i++
                } else {
                    st = "sql"
                }
            }
        } else if (st == "estr") {
            if (c == "\\") {
                out = out substr(line, i, 2)
                i += 2
                continue
            }
            if (c == "'") {
                if (substr(line, i + 1, 1) == "'") {
                    out = out "''"
                    i += 2
                    continue
                }
                st = "sql"
            }
            out = out c
            i++
        } else if (st == "dollar") {
            j = index(substr(line, i), tag)
            if (j == 0) {
                out = out substr(line, i)
                i = n + 1
            } else {
                out = out substr(line, i, j - 1 + length(tag))
                i += j - 1 + length(tag)
                st = "sql"
            }
        } else if (st == "comment") {
            two = substr(line, i, 2)
            if (two == "/*") {
                depth++
                out = out two
                i += 2
            } else if (two == "*/") {
                depth--
                out = out two
                i += 2
                if (depth == 0) st = "sql"
            } else {
                out = out c
                i++
            }
        }
    }
    if (st == "sql" && length(stmt) < 4000) stmt = stmt "\n"
    print out
    if (start_copy) st = "copydata"
}
