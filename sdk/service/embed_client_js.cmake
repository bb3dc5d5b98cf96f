# Writes sdk/service/client.js into a C++ source as a raw string literal.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "namespace cccd::service {\nextern const char* const clientJs;\nconst char* const clientJs = R\"cccdjs(${content})cccdjs\";\n}\n")
