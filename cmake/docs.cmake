# The reference of the public headers: Doxygen HTML (Doxyfile), every warning an error. `cccd_docs` writes
# build/docs/html, which cmake --install and the Debian package carry when it was built (scripts/package builds it);
# tests/install checks it in a folder of its own.
find_program(DOXYGEN_PROGRAM doxygen)
if(NOT DOXYGEN_PROGRAM)
  message(STATUS "doxygen not found: no reference HTML (scripts/setup installs it)")
  return()
endif()
add_custom_target(cccd_docs
  COMMAND ${CMAKE_COMMAND} -E env CCCD_VERSION=${PROJECT_VERSION} CCCD_DOCS_OUT=${PROJECT_BINARY_DIR}/docs ${DOXYGEN_PROGRAM} Doxyfile
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "Doxygen: the reference of include/cccd" VERBATIM)
include(GNUInstallDirs)
install(DIRECTORY ${PROJECT_BINARY_DIR}/docs/html/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/html COMPONENT dev OPTIONAL)
