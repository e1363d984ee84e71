// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Continuous CPU profiler: a perf-event program runs on every CPU at the
 * sampling rate (PERF_COUNT_SW_CPU_CLOCK, one event per CPU opened by user
 * space), takes the user and kernel stack of whatever runs there, and counts
 * the sample in the kernel per (pid, user stack id, kernel stack id). User
 * space only reads aggregated counts, never individual samples.
 *
 * Double buffering: everything a sample writes (counts and stacks) exists
 * twice. pf_buffer says which half the programs write to. User space flips
 * it, waits a grace period for programs already running on the old half, then
 * reads and clears that half at leisure while samples land in the other one.
 * Stacks live with their counts, so clearing one half's stack map can never
 * delete a stack the other half still refers to.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include "profiler.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define EEXIST_ 17
#define ENOMEM_ 12

/* user space sizes all four maps before load */
#define PF_STACKS(name) \
	struct { \
		__uint(type, BPF_MAP_TYPE_STACK_TRACE); \
		__uint(max_entries, 8192); \
		__type(key, __u32); \
		__uint(value_size, PF_MAX_STACK_DEPTH * sizeof(__u64)); \
	} name SEC(".maps")

#define PF_COUNTS(name) \
	struct { \
		__uint(type, BPF_MAP_TYPE_HASH); \
		__uint(max_entries, 16384); \
		__type(key, struct pf_key); \
		__type(value, __u64); \
	} name SEC(".maps")

PF_STACKS(pf_stacks_0);
PF_STACKS(pf_stacks_1);
PF_COUNTS(pf_counts_0);
PF_COUNTS(pf_counts_1);

/* Which half samples go to (0 or 1): written by user space only. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} pf_buffer SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pf_config);
} pf_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, PF_DROP_REASON_COUNT);
	__type(key, __u32);
	__type(value, __u64);
} pf_drops SEC(".maps");

static __always_inline void count_drop(__u32 reason)
{
	__u64 *v = bpf_map_lookup_elem(&pf_drops, &reason);
	if (v)
		*v += 1; /* per-CPU: no atomics needed */
}

/* Counts why a stack is missing; -EFAULT means there was nothing to unwind, which is normal. */
static __always_inline void count_stack_error(long id, bool user)
{
	if (id == -EEXIST_)
		count_drop(user ? PF_DROP_USER_COLLISION : PF_DROP_KERNEL_COLLISION);
	else if (id == -ENOMEM_)
		count_drop(user ? PF_DROP_USER_MAP_FULL : PF_DROP_KERNEL_MAP_FULL);
	else if (user)
		count_drop(PF_DROP_USER_READ);
}

static __always_inline void count_sample(void *counts, struct pf_key *key)
{
	__u64 *n = bpf_map_lookup_elem(counts, key);
	if (n) {
		__sync_fetch_and_add(n, 1);
		return;
	}
	__u64 one = 1;
	/* BPF_NOEXIST: two CPUs may race to create the entry; the loser adds to the winner's. */
	if (bpf_map_update_elem(counts, key, &one, BPF_NOEXIST) == 0)
		return;
	n = bpf_map_lookup_elem(counts, key);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		count_drop(PF_DROP_COUNTS_FULL);
}

/* Takes both stacks into one half's stack map. */
static __always_inline void take_stacks(void *ctx, void *stacks, bool has_user, struct pf_key *key)
{
	/* In user mode the kernel callchain is empty (-EFAULT): not a problem, just no kernel frames. */
	long kid = bpf_get_stackid(ctx, stacks, 0);
	if (kid < 0 && kid != -14 /* EFAULT */)
		count_stack_error(kid, false);
	key->kernel_stack_id = kid < 0 ? (kid == -14 ? PF_NO_STACK : (__s32)kid) : (__s32)kid;

	key->user_stack_id = PF_NO_STACK;
	if (has_user) {
		long uid = bpf_get_stackid(ctx, stacks, BPF_F_USER_STACK);
		if (uid < 0)
			count_stack_error(uid, true);
		key->user_stack_id = (__s32)uid;
	}
}

SEC("perf_event")
int pf_sample(struct bpf_perf_event_data *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	/* pid 0 is the idle task: time nobody spent. */
	if (tgid == 0)
		return 0;
	__u32 zero = 0;
	struct pf_config *cfg = bpf_map_lookup_elem(&pf_config, &zero);
	if (cfg && cfg->target_tgid && cfg->target_tgid != tgid)
		return 0;

	/* Kernel threads have no user stack (no mm): do not even ask for one. */
	struct task_struct *task = bpf_get_current_task_btf();
	bool has_user = BPF_CORE_READ(task, mm) != 0;

	struct pf_key key = { .pid = tgid };
	__u32 *half = bpf_map_lookup_elem(&pf_buffer, &zero);
	if (half && *half) {
		take_stacks(ctx, &pf_stacks_1, has_user, &key);
		count_sample(&pf_counts_1, &key);
	} else {
		take_stacks(ctx, &pf_stacks_0, has_user, &key);
		count_sample(&pf_counts_0, &key);
	}
	return 0;
}
