#!/bin/bash
# The final step of a sharded sweep: join every shard's results and write the reports.
#   sbatch --dependency=afterok:$jobid docs/cluster/slurm_merge.sh
# (same MEMPLAN and OUT as docs/cluster/slurm_bench.sh)
#SBATCH --job-name=memplan-bench-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=4G
#SBATCH --time=00:30:00
#SBATCH --output=memplan-bench-merge-%j.log
set -euo pipefail
MEMPLAN=${MEMPLAN:-memplan}
OUT=${OUT:-bench/results/sweep}
# shellcheck disable=SC2086
$MEMPLAN bench merge "$OUT"/shard-* --out "$OUT/merged"
