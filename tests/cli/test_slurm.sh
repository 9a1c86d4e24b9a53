#!/usr/bin/env bash
# test_slurm.sh -- scripts/slurm-array.sh on a real single-node Slurm
# cluster that this test starts (Debian's slurm-wlm and munge): a munge key,
# slurm.conf and every daemon's files in a temporary folder, slurmctld and
# slurmd on this machine at free ports, a private PostgreSQL server
# (pg.sh). Checked:
#   - a 4-task array over the corpus into PostgreSQL stores the events one
#     process stores (compared as sorted rows with a single SQLite ingest),
#     every document once;
#   - a task cancelled partway (scancel, as a timeout or preemption would)
#     leaves whole documents only; run again alone, it completes its shard
#     with nothing duplicated and nothing missing;
#   - the JSON Lines mode: the shards' files, merged (dyad merge), are the
#     store of one process;
#   - a task whose database is unreachable fails (exit 1) naming the host.
# Needs root (slurmd starts jobs as their user) and the packages; skipped,
# saying why, without them. Every daemon is stopped at the end (trap).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg.sh"
D=$(realpath "${DYAD:-build/release/dyad}")
SCRIPT=$(realpath scripts/slurm-array.sh)
for c in slurmctld slurmd munged munge sbatch squeue scancel scontrol sinfo jq sqlite3; do
    command -v $c >/dev/null && continue
    skip "slurm test: $c not installed (scripts/install-deps.sh installs slurm-wlm, munge, jq, sqlite3)"
    summary; exit
done
[ "$(id -u)" = 0 ] || { skip "slurm test: needs root to run slurmd"; summary; exit; }
pg_start || { skip "slurm test: PostgreSQL: $PG_WHY"; summary; exit; }

S=$TMP/slurm
stop_all() {
    [ -f $S/slurm.conf ] && SLURM_CONF=$S/slurm.conf scancel --quiet --user=root 2>/dev/null
    local f
    for f in $S/slurmd.pid $S/slurmctld.pid $S/munge/munged.pid; do
        [ -s $f ] && kill "$(cat $f)" 2>/dev/null
    done
    sleep 0.5
    for f in $S/slurmd.pid $S/slurmctld.pid $S/munge/munged.pid; do
        [ -s $f ] && kill -9 "$(cat $f)" 2>/dev/null
    done
    pg_stop
    [ -n "$KEEP" ] || rm -rf "$TMP"
}
trap stop_all EXIT
trap "exit 1" INT TERM HUP

# munge: its own key and socket (the folder must be searchable by all)
mkdir -p $S/munge $S/ctld $S/spool
chmod 755 $TMP $S $S/munge
dd if=/dev/urandom of=$S/munge/munge.key bs=1024 count=1 2>/dev/null
chmod 600 $S/munge/munge.key
munged --key-file=$S/munge/munge.key --socket=$S/munge/sock --pid-file=$S/munge/munged.pid \
    --log-file=$S/munge/log --seed-file=$S/munge/seed 2>$S/munge/err ||
    { no "munged did not start: $(cat $S/munge/err)"; summary; exit; }

host=$(hostname -s)
# 8 CPUs whatever the machine has (config_overrides): the tasks of an
# array (2 CPUs each) run at once, as on a cluster
cpus=8
port=$((20000 + RANDOM % 20000))
cat >$S/slurm.conf <<CONF
ClusterName=dyadtest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$S/munge/sock
CredType=cred/munge
StateSaveLocation=$S/ctld
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
PlugStackConfig=$S/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
MinJobAge=600
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
SlurmdParameters=config_overrides
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=dyad Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
: >$S/plugstack.conf
export SLURM_CONF=$S/slurm.conf
slurmctld -c >$S/ctld.out 2>&1 && slurmd >$S/d.out 2>&1 ||
    { no "slurm daemons did not start: $(cat $S/ctld.out $S/d.out)"; summary; exit; }
up=0
for i in $(seq 1 60); do
    sinfo -h -o %t 2>/dev/null | grep -q idle && { up=1; break; }
    sleep 0.5
done
check "slurm: slurmctld and slurmd up, the node idle" test $up = 1
[ $up = 1 ] || { tail -n 5 $S/slurmctld.log $S/slurmd.log >&2; summary; exit; }

# the input: the corpus when it is there, else the repository's wire
# sentences; the single process's store, to compare with
IN=$TMP/in.jsonl
if [ -n "$SHARED" ] && [ -f "$SHARED/corpus/synthetic-news.jsonl" ]; then
    cp "$SHARED/corpus/synthetic-news.jsonl" $IN
else
    wire_jsonl $IN
fi
ndocs=$(wc -l <$IN)
$D ingest --no-progress --quiet --date 2024-01-01 --db $TMP/one.db $IN
store_rows $TMP/one.db >$TMP/want
check "single process stored events" test "$(wc -l <$TMP/want)" -gt 50
newdb() { pg_psql "$PG_URL" "CREATE DATABASE $1" && echo "postgresql://postgres@127.0.0.1:$PG_PORT/$1"; }
# waits for job $1 to leave the queue
drain() { for i in $(seq 1 1200); do [ -z "$(squeue -h -j $1 2>/dev/null)" ] && return; sleep 0.25; done; }
# sbatch ARGS..., waits for the job (not with sbatch --wait, which polls at
# 2, 8, then 32 s); 0 when every task of it exited 0
run_job() {
    local jid
    jid=$(sbatch --parsable "$@") || return 1
    drain $jid
    scontrol -o show job $jid >$TMP/job.state 2>&1
    grep -q ExitCode= $TMP/job.state && ! grep -v 'ExitCode=0:0' $TMP/job.state | grep -q .
}

# a 4-task array into PostgreSQL
cd $TMP
u=$(newdb arr)
run_job --array=1-4 -o $TMP/arr-%a.log --export=ALL,DYAD=$D "$SCRIPT" 4 \
    --db "$u" --date 2024-01-01 --batch 50 $IN >$TMP/sb.out 2>&1
check "slurm: the 4-task array succeeds" test $? = 0
check "slurm: 4 task logs, each its shard" test "$(cat $TMP/arr-*.log | grep -c 'dyad shard [1-4]/4: exit 0')" = 4
store_rows "$u" >$TMP/got
check "slurm: 4 tasks into PostgreSQL = one process (events)" cmp -s $TMP/want $TMP/got
check "slurm: every document once" test "$(pg_psql "$u" 'select count(*), count(distinct id) from documents')" = "$(sqlite3 $TMP/one.db 'select count(*) from documents')|$(sqlite3 $TMP/one.db 'select count(*) from documents')"

# a task cancelled partway, then run again alone
u=$(newdb killed)
# (the corpus; a smaller input six times over, under new ids and texts)
big=$IN
if [ $ndocs -lt 2000 ]; then
    big=$TMP/big.jsonl
    for i in 1 2 3 4 5 6; do jq -c ".id = .id + \"-$i\" | .text = .text + \" Copy $i.\"" $IN; done >$big
fi
$D ingest --no-progress --quiet --date 2024-01-01 --shard 2/4 --db $TMP/shard2.db $big
want2=$(sqlite3 $TMP/shard2.db 'select count(*) from documents')
jid=$(sbatch --parsable --array=2 -o $TMP/kill-%a.log --export=ALL,DYAD=$D "$SCRIPT" 4 \
    --db "$u" --date 2024-01-01 --batch 10 $big)
for i in $(seq 1 600); do
    n=$(pg_psql "$u" "select count(*) from documents" 2>/dev/null); n=${n:-0}
    [ "$n" -ge 30 ] && break
    sleep 0.1
done
scancel $jid
drain $jid
n=$(pg_psql "$u" "select count(*) from documents")
check "slurm: cancelled task stored some documents" test "$n" -gt 0
check "slurm: cancelled partway, not all ($n of $want2)" test "$n" -lt "$want2"
partial=$(pg_psql "$u" "select d.id||' '||count(e.event) from documents d left join events e using(doc) group by d.id" | sort >$TMP/kdocs;
          sqlite3 $TMP/shard2.db "select d.id||' '||count(e.event) from documents d left join events e using(doc) group by d.id" |
          sort | join - $TMP/kdocs | awk '$2 != $3' | wc -l)
check "slurm: cancelled task left no partial document" test "$partial" = 0
run_job --array=2 -o $TMP/rerun-%a.log --export=ALL,DYAD=$D "$SCRIPT" 4 \
    --db "$u" --date 2024-01-01 --batch 10 $big >/dev/null 2>&1
check "slurm: the rerun succeeds" test $? = 0
read -r st nc di < <(sed -nE 's/.*: ([0-9]+) stored, ([0-9]+) near copies, ([0-9]+) duplicate ids.*/\1 \2 \3/p' $TMP/rerun-2.log)
check "slurm: the rerun added exactly the rest" test "$((${st:-0} + ${nc:-0}))" = $((want2 - n))
check "slurm: the rerun skipped what the cancelled task stored" test "${di:-x}" = $n
check "slurm: after the rerun, nothing duplicated" test "$(pg_psql "$u" 'select count(*) - count(distinct id) from documents')" = 0
check "slurm: after the rerun, the shard = one process's (events)" test "$(store_rows "$u" | cmp -s - <(store_rows $TMP/shard2.db) && echo same)" = same

# JSON Lines shards, merged: one process's store (of 600 documents: the
# equality of merged shards and one ingest is test_merge.sh's; this is the
# Slurm path)
mkdir -p $TMP/out
head -n 600 $IN >$TMP/600.jsonl
$D ingest --no-progress --quiet --date 2024-01-01 --db $TMP/one600.db $TMP/600.jsonl
store_rows $TMP/one600.db >$TMP/want600
run_job --array=1-3 -o $TMP/j-%a.log --export=ALL,DYAD=$D "$SCRIPT" 3 \
    --out $TMP/out --date 2024-01-01 $TMP/600.jsonl >/dev/null 2>&1
check "slurm: JSON Lines array succeeds" test $? = 0
check "slurm: three finished shard files, no partial one" test "$(ls $TMP/out | tr '\n' ' ')" = "shard-1-of-3.jsonl shard-2-of-3.jsonl shard-3-of-3.jsonl "
$D merge --quiet --db $TMP/merged.db $TMP/out/*.jsonl
check "slurm: dyad merge of the shard files succeeds" test $? = 0
check "slurm: JSON Lines shards, merged = one process (events)" test "$(store_rows $TMP/merged.db | cmp -s - $TMP/want600 && echo same)" = same
check "slurm: merged, every document once" test "$(sqlite3 $TMP/merged.db 'select count(*) from documents')" = "$(sqlite3 $TMP/one600.db 'select count(*) from documents')"

# an unreachable database: the task fails, naming the host
run_job --array=1 -o $TMP/bad-%a.log --export=ALL,DYAD=$D "$SCRIPT" 4 \
    --db "postgresql://postgres:pw@127.0.0.1:1/x" $TMP/600.jsonl >/dev/null 2>&1
check "slurm: unreachable database fails the task" test $? != 0
check "slurm: task log names the host, exit 1" grep -q "127.0.0.1:1/x: cannot connect" $TMP/bad-1.log
check "slurm: task exit status 1" grep -q "exit 1 at" $TMP/bad-1.log
cd - >/dev/null
echo "slurm: $pass checks passed, $fail failed on a single-node cluster ($(slurmctld -V))"
summary
