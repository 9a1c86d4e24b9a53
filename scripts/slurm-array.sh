#!/usr/bin/env bash
# slurm-array.sh -- dyad as a Slurm array job: task K of an array codes
# shard K of N of the input (dyad ingest --shard K/N) and either stores it
# in a shared PostgreSQL store (many tasks COPY at once; a document is
# stored once, by its id, so a task that is run again adds nothing twice)
# or writes its coded documents to DIR/shard-K-of-N.jsonl, with no
# database; `dyad merge --db STORE DIR/shard-*.jsonl` then adds them to one
# store, which equals one ingest's.
#
#   sbatch --array=1-N scripts/slurm-array.sh N --db postgresql://... [ingest options] INPUT...
#   sbatch --array=1-N scripts/slurm-array.sh N --out DIR [ingest options] INPUT...
#
# N is given (not taken from the array) so that one task can be run again
# alone: `sbatch --array=3 scripts/slurm-array.sh N ...` redoes shard 3 of N.
# The dyad binary is $DYAD, else `dyad` on the PATH; dictionaries default to
# the installed compiled set (or pass --dict /shared/path/dyad.dyc). Every
# task on a node maps the compiled file read-only (DYAD_DICT_SHARED=1), so
# they share its pages: replace it only by rename (`dyad dict compile`
# does) while tasks run, never by writing over it.
# Exit status: dyad's (0 done, 1 the shard could not be finished - e.g. the
# database is unreachable or refused the credentials, 2 bad usage).
#SBATCH --job-name=dyad
#SBATCH --cpus-per-task=2
#SBATCH --output=dyad-%A_%a.log
set -u
usage() { grep '^#   sbatch' "$0" | sed 's/^# *//' >&2; exit 2; }
[ $# -ge 3 ] || usage
n=$1; shift
k=${SLURM_ARRAY_TASK_ID:-}
[ -n "$k" ] || { echo "slurm-array.sh: not an array task (run it with sbatch --array=1-$n)" >&2; exit 2; }
dyad=${DYAD:-dyad}
export DYAD_DICT_SHARED=1
echo "dyad shard $k/$n: task ${SLURM_ARRAY_JOB_ID:-?}_$k on $(hostname), started $(date -u +%FT%TZ)" >&2
case $1 in
--db)
    "$dyad" ingest --no-progress --shard "$k/$n" "$@"
    rc=$? ;;
--out)
    # written as FILE.part, named FILE once whole: a killed task leaves no
    # file that looks finished (and `dyad merge DIR/shard-*.jsonl` skips it)
    dir=$2; shift 2
    "$dyad" ingest --no-progress --shard "$k/$n" --db "$dir/shard-$k-of-$n.jsonl" "$@"
    rc=$? ;;
*)
    usage ;;
esac
echo "dyad shard $k/$n: exit $rc at $(date -u +%FT%TZ)" >&2
exit $rc
