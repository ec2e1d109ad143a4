/** Every rating the writer gave a message's replies, oldest first: the earlier ones kept, then the current reply's. */
export const ratingsGiven = (m: { rating: string | null; earlierRatings: string[] }): string[] => (m.rating ? [...m.earlierRatings, m.rating] : m.earlierRatings);
