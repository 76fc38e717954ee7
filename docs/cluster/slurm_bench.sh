#!/bin/bash
# One shard of a memplan benchmark sweep per Slurm array task.
#
#   jobid=$(sbatch --parsable --array=1-8 docs/cluster/slurm_bench.sh)
#   sbatch --dependency=afterok:$jobid docs/cluster/slurm_merge.sh
#
# Task K of N runs the runs whose key hashes to shard K (`memplan bench --shard K/N`):
# no coordination, and every run lands in exactly one shard. Array indices must be 1..N.
# A task that is killed and requeued resumes: rows already in its results.jsonl are skipped
# and a torn last line is repaired and run again.
#
# Settings (environment, with defaults): MEMPLAN the command (memplan, from `deno task
# install`), INPUTS the graphs and CSVs to benchmark, OUT the sweep folder on a shared file
# system, BENCH_ARGS more `memplan bench` options (e.g. --time-limit 60).
#SBATCH --job-name=memplan-bench
#SBATCH --cpus-per-task=1
#SBATCH --mem=8G
#SBATCH --time=04:00:00
#SBATCH --output=memplan-bench-%A_%a.log
set -euo pipefail
MEMPLAN=${MEMPLAN:-memplan}
INPUTS=${INPUTS:-testdata}
OUT=${OUT:-bench/results/sweep}
K=${SLURM_ARRAY_TASK_ID:?submit as an array job: sbatch --array=1-N}
N=${SLURM_ARRAY_TASK_COUNT:?submit as an array job: sbatch --array=1-N}
# shellcheck disable=SC2086  # MEMPLAN and BENCH_ARGS are word lists
$MEMPLAN bench "$INPUTS" --shard "$K/$N" --out "$OUT/shard-$K" --progress lines ${BENCH_ARGS:-}
