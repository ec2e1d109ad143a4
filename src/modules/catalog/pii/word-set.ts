/** Word lists checked at every candidate position: one set lookup per word length. */
export class WordSet {
  private readonly byLength = new Map<number, Set<string>>();
  private readonly firstChars = new Set<string>();
  private readonly lastChars = new Set<string>();
  constructor(words: readonly string[]) {
    for (const w of words) {
      let set = this.byLength.get(w.length);
      if (!set) this.byLength.set(w.length, (set = new Set()));
      set.add(w);
      this.firstChars.add(w[0]);
      this.lastChars.add(w[w.length - 1]);
    }
  }

  /** Whether one of the words starts at `pos`. */
  startsAt(text: string, pos: number): boolean {
    // Most positions fail on the first character, which costs no string allocation.
    if (!this.firstChars.has(text[pos])) return false;
    for (const [len, set] of this.byLength) if (set.has(text.slice(pos, pos + len))) return true;
    return false;
  }

  /** Length of the longest word that ends just before `pos`, 0 when none does. */
  endingAt(text: string, pos: number): number {
    if (!this.lastChars.has(text[pos - 1])) return 0;
    let best = 0;
    for (const [len, set] of this.byLength) if (len > best && pos - len >= 0 && set.has(text.slice(pos - len, pos))) best = len;
    return best;
  }

  /** Length of the longest word that starts at `pos`, 0 when none does. */
  longestAt(text: string, pos: number): number {
    if (!this.firstChars.has(text[pos])) return 0;
    let best = 0;
    for (const [len, set] of this.byLength) if (len > best && set.has(text.slice(pos, pos + len))) best = len;
    return best;
  }

  has(word: string): boolean {
    return this.byLength.get(word.length)?.has(word) ?? false;
  }
}
