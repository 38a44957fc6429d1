import { createRng, type Rng } from '../../scripts/demo-snapshot/prng.ts';

/**
 * A vocabulary whose words are drawn with a Zipf-like law (the word of rank r comes up in
 * proportion to 1/r^1.07), as in real text: a few words are in nearly every item, most in
 * very few. The head is real school and project vocabulary, the long tail made-up words.
 */

const HEAD = `the of and to in a is that for it with as was on be by this are from at have an or
they we our students school project pupils teachers class week partner schools group work
english lesson learning children activity results photos video online meeting europe european
water climate music art history language science reading writing maths games story stories food
culture traditions festival christmas spring summer winter autumn city village country countries
map poster presentation survey questionnaire exchange letters emails postcards logo competition
evaluation planning timeline calendar tasks team teams together share shared sharing ideas
materials worksheet worksheets exercise exercises quiz questions answers vocabulary words grammar
portfolio diary journal blog forum thread reply comment comments page pages file files document
environment recycling energy nature plants animals birds forest river sea ocean mountain garden
health sport sports football dance theatre drama film camera interview report article newspaper
coding robot robots computer tablet app apps digital safety internet media citizenship rights
friendship kindness respect diversity inclusion heritage museum visit trip travel holiday
breakfast lunch recipe recipes cooking bread cheese chocolate fruit vegetables market shop money
maths numbers geometry shapes measuring time clock weather seasons rain sun snow wind cloud
brussels ghent antwerp leuven bruges madrid lisbon warsaw prague athens rome vienna helsinki
welcome hello goodbye thanks please monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
leerlingen klas school project groep les lessen water muziek taal lezen schrijven spelen samen
en het de een van dat voor met op zijn niet ook maar als bij nog naar uit over dit deze
eTwinning twinspace erasmus certificate label quality award kickoff meeting coordinators`
  .split(/\s+/u)
  .filter((word) => word.length > 0);

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'sch', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oo', 'ie', 'ou', 'ei', 'ui'];
const CODAS = ['', 'n', 'r', 's', 't', 'l', 'k', 'nd', 'rt', 'st', 'ng', 'm'];

export interface Vocabulary {
  readonly words: readonly string[];
  /** A word drawn by its Zipf weight. */
  word(rng: Rng): string;
}

function tailWords(count: number, taken: ReadonlySet<string>): string[] {
  const rng = createRng('bench-vocabulary-tail');
  const words: string[] = [];
  const seen = new Set(taken);
  // Bounded: each attempt either adds a word or is one of a limited number of collisions.
  for (let attempt = 0; words.length < count && attempt < count * 20; attempt += 1) {
    const syllables = rng.int(2, 4);
    let word = '';
    for (let index = 0; index < syllables; index += 1) word += rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

export function createVocabulary(size = 40_000, exponent = 1.07): Vocabulary {
  const head = [...new Set(HEAD.map((word) => word.toLowerCase()))];
  const words = [...head, ...tailWords(Math.max(0, size - head.length), new Set(head))];
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return {
    words,
    word(rng) {
      const target = rng.next() * total;
      let low = 0;
      let high = words.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) < target) low = middle + 1;
        else high = middle;
      }
      return words[low] as string;
    },
  };
}

export function capitalize(word: string): string {
  return word.length === 0 ? word : word[0]?.toUpperCase() + word.slice(1);
}

/** A sentence of `min`..`max` words, capitalized, with a full stop. */
export function sentence(vocabulary: Vocabulary, rng: Rng, min = 6, max = 18): string {
  const count = rng.int(min, max);
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push(vocabulary.word(rng));
  return `${capitalize(words.join(' '))}.`;
}

/** A title of a few words, capitalized. */
export function title(vocabulary: Vocabulary, rng: Rng): string {
  const count = rng.int(2, 7);
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push(vocabulary.word(rng));
  return capitalize(words.join(' '));
}

/** Plain text of roughly `words` words, in sentences. */
export function plainText(vocabulary: Vocabulary, rng: Rng, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const next = sentence(vocabulary, rng);
    count += next.split(' ').length;
    sentences.push(next);
  }
  return sentences.join(' ');
}
