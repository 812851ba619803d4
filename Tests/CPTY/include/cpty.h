#ifndef BATON_CPTY_H
#define BATON_CPTY_H

#include <sys/types.h>

/* Test-only helper: starts `path` with `argv` and `envp` on a new pseudo-terminal that
 * becomes its controlling terminal, so a ^C written to the master raises SIGINT in it.
 * Swift's Glibc module hides posix_openpt, ptsname_r and POSIX_SPAWN_SETSID behind feature
 * macros, hence C. Returns the child's pid and stores the master fd, or -1 with errno. */
pid_t cpty_spawn(const char *path, char *const argv[], char *const envp[], int *master_fd);

/* Whether the terminal behind `master_fd` is in canonical (cooked) mode: 1, 0, or -1. */
int cpty_is_canonical(int master_fd);

/* Sets the terminal's size, as a window resized by its user: the child gets SIGWINCH. */
int cpty_resize(int master_fd, unsigned short rows, unsigned short columns);

#endif
