/* A C program against the installed SDK's C API (pkg-config cccd): prints the version and one status name. */
#include <cccd/cccd.h>

#include <stdio.h>

int main(void)
{
    cccd_read_result* result = NULL;
    printf("cccd %s\n", cccd_version());
    if (cccd_read_card(CCCD_KEY_CAN, "12", NULL, &result) != CCCD_ERROR_INVALID_ARGUMENT) return 1;
    printf("bad CAN: %s\n", cccd_status_name(CCCD_ERROR_INVALID_ARGUMENT));
    return 0;
}
