/**
 * `deno task bench [options]`: the benchmark with the default suites, i.e.
 * `memplan bench` (see `deno task bench --help`). It takes several minutes on
 * two cores; `deno task bench --quick` takes well under one.
 *
 * @module
 */
import { main } from "../cli/main.ts";

if (import.meta.main) Deno.exit(await main(["bench", ...Deno.args]));
