# Writes drivers/readers/profiles.json into a C++ source as a raw string literal.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "namespace cccd::transport {\nextern const char* const builtInReaderProfiles;\nconst char* const builtInReaderProfiles = R\"cccdjson(${content})cccdjson\";\n}\n")
