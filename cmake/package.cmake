# The Debian package (scripts/package): what cmake --install puts under /usr, plus the agent's systemd unit, its
# configuration and the maintainer scripts from packaging/. Those are the "system" component, left out of a plain
# cmake --install (which must not write to /etc or /lib/systemd) and packaged with the rest.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/cccd-agent.service DESTINATION /lib/systemd/system COMPONENT system EXCLUDE_FROM_ALL)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/agent.json DESTINATION /etc/cccd COMPONENT system EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cccd)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "CCCD SDK maintainers <cccd-sdk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "read, verify and face-match Vietnam's chip citizen ID card (CCCD)")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Reads the chip over PC/SC (PACE or BAC, secure messaging), verifies the data and
the chip (passive, chip and active authentication) and compares its face photo with a camera frame.
.
The cccd command, the cccd-agent service for web pages (a systemd unit running as its own user), the virtual
card cccd-vcard, libcccd (shared and static) with its C++ and C headers, the CMake package and cccd.pc, and
the face models (YuNet, dlib, MiniFASNet) with their licenses.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE) # one package: a counter PC gets everything with one apt install
set(CPACK_COMPONENTS_ALL runtime dev models system)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # cccd_VERSION_ARCH.deb
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip) # the models barely compress: xz would only cost time
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # the library packages of OpenCV, dlib, OpenSSL ... found by dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "pcscd, adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libccid, libopenblas0-serial | libopenblas0")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "vsmartcard-vpcd, pcsc-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
  ${PROJECT_SOURCE_DIR}/packaging/debian/postrm ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
