/** Deterministic rngs for the tests (test code only; no production module imports this). */

/** mulberry32: a small seeded generator, the kind the seed uses. */
export function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Replays a fixed list forever: reaches degenerate rngs (all 0, all just below 1) too. */
export function cyclingRng(values: readonly number[]): () => number {
  let index = 0;
  return () => {
    const value = values[index % values.length] ?? 0;
    index += 1;
    return value;
  };
}

/**
 * Recipes for rngs rather than rngs: a stateful closure must be built afresh for each run, or
 * a replayed counterexample would start from a used-up state.
 */
export type RngRecipe = { seed: number } | { values: number[] };

export function rngOf(recipe: RngRecipe): () => number {
  return 'seed' in recipe ? seededRng(recipe.seed) : cyclingRng(recipe.values);
}
