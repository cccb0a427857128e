#include "web/session.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int64_t
session_reader(const unsigned char key[TOKEN_KEY_BYTES], const char *cookie,
    int64_t now)
{
	char *data = NULL, *end;
	long long id;

	if (cookie == NULL || token_verify(key, "session", cookie, now, &data,
	    NULL) != ND_OK)
		return 0;
	id = strtoll(data, &end, 10);
	if (*data == '\0' || *end != '\0' || id <= 0)
		id = 0;
	free(data);
	return (int64_t)id;
}

char *
session_token(const unsigned char key[TOKEN_KEY_BYTES], int64_t reader,
    int64_t now)
{
	char id[24];

	snprintf(id, sizeof(id), "%" PRId64, reader);
	return token_sign(key, "session", id, now + SESSION_TTL);
}
