#include "word_vectors.h"

// #embed is C23; the toolchain's clang has it in every mode.
static const unsigned char baton_word_vectors[] = {
#embed "word-vectors.bin"
};
const size_t baton_word_vectors_size = sizeof baton_word_vectors;

const unsigned char *baton_word_vectors_pointer(void) { return baton_word_vectors; }
