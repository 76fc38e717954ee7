/**
 * The test kit: the one seeded PRNG, and (as they move here) the one set of
 * brute-force oracles, graph and problem generators and `arenaOf` used by
 * every test and benchmark. Not part of the public library.
 *
 * @module
 */
export { randomInt, seeded } from "./prng.ts";
