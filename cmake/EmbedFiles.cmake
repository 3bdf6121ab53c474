# slotlint_embed_files(<target> <header-name> <function> FILES <file>...)
# Builds a static library <target> whose function
#   std::span<const slotlint::EmbeddedFile> <function>()
# returns the given files' bytes, sorted by file name, so data (API models,
# rule docs) ships inside the binary and is regenerated when a file changes.
set(SLOTLINT_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files_script.cmake")

function(slotlint_embed_files target function)
  cmake_parse_arguments(EMBED "" "" "FILES" ${ARGN})
  list(SORT EMBED_FILES)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${function}
            "-DFILES=${EMBED_FILES}" -P "${SLOTLINT_EMBED_SCRIPT}"
    DEPENDS ${EMBED_FILES} "${SLOTLINT_EMBED_SCRIPT}"
    COMMENT "Embedding ${target} data"
    VERBATIM)
  add_library(${target} STATIC "${output}")
  target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR})
endfunction()
