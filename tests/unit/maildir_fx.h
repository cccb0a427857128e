/* maildir_fx.h - Maildir helpers for the unit tests that deliver mail:
 * count the messages in a folder, remove a Maildir after a test. */
#ifndef ND_MAILDIR_FX_H
#define ND_MAILDIR_FX_H

#include <dirent.h>
#include <stdio.h>
#include <unistd.h>

/* Files (not dot entries) in dir; 0 when it cannot be opened. */
static inline size_t
mfx_files_in(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* Remove the Maildir md with its new, cur and tmp folders and files. */
static inline void
mfx_maildir_rm(const char *md)
{
	static const char *const sub[] = {"new", "cur", "tmp"};
	char p[256], q[512];
	struct dirent *e;
	DIR *d;
	size_t i;

	for (i = 0; i < 3; i++) {
		snprintf(p, sizeof(p), "%s/%s", md, sub[i]);
		if ((d = opendir(p)) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			snprintf(q, sizeof(q), "%s/%s", p, e->d_name);
			unlink(q);
		}
		closedir(d);
		rmdir(p);
	}
	rmdir(md);
}

#endif
