/* The C ABI from C: valid and invalid documents, NULLs, invalid UTF-8, the empty string, a 10 MB
 * document, and 8 threads at once. Run by zielsystem-capi/tests/c/run (from scripts/test), under
 * valgrind when it is installed.
 *
 * Usage: test_capi ROOT   (ROOT: the repository, for examples/ and tests/)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zielsystem.h"

static const char *root;
static int failures;
static int checks;

#define CHECK(condition, ...)                                                                      \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(condition)) {                                                                        \
            failures++;                                                                            \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

/* A document of the repository: its bytes (NUL-terminated for convenience) and length. */
typedef struct {
    char *data;
    size_t len;
} buffer;

static buffer read_file(const char *relative) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, relative);
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    buffer out = {NULL, 0};
    size_t capacity = 0;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, file)) > 0) {
        if (out.len + got + 1 > capacity) {
            capacity = (out.len + got + 1) * 2;
            out.data = realloc(out.data, capacity);
            if (out.data == NULL) {
                exit(2);
            }
        }
        memcpy(out.data + out.len, chunk, got);
        out.len += got;
    }
    fclose(file);
    if (out.data == NULL) {
        out.data = calloc(1, 1);
    }
    out.data[out.len] = '\0';
    return out;
}

/* A JSON array of the sheets of one tertial folder of the example, in goal order. */
static buffer sheets_of(const char *tertial, const char *const *goals, size_t count) {
    buffer out = {malloc(2), 1};
    out.data[0] = '[';
    for (size_t i = 0; i < count; i++) {
        char relative[256];
        snprintf(relative, sizeof relative, "examples/mitte-2022/sheets/%s/%s.json", tertial,
                 goals[i]);
        buffer sheet = read_file(relative);
        out.data = realloc(out.data, out.len + sheet.len + 3);
        if (i > 0) {
            out.data[out.len++] = ',';
        }
        memcpy(out.data + out.len, sheet.data, sheet.len);
        out.len += sheet.len;
        free(sheet.data);
    }
    out.data[out.len++] = ']';
    out.data[out.len] = '\0';
    return out;
}

static int contains(const char *text, const char *part) {
    return text != NULL && strstr(text, part) != NULL;
}

/* Checks a result: not NULL, valid or not as expected, each of `codes` present; then frees it. */
static void expect(char *result, int valid, const char *const *codes, const char *what) {
    CHECK(result != NULL, "%s: NULL result", what);
    if (result == NULL) {
        return;
    }
    const char *flag = valid ? "{\"valid\":true," : "{\"valid\":false,";
    CHECK(strncmp(result, flag, strlen(flag)) == 0, "%s: expected %s, got %.300s", what, flag,
          result);
    for (; codes != NULL && *codes != NULL; codes++) {
        char needle[128];
        snprintf(needle, sizeof needle, "\"code\":\"%s\"", *codes);
        CHECK(contains(result, needle), "%s: %s missing in %.500s", what, *codes, result);
    }
    zielsystem_string_free(result);
}

static const char *const goals_t1[] = {"A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08",
                                       "A09", "A10", "A11", "A12", "A13", "A14", "A15", "V01",
                                       "V02", "V03", "V04", "V05", "V06", "V07", "V08"};
#define GOALS (sizeof goals_t1 / sizeof goals_t1[0])

static buffer example_system;
static buffer example_sheet;

static void test_version(void) {
    const char *version = zielsystem_version();
    CHECK(version != NULL && strlen(version) > 0, "version empty");
    CHECK(version == zielsystem_version(), "version is not static");
}

static void test_system(void) {
    expect(zielsystem_validate_system(example_system.data, example_system.len, NULL, 0), 1, NULL,
           "example system");
    buffer previous = read_file("tests/fixtures/rules-system-2021.json");
    buffer current = read_file("tests/fixtures/rules-system-2022.json");
    expect(zielsystem_validate_system(current.data, current.len, previous.data, previous.len), 1,
           NULL, "system with previous year");
    const char *const required[] = {"SCHEMA_REQUIRED", NULL};
    char *result = zielsystem_validate_system(NULL, 0, NULL, 0);
    CHECK(contains(result, "\"argument\":\"system\""), "NULL system: %s", result);
    expect(result, 0, required, "NULL system");
    const char *const syntax[] = {"JSON_SYNTAX", NULL};
    expect(zielsystem_validate_system("", 0, NULL, 0), 0, syntax, "empty string");
    /* A non-NULL pointer with length 0 is the empty document, whatever the bytes behind it. */
    expect(zielsystem_validate_system(example_system.data, 0, NULL, 0), 0, syntax,
           "length 0 of a real buffer");
    expect(zielsystem_validate_system("\xff\xfe{}", 4, NULL, 0), 0, syntax, "invalid UTF-8");
    expect(zielsystem_validate_system("{\"year\": \"caf\xe9\"}", 17, NULL, 0), 0, syntax,
           "Latin-1 inside a string");
    /* Lengths are explicit: a NUL inside the buffer is a byte of the document, not its end. */
    expect(zielsystem_validate_system("{}\0{}", 5, NULL, 0), 0, syntax, "embedded NUL");
    /* A malformed previous year: its findings are marked, the system itself is still checked. */
    result = zielsystem_validate_system(current.data, current.len, "[1,", 3);
    CHECK(contains(result, "\"argument\":\"previous\""), "bad previous: %s", result);
    expect(result, 0, syntax, "malformed previous");
    const char *const ts[] = {"TS07", NULL};
    buffer bad = read_file("tests/cases/system/ts07-no-steering-service/system.json");
    expect(zielsystem_validate_system(bad.data, bad.len, NULL, 0), 0, ts, "TS07 case");
    free(bad.data);
    free(previous.data);
    free(current.data);
}

static void test_sheet(void) {
    expect(zielsystem_validate_sheet(example_sheet.data, example_sheet.len, example_system.data,
                                     example_system.len, NULL, 0),
           1, NULL, "example sheet");
    /* T2 of the same goal with T1 as history (RS13), as a JSON array. */
    buffer t2 = read_file("examples/mitte-2022/sheets/2022-T2/A01.json");
    const char *const a01[] = {"A01"};
    buffer history = sheets_of("2022-T1", a01, 1);
    expect(zielsystem_validate_sheet(t2.data, t2.len, example_system.data, example_system.len,
                                     history.data, history.len),
           1, NULL, "sheet with history");
    free(history.data);
    free(t2.data);

    buffer system = read_file("tests/fixtures/rules-system-2022.json");
    buffer rules = read_file("tests/cases/sheet/five-rule-problems/sheet.json");
    const char *const five[] = {"RS01", "RS05", "RS09", "RS12", "RS14", NULL};
    expect(zielsystem_validate_sheet(rules.data, rules.len, system.data, system.len, NULL, 0), 0,
           five, "five rule problems");
    free(rules.data);
    free(system.data);

    buffer fixture = read_file("tests/fixtures/system-2022.json");
    buffer schema = read_file("tests/cases/sheet/five-schema-problems/sheet.json");
    char *result =
        zielsystem_validate_sheet(schema.data, schema.len, fixture.data, fixture.len, NULL, 0);
    CHECK(contains(result, "\"path\":\"/"), "schema problems without paths: %s", result);
    expect(result, 0, NULL, "five schema problems");
    free(schema.data);
    buffer latin1 = read_file("tests/cases/sheet/json-syntax-not-utf8/sheet.json");
    const char *const syntax[] = {"JSON_SYNTAX", NULL};
    expect(zielsystem_validate_sheet(latin1.data, latin1.len, fixture.data, fixture.len, NULL, 0),
           0, syntax, "Latin-1 sheet");
    free(latin1.data);
    free(fixture.data);

    const char *const required[] = {"SCHEMA_REQUIRED", NULL};
    result = zielsystem_validate_sheet(NULL, 0, example_system.data, example_system.len, NULL, 0);
    CHECK(contains(result, "\"argument\":\"sheet\""), "NULL sheet: %s", result);
    expect(result, 0, required, "NULL sheet");
    result = zielsystem_validate_sheet(example_sheet.data, example_sheet.len, NULL, 0, NULL, 0);
    CHECK(contains(result, "\"argument\":\"system\""), "NULL system: %s", result);
    expect(result, 0, required, "NULL system for a sheet");
    expect(zielsystem_validate_sheet(NULL, 0, NULL, 0, NULL, 0), 0, required, "all NULL");
    expect(zielsystem_validate_sheet("", 0, example_system.data, example_system.len, NULL, 0), 0,
           syntax, "empty sheet");
    /* A malformed context. */
    result = zielsystem_validate_sheet(example_sheet.data, example_sheet.len, "{\"year\":", 8,
                                       NULL, 0);
    CHECK(contains(result, "\"argument\":\"system\""), "malformed system: %s", result);
    expect(result, 0, syntax, "malformed system");
    const char *const type[] = {"SCHEMA_TYPE", NULL};
    result = zielsystem_validate_sheet(example_sheet.data, example_sheet.len, example_system.data,
                                       example_system.len, "{}", 2);
    CHECK(contains(result, "\"argument\":\"history\""), "object history: %s", result);
    expect(result, 0, type, "history not an array");
    const char *const in_history[] = {"SCHEMA_REQUIRED", NULL};
    result = zielsystem_validate_sheet(example_sheet.data, example_sheet.len, example_system.data,
                                       example_system.len, "[{}]", 4);
    CHECK(contains(result, "\"path\":\"/0\""), "history item path: %s", result);
    expect(result, 0, in_history, "history with an empty object");
    expect(zielsystem_validate_sheet(example_sheet.data, example_sheet.len, example_system.data,
                                     example_system.len, "[\xff]", 3),
           0, syntax, "history not UTF-8");
}

static void test_large(void) {
    /* 10 MB: a well-formed document over the 8 MiB limit is refused before it is parsed. */
    size_t len = 10 * 1000 * 1000;
    char *big = malloc(len);
    CHECK(big != NULL, "malloc");
    if (big == NULL) {
        return;
    }
    memset(big, 'a', len);
    memcpy(big, "{\"x\":\"", 6);
    memcpy(big + len - 2, "\"}", 2);
    const char *const limit[] = {"SCHEMA_LIMIT", NULL};
    expect(zielsystem_validate_system(big, len, NULL, 0), 0, limit, "10 MB system");
    expect(zielsystem_validate_sheet(big, len, example_system.data, example_system.len, NULL, 0),
           0, limit, "10 MB sheet");
    free(big);
}

/* Whether a consolidation result is a report (it has no key "valid"). */
static int is_report(const char *result) {
    return result != NULL && !contains(result, "\"valid\":") && contains(result, "\"goals\":[");
}

static void test_consolidate(void) {
    buffer t1 = sheets_of("2022-T1", goals_t1, GOALS);
    char *report = zielsystem_consolidate(example_system.data, example_system.len, t1.data, t1.len,
                                          "2022-T1", "2022-06-14");
    CHECK(is_report(report), "T1 report: %.300s", report);
    CHECK(contains(report, "\"tertial\":\"2022-T1\""), "T1 report tertial");
    CHECK(contains(report, "\"stage\":\"draft\""), "T1 report stage");
    zielsystem_string_free(report);

    buffer t2 = sheets_of("2022-T2", goals_t1, GOALS);
    report = zielsystem_consolidate_with_previous(example_system.data, example_system.len, t2.data,
                                                  t2.len, t1.data, t1.len, "2022-T2",
                                                  "2022-10-14");
    CHECK(is_report(report), "T2 report: %.300s", report);
    CHECK(contains(report, "\"compared_with\":\"2022-T1\""), "T2 compared with T1: %.300s",
          report);
    zielsystem_string_free(report);
    report = zielsystem_consolidate_with_previous(example_system.data, example_system.len, t2.data,
                                                  t2.len, NULL, 0, "2022-T2", "2022-10-14");
    CHECK(is_report(report), "T2 report without previous");
    zielsystem_string_free(report);

    /* A sheet of another tertial is the report's finding (TR01), not a refusal. */
    report = zielsystem_consolidate(example_system.data, example_system.len, t1.data, t1.len,
                                    "2022-T2", "2022-10-14");
    CHECK(is_report(report) && contains(report, "\"code\":\"TR01\""), "TR01: %.300s", report);
    zielsystem_string_free(report);

    /* Bad arguments: a validation result with every finding at once. */
    const char *const all[] = {"SCHEMA_REQUIRED", "SCHEMA_FORMAT", NULL};
    char *result = zielsystem_consolidate(example_system.data, example_system.len, NULL, 0,
                                          "2022-T4", "14.06.2022");
    CHECK(contains(result, "\"argument\":\"sheets\"") && contains(result, "\"argument\":\"as_of\"")
              && contains(result, "\"argument\":\"tertial\""),
          "bad arguments: %s", result);
    expect(result, 0, all, "bad consolidation arguments");
    const char *const required[] = {"SCHEMA_REQUIRED", NULL};
    expect(zielsystem_consolidate(NULL, 0, NULL, 0, NULL, NULL), 0, required, "all NULL");
    const char *const syntax[] = {"JSON_SYNTAX", NULL};
    expect(zielsystem_consolidate(example_system.data, example_system.len, "", 0, "2022-T1",
                                  "2022-06-14"),
           0, syntax, "empty sheets");
    expect(zielsystem_consolidate(example_system.data, example_system.len, "[\"\xff\"]", 4,
                                  "2022-T1", "2022-06-14"),
           0, syntax, "sheets not UTF-8");
    const char *const format[] = {"SCHEMA_FORMAT", NULL};
    expect(zielsystem_consolidate(example_system.data, example_system.len, t1.data, t1.len,
                                  "2022-T\xff", "2022-06-14"),
           0, format, "tertial not UTF-8");
    /* A malformed sheet in the array: its findings point into the array. */
    const char *const bad_sheet[] = {"SCHEMA_REQUIRED", NULL};
    result = zielsystem_consolidate(example_system.data, example_system.len, "[{\"goal\":\"A01\"}]",
                                    16, "2022-T1", "2022-06-14");
    CHECK(contains(result, "\"path\":\"/0\""), "malformed sheet path: %s", result);
    expect(result, 0, bad_sheet, "malformed sheet in the array");
    free(t2.data);
    free(t1.data);
}

/* The threads' work: every function, many times; the results must equal the single-threaded ones. */
typedef struct {
    const char *system_result;
    const char *sheet_result;
    const char *report_result;
    const buffer *sheets;
    int mismatches;
} work;

static void *worker(void *argument) {
    work *job = argument;
    for (int round = 0; round < 4; round++) {
        char *system = zielsystem_validate_system(example_system.data, example_system.len, NULL, 0);
        char *sheet = zielsystem_validate_sheet(example_sheet.data, example_sheet.len,
                                                example_system.data, example_system.len, NULL, 0);
        char *report = zielsystem_consolidate(example_system.data, example_system.len,
                                              job->sheets->data, job->sheets->len, "2022-T1",
                                              "2022-06-14");
        char *bad = zielsystem_validate_sheet("\xff", 1, NULL, 0, NULL, 0);
        job->mismatches += system == NULL || strcmp(system, job->system_result) != 0;
        job->mismatches += sheet == NULL || strcmp(sheet, job->sheet_result) != 0;
        job->mismatches += report == NULL || strcmp(report, job->report_result) != 0;
        job->mismatches += !contains(bad, "SCHEMA_REQUIRED");
        zielsystem_string_free(system);
        zielsystem_string_free(sheet);
        zielsystem_string_free(report);
        zielsystem_string_free(bad);
    }
    return NULL;
}

static void test_threads(void) {
    enum { THREADS = 8 };
    buffer t1 = sheets_of("2022-T1", goals_t1, GOALS);
    char *system = zielsystem_validate_system(example_system.data, example_system.len, NULL, 0);
    char *sheet = zielsystem_validate_sheet(example_sheet.data, example_sheet.len,
                                            example_system.data, example_system.len, NULL, 0);
    char *report = zielsystem_consolidate(example_system.data, example_system.len, t1.data, t1.len,
                                          "2022-T1", "2022-06-14");
    pthread_t threads[THREADS];
    work jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (work){system, sheet, report, &t1, 0};
        CHECK(pthread_create(&threads[i], NULL, worker, &jobs[i]) == 0, "pthread_create");
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        CHECK(jobs[i].mismatches == 0, "thread %d: %d results differ", i, jobs[i].mismatches);
    }
    zielsystem_string_free(system);
    zielsystem_string_free(sheet);
    zielsystem_string_free(report);
    free(t1.data);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s ROOT\n", argv[0]);
        return 2;
    }
    root = argv[1];
    example_system = read_file("examples/mitte-2022/target-system.json");
    example_sheet = read_file("examples/mitte-2022/sheets/2022-T1/A01.json");
    zielsystem_string_free(NULL);
    test_version();
    test_system();
    test_sheet();
    test_large();
    test_consolidate();
    test_threads();
    free(example_system.data);
    free(example_sheet.data);
    printf("zielsystem %s: %d checks, %d failed\n", zielsystem_version(), checks, failures);
    return failures == 0 ? 0 : 1;
}
