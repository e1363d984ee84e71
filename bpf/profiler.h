/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Shared layout between bpf/profiler.bpf.c and user space
 * (core/Profiling/Bpf/ProfilerLayout.cs mirrors it; change both together,
 * ProfilerLayoutTests checks the sizes).
 */
#ifndef DEVTOOLS_PROFILER_H
#define DEVTOOLS_PROFILER_H

/* Frames kept per stack: the kernel's PERF_MAX_STACK_DEPTH. */
#define PF_MAX_STACK_DEPTH 127

/*
 * A stack id that is not an id: the sample has no such stack. Real ids are
 * >= 0; failures keep the negative errno of bpf_get_stackid (-EEXIST: hash
 * collision, -ENOMEM: stack map full, -EFAULT: nothing to unwind).
 */
#define PF_NO_STACK (-1)

/* Key of the count maps: one entry per (process, user stack, kernel stack). */
struct pf_key {
	__u32 pid;
	__s32 user_stack_id;
	__s32 kernel_stack_id;
};

/* Indexes of the per-CPU problem counters (map pf_drops). */
enum pf_drop_reason {
	PF_DROP_USER_COLLISION = 0,   /* user stack lost: another stack owns its hash bucket (-EEXIST) */
	PF_DROP_KERNEL_COLLISION = 1, /* kernel stack lost: hash bucket collision */
	PF_DROP_USER_MAP_FULL = 2,    /* user stack lost: stack map full (-ENOMEM) */
	PF_DROP_KERNEL_MAP_FULL = 3,  /* kernel stack lost: stack map full */
	PF_DROP_USER_READ = 4,        /* user stack of a user process could not be read */
	PF_DROP_COUNTS_FULL = 5,      /* whole sample lost: the count map is full */
	PF_DROP_REASON_COUNT = 6,
};

/* Set by user space after load (map pf_config, key 0). */
struct pf_config {
	__u32 target_tgid; /* 0: every process */
	__u32 pad;
};

#endif
