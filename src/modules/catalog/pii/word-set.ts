/** A node of a character trie: children by UTF-16 code unit, and whether a word ends here. */
interface Node {
  end: boolean;
  next: Map<number, Node>;
}

function insert(root: Node, codes: number[]): void {
  let node = root;
  for (const c of codes) {
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { end: false, next: new Map() }));
    node = child;
  }
  node.end = true;
}

/**
 * Word lists checked at every position of a text (role words, titles, cue words). A trie walked
 * by character codes, forwards and backwards, so a miss costs one map lookup and nothing is
 * sliced or allocated.
 */
export class WordSet {
  private readonly forward: Node = { end: false, next: new Map() };
  private readonly backward: Node = { end: false, next: new Map() };
  private readonly words: Set<string>;
  /** First (last) code units of the words: most positions fail here, on one array read. */
  private readonly firsts = new Uint8Array(65536);
  private readonly lasts = new Uint8Array(65536);

  constructor(words: readonly string[]) {
    this.words = new Set(words);
    for (const w of this.words) {
      const codes = [...w].flatMap((ch) => Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i)));
      insert(this.forward, codes);
      this.firsts[codes[0]] = 1;
      this.lasts[codes[codes.length - 1]] = 1;
      insert(this.backward, [...codes].reverse());
    }
  }

  /** Length of the longest word that starts at `pos`, 0 when none does. */
  longestAt(text: string, pos: number): number {
    if (pos >= text.length || this.firsts[text.charCodeAt(pos)] === 0) return 0;
    let node: Node | undefined = this.forward;
    let best = 0;
    for (let i = pos; i < text.length; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (node === undefined) break;
      if (node.end) best = i - pos + 1;
    }
    return best;
  }

  /** Whether one of the words starts at `pos`. */
  startsAt(text: string, pos: number): boolean {
    return this.longestAt(text, pos) > 0;
  }

  /** Length of the longest word that ends just before `pos`, 0 when none does. */
  endingAt(text: string, pos: number): number {
    if (pos <= 0 || this.lasts[text.charCodeAt(pos - 1)] === 0) return 0;
    let node: Node | undefined = this.backward;
    let best = 0;
    for (let i = pos - 1; i >= 0; i--) {
      node = node.next.get(text.charCodeAt(i));
      if (node === undefined) break;
      if (node.end) best = pos - i;
    }
    return best;
  }

  has(word: string): boolean {
    return this.words.has(word);
  }
}
