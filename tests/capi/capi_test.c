/* The C API from C: built by the C compiler against the shared library, as a program in another language uses it.
 *   capi_test CASE [ARGS]   exit 0 passed, 1 failed, 4 skipped (missing models)
 * Cases: version, arguments, no-pcscd, face-match; read-card CSCA and wrong-key need pcscd with the virtual card
 * (capi_card_test.cpp starts them). */
#include <cccd/cccd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                                                    \
    do {                                                                                                    \
        if (!(condition)) {                                                                                 \
            fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, #condition,     \
                    cccd_last_error());                                                                     \
            ++failures;                                                                                     \
        }                                                                                                   \
    } while (0)

static int contains(const char* text, const char* part)
{
    return text && strstr(text, part) != NULL;
}

static void version_and_names(void)
{
    CHECK(strcmp(cccd_version(), CCCD_EXPECTED_VERSION) == 0);
    CHECK(strcmp(cccd_status_name(CCCD_OK), "ok") == 0);
    CHECK(strcmp(cccd_status_name(CCCD_ERROR_ACCESS_DENIED), "access_denied") == 0);
    CHECK(strcmp(cccd_status_name(CCCD_ERROR_FACE_NOT_USABLE), "face_not_usable") == 0);
    CHECK(strcmp(cccd_status_name(99), "unknown") == 0);
    CHECK(strcmp(cccd_status_name(-1), "unknown") == 0);
    CHECK(strcmp(cccd_last_error(), "") == 0);
}

/* Wrong arguments are statuses with a message, never a crash; a call that works clears the last error. */
static void arguments(void)
{
    cccd_read_result* result = (cccd_read_result*)1;
    cccd_read_options* options = NULL;

    CHECK(cccd_read_card(CCCD_KEY_CAN, "12a", NULL, &result) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(result == NULL);
    CHECK(strlen(cccd_last_error()) > 0);
    CHECK(cccd_read_card(CCCD_KEY_ID_NUMBER, NULL, NULL, &result) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(contains(cccd_last_error(), "key is NULL"));
    CHECK(cccd_read_card(42, "123456", NULL, &result) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(contains(cccd_last_error(), "unknown key kind"));
    CHECK(cccd_read_card(CCCD_KEY_CAN, "123456", NULL, NULL) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(cccd_read_options_set_reader(NULL, "x") == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(contains(cccd_last_error(), "options is NULL"));

    CHECK(cccd_read_options_new(&options) == CCCD_OK);
    CHECK(strcmp(cccd_last_error(), "") == 0);
    CHECK(cccd_read_options_add_trust_path(options, NULL) == CCCD_ERROR_INVALID_ARGUMENT);
    /* A trust path that does not exist is said before the card is touched. */
    CHECK(cccd_read_options_add_trust_path(options, "/nonexistent/csca.pem") == CCCD_OK);
    CHECK(cccd_read_card(CCCD_KEY_CAN, "123456", options, &result) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(contains(cccd_last_error(), "/nonexistent/csca.pem"));

    CHECK(cccd_read_result_json(NULL) == NULL);
    CHECK(cccd_read_result_document_field(NULL, "full_name") == NULL);
    CHECK(cccd_read_result_face(NULL, NULL) == NULL);
    cccd_read_options_free(options);
    cccd_read_options_free(NULL);
    cccd_read_result_free(NULL);
    cccd_face_matcher_free(NULL);
    cccd_string_free(NULL);
}

/* Run with PCSCLITE_CSOCK_NAME pointing nowhere: pcscd is "not running". */
static void no_pcscd(void)
{
    char* json = NULL;
    cccd_read_result* result = NULL;
    CHECK(cccd_readers_json(&json) == CCCD_ERROR_SERVICE_UNAVAILABLE);
    CHECK(json == NULL);
    CHECK(contains(cccd_last_error(), "pcscd"));
    CHECK(cccd_read_card(CCCD_KEY_CAN, "123456", NULL, &result) == CCCD_ERROR_SERVICE_UNAVAILABLE);
    CHECK(result == NULL);
}

static unsigned char* read_file(const char* path, size_t* size)
{
    FILE* f = fopen(path, "rb");
    unsigned char* data = NULL;
    long length;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    length = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = (unsigned char*)malloc((size_t)length);
    *size = fread(data, 1, (size_t)length, f);
    fclose(f);
    return data;
}

/* A 96x96 black PNG: a covered camera. */
static const unsigned char black_png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x60,
    0x00, 0x00, 0x00, 0x60, 0x08, 0x02, 0x00, 0x00, 0x00, 0x6d, 0xfa, 0xe0, 0x6f, 0x00, 0x00, 0x00, 0x32, 0x49, 0x44, 0x41,
    0x54, 0x78, 0xda, 0xed, 0xc1, 0x31, 0x01, 0x00, 0x00, 0x00, 0xc2, 0xa0, 0xf5, 0x4f, 0x6d, 0x0d, 0x0f, 0xa0, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x80, 0x17, 0x03, 0x6c, 0x60, 0x00, 0x01, 0xc6, 0x7c, 0x53, 0x4f, 0x00, 0x00, 0x00, 0x00, 0x49,
    0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

/* face-match FACE_IMAGE: the same face matches, a black frame is "not usable" with its cause, bytes that are no image
 * are refused. */
static int face_match(const char* face_path)
{
    cccd_face_matcher* matcher = NULL;
    size_t face_size = 0;
    unsigned char* face = read_file(face_path, &face_size);
    char* json = NULL;
    const unsigned char garbage[] = {1, 2, 3, 4};

    if (cccd_face_matcher_new(NULL, &matcher) == CCCD_ERROR_NOT_FOUND || !face) {
        printf("SKIPPED: no face models or no %s (run scripts/setup): %s\n", face_path, cccd_last_error());
        free(face);
        return getenv("CCCD_REQUIRE_DATA") && strcmp(getenv("CCCD_REQUIRE_DATA"), "1") == 0 ? 1 : 4;
    }
    CHECK(matcher != NULL);
    CHECK(cccd_face_match(matcher, face, face_size, face, face_size, 0, &json) == CCCD_OK);
    CHECK(contains(json, "\"match\":true"));
    CHECK(contains(json, "\"threshold\":"));
    cccd_string_free(json);
    json = (char*)1;

    CHECK(cccd_face_match(matcher, face, face_size, black_png, sizeof black_png, 0, &json) == CCCD_ERROR_FACE_NOT_USABLE);
    CHECK(json == NULL);
    CHECK(contains(cccd_last_error(), "the picture is black"));
    CHECK(cccd_face_match(matcher, face, face_size, garbage, sizeof garbage, 0, &json) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(contains(cccd_last_error(), "not an image"));
    CHECK(cccd_face_match(matcher, face, 0, face, face_size, 0, &json) == CCCD_ERROR_INVALID_ARGUMENT);
    CHECK(contains(cccd_last_error(), "chip_image is empty"));
    CHECK(cccd_face_match_source(matcher, face, face_size, face_path, 0, &json) == CCCD_OK);
    CHECK(contains(json, "\"match\":true"));
    cccd_string_free(json);
    cccd_face_matcher_free(matcher);
    free(face);
    return failures ? 1 : 0;
}

/* What the callbacks saw, in order. */
struct read_events {
    int stages[16];
    int stage_count;
    int files;
    int bad_progress;
    int document_calls;
    int document_before_face; /* the holder's data came before the face was read */
    int face_stage_seen;
    char full_name[128];
};

static void on_progress(void* user_data, cccd_stage stage, const char* file, size_t done, size_t total)
{
    struct read_events* events = (struct read_events*)user_data;
    if (!file) {
        if (events->stage_count < 16) events->stages[events->stage_count++] = (int)stage;
        if (stage == CCCD_STAGE_READING_FACE) events->face_stage_seen = 1;
        return;
    }
    ++events->files;
    if (done > total || total == 0) ++events->bad_progress;
}

static void on_document(void* user_data, const char* document_json)
{
    struct read_events* events = (struct read_events*)user_data;
    const char* name = strstr(document_json, "\"full_name\":\"");
    ++events->document_calls;
    events->document_before_face = !events->face_stage_seen;
    if (name) {
        name += strlen("\"full_name\":\"");
        strncpy(events->full_name, name, sizeof events->full_name - 1);
        *strchr(events->full_name, '"') = '\0';
    }
}

/* read-card CSCA: the sample citizen of the virtual card, read by ID number, verified against the test CSCA. */
static void read_card(const char* csca)
{
    cccd_read_options* options = NULL;
    cccd_read_result* result = NULL;
    struct read_events events;
    const uint8_t* face;
    size_t face_size = 0;
    int i;

    memset(&events, 0, sizeof events);
    CHECK(cccd_read_options_new(&options) == CCCD_OK);
    CHECK(cccd_read_options_add_trust_path(options, csca) == CCCD_OK);
    CHECK(cccd_read_options_set_default_trust(options, 0) == CCCD_OK);
    CHECK(cccd_read_options_set_progress_callback(options, on_progress, &events) == CCCD_OK);
    CHECK(cccd_read_options_set_document_callback(options, on_document, &events) == CCCD_OK);
    CHECK(cccd_read_card(CCCD_KEY_ID_NUMBER, "001090123456", options, &result) == CCCD_OK);
    cccd_read_options_free(options);
    if (!result) return;

    CHECK(strcmp(cccd_read_result_verdict(result), "VALID") == 0);
    CHECK(strcmp(cccd_read_result_document_field(result, "full_name"), "Nguyễn Văn An") == 0);
    CHECK(strcmp(cccd_read_result_document_field(result, "id_number"), "001090123456") == 0);
    CHECK(cccd_read_result_document_field(result, "no_such_field") == NULL);
    CHECK(contains(cccd_read_result_json(result), "\"overall\":\"VALID\""));
    CHECK(contains(cccd_read_result_json(result), "\"protocol\":\"PACE\""));
    face = cccd_read_result_face(result, &face_size);
    CHECK(face != NULL && face_size > 1000 && face[0] == 0xFF && face[1] == 0xD8); /* a JPEG */

    CHECK(events.document_calls == 1);
    CHECK(events.document_before_face);
    CHECK(strcmp(events.full_name, "Nguyễn Văn An") == 0);
    CHECK(events.face_stage_seen);
    CHECK(events.files > 0 && events.bad_progress == 0);
    for (i = 1; i < events.stage_count; ++i) CHECK(events.stages[i] > events.stages[i - 1]); /* stages only go forward */
    cccd_read_result_free(result);
}

static void wrong_key(void)
{
    cccd_read_result* result = NULL;
    CHECK(cccd_read_card(CCCD_KEY_CAN, "000000", NULL, &result) == CCCD_ERROR_ACCESS_DENIED);
    CHECK(result == NULL);
    CHECK(strlen(cccd_last_error()) > 0);
}

int main(int argc, char** argv)
{
    const char* name = argc > 1 ? argv[1] : "";
    if (strcmp(name, "version") == 0) {
        version_and_names();
    } else if (strcmp(name, "arguments") == 0) {
        arguments();
    } else if (strcmp(name, "no-pcscd") == 0) {
        no_pcscd();
    } else if (strcmp(name, "face-match") == 0 && argc > 2) {
        return face_match(argv[2]);
    } else if (strcmp(name, "read-card") == 0 && argc > 2) {
        read_card(argv[2]);
    } else if (strcmp(name, "wrong-key") == 0) {
        wrong_key();
    } else {
        fprintf(stderr, "usage: capi_test version|arguments|no-pcscd|face-match IMAGE|read-card CSCA|wrong-key\n");
        return 2;
    }
    printf("%s: %s\n", name, failures ? "FAILED" : "passed");
    return failures ? 1 : 0;
}
