# tree-sitter grammars for host-language migrations (Rails, Alembic, Django, knex,
# node-pg-migrate) and, later, column references in application code.
#
# scripts/fetch-grammars.sh holds the pinned npm versions and fetches them into
# MIGSAFE_GRAMMAR_CACHE at configure time. Each grammar's generated parser.c (and scanner.c when
# the grammar has one) is compiled as C into the static library `migsafe_grammars`, with warnings
# off: the generated code is not ours and our -Werror must not apply to it.
#
# Provides: target migsafe_grammars (links libtree-sitter, the runtime from libtree-sitter-dev).

set(MIGSAFE_GRAMMAR_CACHE "$ENV{HOME}/.cache/migsafe-npm/grammars"
    CACHE PATH "Where scripts/fetch-grammars.sh unpacks the tree-sitter grammar packages")

find_library(TREE_SITTER_LIB tree-sitter REQUIRED)       # libtree-sitter-dev
find_path(TREE_SITTER_INCLUDE tree_sitter/api.h REQUIRED)

# The highest grammar ABI the installed runtime loads (TREE_SITTER_LANGUAGE_VERSION in api.h).
file(STRINGS "${TREE_SITTER_INCLUDE}/tree_sitter/api.h" _ts_abi_line
     REGEX "^#define TREE_SITTER_LANGUAGE_VERSION [0-9]+")
string(REGEX MATCH "[0-9]+$" MIGSAFE_TREE_SITTER_MAX_ABI "${_ts_abi_line}")

set(_fetch_script "${CMAKE_SOURCE_DIR}/scripts/fetch-grammars.sh")
execute_process(
  COMMAND bash "${_fetch_script}" "${MIGSAFE_GRAMMAR_CACHE}"
  RESULT_VARIABLE _fetch_result)
if(NOT _fetch_result EQUAL 0)
  message(FATAL_ERROR "Fetching the tree-sitter grammars from npm failed (scripts/fetch-grammars.sh "
                      "${MIGSAFE_GRAMMAR_CACHE}); is the npm registry reachable?")
endif()
# Re-configure when the pinned versions change.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_fetch_script}")

# The pinned packages, read from the script so there is one list.
file(STRINGS "${_fetch_script}" _grammar_specs REGEX "^    tree-sitter-[a-z]+@[0-9.]+$")
set(_grammar_sources)
foreach(_spec ${_grammar_specs})
  string(STRIP "${_spec}" _spec)
  string(REPLACE "@" "-" _package_dir "${_spec}")
  set(_package "${MIGSAFE_GRAMMAR_CACHE}/${_package_dir}/package")
  # tree-sitter-typescript holds two grammars, typescript and tsx, each in its own directory.
  if(_spec MATCHES "^tree-sitter-typescript@")
    set(_grammar_dirs "${_package}/typescript/src" "${_package}/tsx/src")
  else()
    set(_grammar_dirs "${_package}/src")
  endif()
  foreach(_dir ${_grammar_dirs})
    set(_parser "${_dir}/parser.c")
    if(NOT EXISTS "${_parser}")
      message(FATAL_ERROR "${_spec}: ${_parser} is missing; delete ${MIGSAFE_GRAMMAR_CACHE}/${_package_dir} and re-run cmake")
    endif()
    file(STRINGS "${_parser}" _abi_line REGEX "^#define LANGUAGE_VERSION [0-9]+")
    string(REGEX MATCH "[0-9]+$" _abi "${_abi_line}")
    if(NOT _abi OR _abi GREATER MIGSAFE_TREE_SITTER_MAX_ABI)
      message(FATAL_ERROR "${_spec}: ${_parser} has grammar ABI '${_abi}', but the installed "
                          "libtree-sitter loads ABI <= ${MIGSAFE_TREE_SITTER_MAX_ABI}. Pin a grammar "
                          "version generated for ABI ${MIGSAFE_TREE_SITTER_MAX_ABI} in scripts/fetch-grammars.sh.")
    endif()
    set(_files "${_parser}")
    if(EXISTS "${_dir}/scanner.c")
      list(APPEND _files "${_dir}/scanner.c")
    endif()
    # Each grammar has its own tree_sitter/parser.h next to its parser.c.
    set_source_files_properties(${_files} PROPERTIES
      LANGUAGE C
      INCLUDE_DIRECTORIES "${_dir}"
      COMPILE_OPTIONS "-w")
    list(APPEND _grammar_sources ${_files})
  endforeach()
endforeach()
list(LENGTH _grammar_specs _grammar_count)
if(NOT _grammar_count EQUAL 6)
  message(FATAL_ERROR "Expected 6 pinned grammars in ${_fetch_script}, found ${_grammar_count}")
endif()

add_library(migsafe_grammars STATIC ${_grammar_sources})
set_target_properties(migsafe_grammars PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON)
target_include_directories(migsafe_grammars PUBLIC ${TREE_SITTER_INCLUDE})
target_link_libraries(migsafe_grammars PUBLIC ${TREE_SITTER_LIB})
