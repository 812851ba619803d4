#ifndef BATON_CEDITLINE_SHIM_H
#define BATON_CEDITLINE_SHIM_H

/* baton's binding to libedit's native API (histedit.h).
 *
 * Swift cannot call C variadic functions (el_set, el_get, history), and Swift 6 refuses
 * direct use of C globals such as stdin. Each wrapper below is a fixed-arity, static inline
 * function so that clang compiles it on import and no separate C target is needed. No static
 * variables live here: every Swift object file would get its own copy. */

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <histedit.h>

/* stdio streams, reached through functions because Swift 6 rejects the C globals. */
static inline FILE *cel_stdin(void) { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

/* errno is a macro over a thread-local; a function makes it reachable after el_gets. */
static inline int cel_errno(void) { return errno; }

typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_cmd_fn)(EditLine *, int);

/* Prompt with an escape character: bytes between two `c` are not counted in its width. */
static inline int cel_set_prompt_esc(EditLine *e, cel_prompt_fn f, char c) {
    return el_set(e, EL_PROMPT_ESC, f, c);
}
static inline int cel_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
/* With EL_SIGNAL on, libedit restores the terminal on signals before re-raising them. */
static inline int cel_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int cel_set_hist(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int cel_set_clientdata(EditLine *e, void *d) { return el_set(e, EL_CLIENTDATA, d); }
static inline void *cel_get_clientdata(EditLine *e) {
    void *d = NULL;
    el_get(e, EL_CLIENTDATA, &d);
    return d;
}
static inline int cel_add_fn(EditLine *e, const char *name, const char *help, cel_cmd_fn f) {
    return el_set(e, EL_ADDFN, name, help, f);
}
static inline int cel_bind(EditLine *e, const char *key, const char *fn) {
    return el_set(e, EL_BIND, key, fn, (const char *)NULL);
}

static inline int cel_hist_setsize(History *h, int n) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, n);
}
static inline int cel_hist_setunique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}
static inline int cel_hist_enter(History *h, const char *s) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, s);
}

/* Redraws the prompt and the line, from inside a bound function. */
static inline int cel_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }

/* libedit's own columnar listing of completions (filecomplete.c; no header declares it).
 * matches[0] is skipped: the strings are matches[1] through matches[num - 1]. */
extern void fn_display_match_list(EditLine *el, char **matches, size_t num, size_t width,
                                  const char *(*app_func)(const char *));
/* Appends nothing after a listed word (libedit's default stats it as a file name). */
static inline const char *cel_no_suffix(const char *match) { (void)match; return ""; }
static inline void cel_display_matches(EditLine *e, char **matches, size_t num, size_t width) {
    fn_display_match_list(e, matches, num, width, cel_no_suffix);
}

/* Installs `handler` for SIGINT without SA_RESTART, so that a Ctrl-C interrupts the read in
 * el_gets (count -1, errno EINTR) instead of being restarted and ignored. */
static inline int cel_install_sigint(void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGINT, &sa, NULL);
}

/* Installs `handler` for SIGWINCH, also without SA_RESTART: a resize interrupts the read,
 * and the key reader redraws the line at the new width. */
static inline int cel_install_sigwinch(void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(SIGWINCH, &sa, NULL);
}

/* Reads keys through `f` instead of libedit's own reader. */
static inline int cel_set_getcfn(EditLine *e, el_rfunc_t f) { return el_set(e, EL_GETCFN, f); }
static inline void cel_set_errno(int value) { errno = value; }

#endif
