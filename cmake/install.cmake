# `cmake --install`: headers, libcccd (static and shared), the programs, the face models with their licenses,
# the CMake package (find_package(cccd) -> cccd::cccd) and cccd.pc. scripts/package turns the same tree into a .deb.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(cccd_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/cccd)
# What the static library needs besides OpenSSL, OpenCV and dlib: pkg-config modules, for cccd.pc and the CMake package.
set(cccd_static_pkg_modules libpcsclite libturbojpeg libopenjp2 libpng zbar cpp-httplib)
set(cccd_opencv_components core imgproc imgcodecs objdetect dnn videoio) # as sdk/face finds them

if(BUILD_SHARED_LIBS)
  set(cccd_shared_target cccd)
  set(cccd_static_target cccd_static)
else()
  set(cccd_shared_target cccd_shared)
  set(cccd_static_target cccd)
endif()
set_target_properties(${cccd_shared_target} PROPERTIES EXPORT_NAME cccd)
set_target_properties(${cccd_static_target} PROPERTIES EXPORT_NAME cccd_static)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cccd DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(TARGETS ${cccd_shared_target} EXPORT cccdTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev)
install(TARGETS ${cccd_static_target} EXPORT cccdStaticTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(EXPORT cccdTargets NAMESPACE cccd:: DESTINATION ${cccd_cmake_dir} COMPONENT dev)
install(EXPORT cccdStaticTargets NAMESPACE cccd:: DESTINATION ${cccd_cmake_dir} COMPONENT dev)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/cccdConfig.cmake.in ${PROJECT_BINARY_DIR}/cccdConfig.cmake
  INSTALL_DESTINATION ${cccd_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cccdConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cccdConfig.cmake ${PROJECT_BINARY_DIR}/cccdConfigVersion.cmake
  DESTINATION ${cccd_cmake_dir} COMPONENT dev)

# cccd.pc finds its prefix from its own place (${pcfiledir}), so a tree installed anywhere works as it is.
file(RELATIVE_PATH cccd_pc_to_prefix /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REPLACE ";" " " cccd_pc_requires_private "${cccd_static_pkg_modules}")
list(TRANSFORM cccd_opencv_components PREPEND -lopencv_ OUTPUT_VARIABLE cccd_pc_opencv_libs)
string(REPLACE ";" " " cccd_pc_opencv_libs "${cccd_pc_opencv_libs}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/cccd.pc.in ${PROJECT_BINARY_DIR}/cccd.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cccd.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

install(TARGETS cccd_cli cccd-agent RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
if(TARGET cccd-vcard)
  install(TARGETS cccd-vcard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()

# The face models as scripts/install-models put them in the build tree (SHA-256 checked there), with their licenses.
# The SDK also looks in <prefix>/share/cccd/models (sdk/face/models.cpp), so an installed SDK needs nothing else.
set(cccd_models_dir ${CMAKE_INSTALL_DATADIR}/cccd/models)
if(NOT EXISTS ${PROJECT_BINARY_DIR}/models/dlib_face_recognition_resnet_model_v1.dat)
  message(WARNING "No face models in ${PROJECT_BINARY_DIR}/models: run scripts/install-models before installing or packaging")
endif()
install(DIRECTORY ${PROJECT_BINARY_DIR}/models/ DESTINATION ${cccd_models_dir} COMPONENT models OPTIONAL
  FILES_MATCHING PATTERN "*.onnx" PATTERN "*.dat" PATTERN "LICENSE*" PATTERN ".npm" EXCLUDE)

# Examples of other languages on the C API (docs/integration-languages.md).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT dev
  PATTERN "__pycache__" EXCLUDE)

# The documentation next to the examples: README, license, the guides.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT dev)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT dev FILES_MATCHING PATTERN "*.md" PATTERN "*.yaml" PATTERN "*.png")
