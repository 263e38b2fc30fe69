/** Deterministic rngs for the tests (test code only; no production module imports this). */
import { seededRandom } from '../seeded-random.ts';

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
  return 'seed' in recipe ? seededRandom(recipe.seed) : cyclingRng(recipe.values);
}
