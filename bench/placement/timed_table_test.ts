import assert from "node:assert/strict";
import { timedTable } from "./timed_table.ts";

Deno.test("timedTable: the folder is removed even when a run fails, and the failure passes on", async () => {
  let folder = "";
  await assert.rejects(
    () =>
      timedTable(
        { prefix: "memplan_timed_table_", header: ["a"], seed: 3, progress: () => {} },
        (dir) => {
          folder = dir;
          return Promise.reject(new Error("run failed"));
        },
      ),
    /run failed/,
  );
  assert.ok(folder.includes("memplan_timed_table_"));
  await assert.rejects(() => Deno.stat(folder), Deno.errors.NotFound);
});
