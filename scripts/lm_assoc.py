"""Association of a word with its neighbours under the CMU Sphinx US English trigram model (run by build_spin_lexicon.py).

Runs under Debian's python3 with python3-sphinxbase; the model is Debian's pocketsphinx-en-us (BSD-2).
Reads lines "slot<TAB>phrase" on stdin and writes one number per line: the sum, over the phrase's words whose
trigram history holds the slot word (or that are the slot word), of log P(word | history) - log P(word), in nats.
Words outside the model give nan. Unattested pairings back off and score near or below 0; fixed collocations score 4 or more.
"""
import sys

MODEL = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
NATS = 1e-4  # sphinxbase log base 1.0001


def main() -> int:
    import sphinxbase.sphinxbase as sb

    model = sb.NGramModel(sys.argv[1] if len(sys.argv) > 1 else MODEL)
    unigram: dict[str, int] = {}
    unknown = model.prob(["qqxzjv"])  # what a word outside the model's vocabulary scores
    out = sys.stdout
    for line in sys.stdin:
        slot_text, _, phrase = line.rstrip("\n").partition("\t")
        slot, words = int(slot_text), phrase.split()
        total = 0.0
        for word in words:
            if word not in unigram:
                unigram[word] = model.prob([word])
        if any(unigram[w] == unknown for w in words):
            out.write("nan\n")
            continue
        for j in range(1, len(words)):
            if not (j - 2 <= slot <= j):
                continue
            history = words[max(0, j - 2): j + 1][::-1]
            word = words[j]
            total += (model.prob(history) - unigram[word]) * NATS
        out.write(f"{total:.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
