#ifndef BATON_WORD_VECTORS_H
#define BATON_WORD_VECTORS_H

#include <stddef.h>

// The bytes of word-vectors.bin (see make-word-vectors.py for their layout), compiled into
// the executable: read in place, with nothing to find on disk and nothing to parse at start.

/// Where the bytes start (Swift does not import an array of unknown length).
const unsigned char *baton_word_vectors_pointer(void);

/// How many bytes there are.
extern const size_t baton_word_vectors_size;

#endif
