/**
 * @file cccd.h
 * @brief The C API: read Vietnam's chip ID card, verify it and match its face from C, C#, Java, Python or Go.
 *
 * The rules, the same for every function:
 * - Strings going in and out are UTF-8 and end with NUL.
 * - A function that can fail returns a ::cccd_status. On failure cccd_last_error() says what went wrong, for
 *   people, in English (never personal data); it belongs to the calling thread.
 * - Objects are opaque handles. The function that makes one has a matching `_free`, which accepts NULL.
 * - A string handed out through a `char**` parameter is the caller's: free it with cccd_string_free().
 *   A `const char*` result belongs to the SDK or to the handle it came from: do not free it.
 * - No C++ type or exception crosses this API.
 * - A handle is used by one thread at a time; different handles may be used at once on different threads.
 *
 * Reports are JSON: the same shape as `cccd read --json` (see docs/cli.md and docs/reference.md).
 */
#ifndef CCCD_CCCD_H
#define CCCD_CCCD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a call did. The numbers never change: other languages may copy them. */
typedef enum cccd_status {
    CCCD_OK = 0,                        /**< it worked */
    CCCD_ERROR_INTERNAL = 1,            /**< a bug or an unexpected library failure */
    CCCD_ERROR_INVALID_ARGUMENT = 2,    /**< an unusable argument: a bad CAN, a NULL handle, an unknown option */
    CCCD_ERROR_SERVICE_UNAVAILABLE = 3, /**< pcscd is not running or not reachable */
    CCCD_ERROR_NO_READER = 4,           /**< no card reader, the named reader does not exist, or cards on several readers */
    CCCD_ERROR_NO_CARD = 5,             /**< no card on the reader (in time) */
    CCCD_ERROR_CARD_REMOVED = 6,        /**< the card left the reader during the read */
    CCCD_ERROR_COMMUNICATION = 7,       /**< the reader or the card did not answer as expected */
    CCCD_ERROR_ACCESS_DENIED = 8,       /**< wrong CAN or MRZ data: the chip refused to open */
    CCCD_ERROR_CARD_ERROR = 9,          /**< the card answered with an error status word */
    CCCD_ERROR_MALFORMED_DATA = 10,     /**< a file or image that does not parse or decode */
    CCCD_ERROR_UNSUPPORTED = 11,        /**< a valid feature the SDK does not implement */
    CCCD_ERROR_NOT_FOUND = 12,          /**< a file, model or certificate is missing */
    CCCD_ERROR_FACE_NOT_USABLE = 13     /**< no face, or several people, where one face was needed: tell the person */
} cccd_status;

/** What opens the chip (see cccd_read_card()). */
typedef enum cccd_key_kind {
    CCCD_KEY_CAN = 1,       /**< the 6-digit card access number */
    CCCD_KEY_ID_NUMBER = 2, /**< the 12-digit ID number: its last 6 digits are the CAN */
    CCCD_KEY_QR = 3,        /**< the card-face QR payload ("ID|old ID|name|ddMMyyyy|sex|address|ddMMyyyy") */
    CCCD_KEY_MRZ = 4,       /**< the MRZ printed on the back (TD1, three lines) */
    CCCD_KEY_BAC = 5        /**< "DOCNO,YYMMDD,YYMMDD": document number, date of birth, date of expiry */
} cccd_key_kind;

/** What a read is doing, for a status line from the tap on. */
typedef enum cccd_stage {
    CCCD_STAGE_WAITING_FOR_CARD = 0, /**< waiting for a card on the reader */
    CCCD_STAGE_CONNECTING = 1,       /**< the card is there: connecting to it */
    CCCD_STAGE_OPENING_CHIP = 2,     /**< PACE or BAC with the CAN or MRZ data */
    CCCD_STAGE_READING_DATA = 3,     /**< reading the holder's data and the SOD */
    CCCD_STAGE_PROVING_CHIP = 4,     /**< chip and active authentication */
    CCCD_STAGE_READING_FACE = 5,     /**< reading the face photo, the largest file */
    CCCD_STAGE_VERIFYING = 6         /**< passive authentication and the verdict */
} cccd_stage;

/** Options of a read (cccd_read_options_new()). */
typedef struct cccd_read_options cccd_read_options;
/** Everything one read gave: the report, the face photo (cccd_read_card()). */
typedef struct cccd_read_result cccd_read_result;
/** The face models, loaded once for many comparisons (cccd_face_matcher_new()). */
typedef struct cccd_face_matcher cccd_face_matcher;

/**
 * Called when the read enters a stage, and as a file is read.
 * @param user_data the pointer given with the callback
 * @param stage     the stage the read is in
 * @param file      the file being read ("DG2", "EF.SOD"), or NULL when only the stage changed
 * @param done      bytes of that file read so far
 * @param total     the file's size (0 when only the stage changed)
 */
typedef void (*cccd_progress_callback)(void* user_data, cccd_stage stage, const char* file, size_t done, size_t total);

/**
 * Called once, as soon as the holder's data is read and before the face photo: a screen can show the name early.
 * @param user_data     the pointer given with the callback
 * @param document_json the report's "document" object (id_number, full_name, date_of_birth, ...), valid during the call
 */
typedef void (*cccd_document_callback)(void* user_data, const char* document_json);

/** The library's version, "MAJOR.MINOR.PATCH". */
const char* cccd_version(void);

/** A ::cccd_status as a short word for programs ("ok", "no_card", "access_denied", ...); "unknown" for other numbers.
 *  (An int, so that any number a program passes is well-defined.) */
const char* cccd_status_name(int status);

/** The message of this thread's last failed call ("" when none failed). Valid until this thread's next call. */
const char* cccd_last_error(void);

/** Frees a string the SDK handed out through a `char**` parameter (NULL is fine). */
void cccd_string_free(char* text);

/**
 * The card readers and whether each holds a card.
 * @param[out] readers_json `{"readers": [{"index", "name", "card_present", "atr"}]}`; free it with cccd_string_free()
 * @return CCCD_OK, or CCCD_ERROR_SERVICE_UNAVAILABLE when pcscd is not running
 */
cccd_status cccd_readers_json(char** readers_json);

/**
 * New read options with the defaults: the reader holding a card, no waiting, the face read, the document verified
 * against the trust paths added and the default trust store (`cccd trust import`).
 * @param[out] options free it with cccd_read_options_free()
 */
cccd_status cccd_read_options_new(cccd_read_options** options);

/** Frees read options (NULL is fine). */
void cccd_read_options_free(cccd_read_options* options);

/** The reader: its name, its index ("0"), or a unique part of its name; NULL or "" for the reader holding a card. */
cccd_status cccd_read_options_set_reader(cccd_read_options* options, const char* reader);

/** Waits up to this many milliseconds for a card to arrive (default 0: the card must be there). */
cccd_status cccd_read_options_set_wait_ms(cccd_read_options* options, uint32_t wait_ms);

/** Whether to read the face photo (default 1). Without it a read is faster by the photo's 15-20 KB. */
cccd_status cccd_read_options_set_read_face(cccd_read_options* options, int read_face);

/** Whether to verify the document: passive, chip and active authentication (default 1). */
cccd_status cccd_read_options_set_verify(cccd_read_options* options, int verify);

/** Trusts a CSCA certificate, master list or CRL, or every such file in a folder. May be called again. */
cccd_status cccd_read_options_add_trust_path(cccd_read_options* options, const char* path);

/** Whether the default trust store (`cccd trust import`) counts too (default 1). */
cccd_status cccd_read_options_set_default_trust(cccd_read_options* options, int use_default_trust);

/** Calls back with the stage and the progress of each file, on the thread that reads. NULL removes it. */
cccd_status cccd_read_options_set_progress_callback(cccd_read_options* options, cccd_progress_callback callback,
                                                    void* user_data);

/** Calls back with the holder's data before the face is read, on the thread that reads. NULL removes it. */
cccd_status cccd_read_options_set_document_callback(cccd_read_options* options, cccd_document_callback callback,
                                                    void* user_data);

/**
 * Reads the card: opens the chip with the key, reads the data groups the SOD lists, verifies them.
 * @param kind        a ::cccd_key_kind: what key is (an int, so that any number a program passes is well-defined)
 * @param key         the CAN, ID number, QR payload, MRZ or BAC text
 * @param options     NULL for the defaults
 * @param[out] result free it with cccd_read_result_free(); NULL on failure
 * @return CCCD_OK; CCCD_ERROR_INVALID_ARGUMENT (a malformed key or an unusable trust path, said before the card
 *         is touched), CCCD_ERROR_SERVICE_UNAVAILABLE, CCCD_ERROR_NO_READER,
 *         CCCD_ERROR_NO_CARD, CCCD_ERROR_ACCESS_DENIED (wrong key: one attempt, no retry), CCCD_ERROR_CARD_REMOVED,
 *         CCCD_ERROR_COMMUNICATION ...
 */
cccd_status cccd_read_card(int kind, const char* key, const cccd_read_options* options, cccd_read_result** result);

/** The report as JSON (reader, access, document, data_groups, face, verification, timing_ms), owned by the result. */
const char* cccd_read_result_json(const cccd_read_result* result);

/**
 * One field of the holder's data, by its report name ("full_name", "id_number", "date_of_birth", ...).
 * @return the value, owned by the result; NULL when the card does not hold it or the name is unknown
 */
const char* cccd_read_result_document_field(const cccd_read_result* result, const char* name);

/** The verdict: "VALID", "INVALID" or "UNVERIFIED" (see docs/verification.md). */
const char* cccd_read_result_verdict(const cccd_read_result* result);

/**
 * The chip's face photo (biometric data: wiped when the result is freed).
 * @param result    the read
 * @param[out] size the photo's size in bytes (0 when it was not read)
 * @return the encoded photo (JPEG or JPEG 2000, see the report's "face"), owned by the result; NULL when not read
 */
const uint8_t* cccd_read_result_face(const cccd_read_result* result, size_t* size);

/** Frees a result and wipes the photo and the holder's data it held (NULL is fine). */
void cccd_read_result_free(cccd_read_result* result);

/**
 * Loads the face models.
 * @param model_folder the models' folder; NULL or "" for the default places ($CCCD_MODEL_DIR, the installed models)
 * @param[out] matcher free it with cccd_face_matcher_free()
 * @return CCCD_OK, or CCCD_ERROR_NOT_FOUND naming the missing model and the folders searched
 */
cccd_status cccd_face_matcher_new(const char* model_folder, cccd_face_matcher** matcher);

/** Frees a matcher (NULL is fine). */
void cccd_face_matcher_free(cccd_face_matcher* matcher);

/** 1 when the liveness models are installed (a match may then check that the live face is a real person). */
int cccd_face_matcher_has_liveness(const cccd_face_matcher* matcher);

/**
 * Is the person in the live image the person on the chip?
 * @param matcher     the loaded models
 * @param chip_image  the chip photo (cccd_read_result_face()), JPEG or JPEG 2000
 * @param chip_size   its size in bytes
 * @param live_image  an encoded camera frame (JPEG, PNG ...)
 * @param live_size   its size in bytes
 * @param liveness    1 to check that the live face is a real person, not a photo or a screen
 * @param[out] match_json `{"match", "score", "threshold", "liveness", "timing_ms", "warnings"}`; free it with cccd_string_free()
 * @return CCCD_OK (whatever the answer); CCCD_ERROR_FACE_NOT_USABLE with what to tell the person ("no face found
 *         in the live image: the picture is black ..."); CCCD_ERROR_INVALID_ARGUMENT for bytes that are not an image;
 *         CCCD_ERROR_MALFORMED_DATA for a damaged image (cut short where the face is)
 */
cccd_status cccd_face_match(cccd_face_matcher* matcher, const uint8_t* chip_image, size_t chip_size, const uint8_t* live_image,
                            size_t live_size, int liveness, char** match_json);

/**
 * The same with frames from a live source: compares the best of a few frames.
 * @param matcher    the loaded models
 * @param chip_image the chip photo (cccd_read_result_face()), JPEG or JPEG 2000
 * @param chip_size  its size in bytes
 * @param source     "camera:N" (a V4L2 camera), a video file, an image or a folder of images
 * @param liveness   1 to check that the live face is a real person
 * @param[out] match_json as for cccd_face_match(); free it with cccd_string_free()
 * @return the answers of cccd_face_match()
 */
cccd_status cccd_face_match_source(cccd_face_matcher* matcher, const uint8_t* chip_image, size_t chip_size, const char* source,
                                   int liveness, char** match_json);

#ifdef __cplusplus
}
#endif

#endif /* CCCD_CCCD_H */
