# `cmake --install` and CPack. Two components, two Debian packages:
#   core  slotlint: the CLI (every language but C and C++), its rule docs
#   cpp   slotlint-cpp: the C/C++ component, in libexec/slotlint/ (the core
#         finds it there, relative to itself), linking Clang/LLVM 19
# Everything else the binaries need at run time (API models, the command
# table, rule docs, the C/C++ clients' model headers) is compiled in.
include(GNUInstallDirs)

install(TARGETS slotlint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT core)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/rules/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/rules
        COMPONENT core FILES_MATCHING PATTERN "*.md")
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/configuration.md
              ${CMAKE_SOURCE_DIR}/docs/github-code-scanning.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT core)
if(SLOTLINT_CPP)
  install(TARGETS slotlint-cpp RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/slotlint
          COMPONENT cpp)
endif()

set(CPACK_PACKAGE_NAME slotlint)
set(CPACK_PACKAGE_VENDOR "slotlint")
set(CPACK_PACKAGE_CONTACT "slotlint maintainers <slotlint@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Finds Redis Cluster CROSSSLOT hazards in source code")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Depends: the Debian packages of the shared libraries each binary links
# (dpkg-shlibdeps reads them off the binaries).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_CORE_PACKAGE_NAME slotlint)
set(CPACK_COMPONENT_CORE_DESCRIPTION
    "slotlint: Python, JavaScript/TypeScript, Go, Java and Lua; no LLVM")
if(SLOTLINT_CPP)
  set(CPACK_COMPONENTS_ALL core cpp)
  set(CPACK_DEBIAN_CPP_PACKAGE_NAME slotlint-cpp)
  set(CPACK_COMPONENT_CPP_DESCRIPTION "slotlint's C and C++ component (Clang/LLVM 19 LibTooling)")
  # Clang's builtin headers (stddef.h, ...), which every parse needs, are in
  # libclang-common-19-dev; slotlint-cpp finds them beside libclang-cpp.
  set(CPACK_DEBIAN_CPP_PACKAGE_DEPENDS
      "slotlint (= ${PROJECT_VERSION}), libclang-common-19-dev")
else()
  set(CPACK_COMPONENTS_ALL core)
endif()
include(CPack)
