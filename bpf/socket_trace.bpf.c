// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/*
 * Socket tracing on syscall tracepoints (this kernel has no kprobes and no
 * fentry). Every read/write-family syscall on a TCP socket of any process
 * becomes data events in one ring buffer, each tagged with its connection
 * (pid, fd, generation), direction and byte offset in that direction's stream.
 *
 * Shape of every traced syscall:
 *   sys_enter_X: is the fd a TCP socket? (BTF walk task->files->fdt->fd[fd])
 *                if so, remember the arguments per thread in dt_inflight
 *   sys_exit_X:  on success, look the arguments up, find or create the
 *                connection, reserve the stream range with an atomic add on its
 *                offset, and copy the bytes out in chunks.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>
#include "socket_trace.h"

char LICENSE[] SEC("license") = "Dual BSD/GPL";

#define AF_INET 2
#define AF_INET6 10
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define EINPROGRESS 115
#define IPPROTO_TCP_ 6
#define IPPROTO_UDP_ 17
#define DT_MMSG_MAX 64
#define MSG_PEEK 2

/* ---------------------------------------------------------------- maps */

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 8 * 1024 * 1024); /* user space may resize before load */
} dt_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct dt_config);
} dt_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, DT_DROP_REASON_COUNT);
	__type(key, __u32);
	__type(value, __u64);
} dt_drops SEC(".maps");

struct conn_key {
	__u32 pid;
	__s32 fd;
};

struct conn_info {
	__u64 generation;
	__u64 sock;       /* struct sock *: tells a reused fd from the same socket */
	__u64 offset[2];  /* next stream offset per direction (enum dt_direction) */
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536); /* user space may resize before load */
	__type(key, struct conn_key);
	__type(value, struct conn_info);
} dt_conns SEC(".maps");

/*
 * Arguments of a syscall between its enter and exit, per thread. Task-local
 * storage rather than a hash keyed by pid_tgid: no insert and delete on every
 * call, just a flag in storage the thread keeps.
 */
struct inflight {
	__u64 buf;    /* plain calls: the buffer; readv/writev/sendmsg/recvmsg: the iovec array; *mmsg: the mmsghdr array */
	__u64 iovcnt; /* 0: buf is a plain buffer */
	__u64 sock;
	__u64 addr;   /* UDP: user pointer to the peer's sockaddr (sendto/recvfrom/msg_name), 0 if none */
	__s32 fd;
	__u8 syscall;
	__u8 active;  /* set at enter, cleared at exit */
	__u8 udp;
	__u8 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct inflight);
} dt_inflight SEC(".maps");

/* ------------------------------------------------------------- helpers */

static __always_inline void count_drop(__u32 reason, __u64 n)
{
	__u64 *v = bpf_map_lookup_elem(&dt_drops, &reason);
	if (v)
		*v += n; /* per-CPU: no atomics needed */
}

static __always_inline struct dt_config *dt_cfg(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&dt_config, &zero);
}

/* Should this process be traced at all? Cheap check done first on every syscall. */
static __always_inline bool wanted(__u32 tgid)
{
	struct dt_config *c = dt_cfg();
	if (!c)
		return false;
	if (c->self_tgid && c->self_tgid == tgid)
		return false;
	if (c->target_tgid && c->target_tgid != tgid)
		return false;
	return true;
}

/*
 * Wake the reader only when the queue grows past a good part of the ring; it
 * drains on a short poll timer otherwise. A wakeup costs the traced process a
 * microsecond or more (an irq_work, a self-IPI: a VM exit under virtualisation;
 * measured: exit programs 1.05 us -> 0.26 us without one per event), so it is
 * sent once, by the record that crosses the threshold, and not by every record
 * after it while a busy reader catches up (measured under wrk on 2 vCPUs: exit
 * programs at 1.7 us each while every record above the threshold forced one).
 * Past three times the threshold (3/4 of the ring by default) every record
 * wakes the reader again: near overflow, that cost slowing the traced
 * processes down is what lets a reader that fell behind (cold JIT, a GC pause,
 * CPUs saturated) catch up without losing events.
 * `queued` is the data queued once this record is in (ring headers ignored:
 * off by a few bytes, the crossing record is at worst the next one).
 */
static __always_inline __u64 wakeup_flags_for(__u64 queued, __u64 size)
{
	struct dt_config *c = dt_cfg();
	__u64 threshold = c ? c->wakeup_bytes : 0;
	if (queued >= threshold && (threshold == 0 || queued < threshold + size || queued >= 3 * threshold))
		return BPF_RB_FORCE_WAKEUP;
	return BPF_RB_NO_WAKEUP;
}

/* For bpf_ringbuf_output: the record is not queued yet. */
static __always_inline __u64 wakeup_flags_before_output(__u64 size)
{
	return wakeup_flags_for(bpf_ringbuf_query(&dt_events, BPF_RB_AVAIL_DATA) + size, size);
}

/* For bpf_ringbuf_submit: the reservation already counts as queued. */
static __always_inline __u64 wakeup_flags_reserved(__u64 size)
{
	return wakeup_flags_for(bpf_ringbuf_query(&dt_events, BPF_RB_AVAIL_DATA), size);
}

/* Read-only view of a kernel pointer as a BTF type: plain loads instead of a helper call per field. */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

/*
 * fd -> struct sock * of an AF_INET/AF_INET6 TCP or UDP socket, else 0.
 * Runs on every read/write-family syscall of every process, so it is kept to
 * plain loads through BTF pointers (each a single instruction the kernel guards
 * against faults) and one helper call for the fd table slot, whose index the
 * verifier cannot bound (measured under wrk: enter programs 180-220 ns with
 * BPF_CORE_READ's helper call per field, 93-133 ns with this).
 */
static __always_inline struct sock *inet_sock_of_fd(int fd)
{
	if (fd < 0)
		return 0;
	struct task_struct *task = bpf_get_current_task_btf();
	struct files_struct *files = task->files;
	if (!files)
		return 0;
	struct fdtable *fdt = files->fdt;
	if (!fdt)
		return 0;
	if ((unsigned int)fd >= fdt->max_fds)
		return 0;
	struct file **fds = fdt->fd;
	struct file *slot = 0;
	bpf_probe_read_kernel(&slot, sizeof(slot), &fds[fd]);
	if (!slot)
		return 0;
	struct file *file = bpf_rdonly_cast(slot, bpf_core_type_id_kernel(struct file));
	struct inode *inode = file->f_inode;
	if (!inode || (inode->i_mode & S_IFMT) != S_IFSOCK)
		return 0;
	struct socket *socket = bpf_rdonly_cast(file->private_data, bpf_core_type_id_kernel(struct socket));
	if (!socket)
		return 0;
	struct sock *sk = socket->sk;
	if (!sk)
		return 0;
	__u16 family = sk->__sk_common.skc_family;
	if (family != AF_INET && family != AF_INET6)
		return 0;
	__u16 protocol = sk->sk_protocol;
	if (protocol != IPPROTO_TCP_ && protocol != IPPROTO_UDP_)
		return 0;
	return sk;
}

static __always_inline bool is_udp(struct sock *sk)
{
	return BPF_CORE_READ(sk, sk_protocol) == IPPROTO_UDP_;
}

static __always_inline void fill_header(struct dt_event_header *h, __u32 kind, __u32 pid, int fd, __u64 generation)
{
	h->kind = kind;
	h->cpu = bpf_get_smp_processor_id();
	h->timestamp_ns = bpf_ktime_get_ns();
	h->conn.pid = pid;
	h->conn.fd = fd;
	h->conn.generation = generation;
}

static __always_inline void emit_close(__u32 pid, int fd, struct conn_info *ci)
{
	struct dt_close_event *ev = bpf_ringbuf_reserve(&dt_events, sizeof(*ev), 0);
	if (!ev) {
		count_drop(DT_DROP_RINGBUF_CONTROL, 1);
		return;
	}
	fill_header(&ev->h, DT_EV_CLOSE, pid, fd, ci->generation);
	ev->bytes_sent = ci->offset[DT_DIR_EGRESS];
	ev->bytes_recv = ci->offset[DT_DIR_INGRESS];
	bpf_ringbuf_submit(ev, wakeup_flags_reserved(sizeof(*ev)));
}

static __always_inline void emit_open(__u32 pid, int fd, __u64 generation, struct sock *sk, __u16 role)
{
	struct dt_open_event *ev = bpf_ringbuf_reserve(&dt_events, sizeof(*ev), 0);
	if (!ev) {
		count_drop(DT_DROP_RINGBUF_CONTROL, 1);
		return;
	}
	fill_header(&ev->h, DT_EV_OPEN, pid, fd, generation);
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	ev->family = family;
	ev->role = role;
	ev->protocol = BPF_CORE_READ(sk, sk_protocol);
	ev->local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
	ev->remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	ev->pad0 = 0;
	ev->pad1 = 0;
	__builtin_memset(ev->local_addr, 0, sizeof(ev->local_addr));
	__builtin_memset(ev->remote_addr, 0, sizeof(ev->remote_addr));
	if (family == AF_INET) {
		bpf_core_read(ev->local_addr, 4, &sk->__sk_common.skc_rcv_saddr);
		bpf_core_read(ev->remote_addr, 4, &sk->__sk_common.skc_daddr);
	} else {
		bpf_core_read(ev->local_addr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(ev->remote_addr, 16, &sk->__sk_common.skc_v6_daddr);
	}
	bpf_ringbuf_submit(ev, wakeup_flags_reserved(sizeof(*ev)));
}

/*
 * Start tracking (pid, fd) as a new connection, closing whatever was tracked
 * there before (an fd reused without a close we saw, e.g. close_range or dup2).
 */
static __always_inline struct conn_info *open_conn(__u32 pid, int fd, struct sock *sk, __u16 role)
{
	struct conn_key key = {.pid = pid, .fd = fd};
	struct conn_info *old = bpf_map_lookup_elem(&dt_conns, &key);
	if (old)
		emit_close(pid, fd, old);
	struct conn_info ci = {};
	ci.generation = bpf_ktime_get_ns();
	ci.sock = (__u64)sk;
	if (bpf_map_update_elem(&dt_conns, &key, &ci, BPF_ANY)) {
		count_drop(DT_DROP_CONN_MAP_FULL, 1);
		return 0;
	}
	emit_open(pid, fd, ci.generation, sk, role);
	return bpf_map_lookup_elem(&dt_conns, &key);
}

/* The connection for (pid, fd) on socket sk; a socket we never saw open is adopted. */
static __always_inline struct conn_info *conn_for(__u32 pid, int fd, struct sock *sk)
{
	struct conn_key key = {.pid = pid, .fd = fd};
	struct conn_info *ci = bpf_map_lookup_elem(&dt_conns, &key);
	if (ci && ci->sock == (__u64)sk)
		return ci;
	return open_conn(pid, fd, sk, DT_ROLE_UNKNOWN);
}

/* ------------------------------------------------------ data emission */

/* State of one syscall's copy-out, walked by bpf_loop one chunk at a time. */
struct copy_state {
	__u64 iov;       /* user pointer to struct iovec[] (0: single buffer) */
	__u64 iovcnt;
	__u64 iov_index; /* next iovec to load */
	__u64 cur;       /* user pointer into the current buffer */
	__u64 cur_left;  /* bytes left in the current buffer */
	__u64 left;      /* bytes of the syscall not yet emitted */
	__u64 budget;    /* bytes we may still capture (per-call cap) */
	__u64 offset;    /* stream offset of the next byte */
	__u32 syscall_bytes;
	__u32 pid;
	__s32 fd;
	__u8 direction;
	__u8 syscall;
	__u8 pad[2];
	__u64 generation;
	__u64 timestamp_ns;
};

/*
 * Per-CPU scratch for one syscall's copy-out: the loop state and one data
 * event (too large for the 512-byte BPF stack). The state lives in a map
 * value on purpose: the verifier then treats its fields as unknown scalars
 * and checks the bpf_loop callback once, instead of following every value.
 */
struct data_scratch {
	struct copy_state st;
	struct dt_data_event ev;
	__u8 payload[DT_CHUNK_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct data_scratch);
} dt_scratch SEC(".maps");

static __always_inline struct data_scratch *scratch(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&dt_scratch, &zero);
}

static long copy_chunk(__u32 index, void *unused)
{
	struct data_scratch *s = scratch();
	if (!s)
		return 1;
	struct copy_state *st = &s->st;
	if (st->left == 0 || st->budget == 0)
		return 1;
	if (st->cur_left == 0) {
		if (st->iov == 0 || st->iov_index >= st->iovcnt)
			return 1; /* buffers exhausted before `left`: nothing more to read */
		struct iovec v = {};
		if (bpf_probe_read_user(&v, sizeof(v), (void *)(st->iov + st->iov_index * sizeof(struct iovec)))) {
			count_drop(DT_DROP_READ_USER, 1);
			return 1;
		}
		st->iov_index++;
		st->cur = (__u64)v.iov_base;
		st->cur_left = v.iov_len;
		return 0; /* an empty iovec costs one iteration */
	}

	__u64 n = st->cur_left;
	if (n > st->left)
		n = st->left;
	if (n > st->budget)
		n = st->budget;
	if (n > DT_CHUNK_MAX)
		n = DT_CHUNK_MAX;

	struct dt_data_event *ev = &s->ev;
	ev->h.kind = DT_EV_DATA;
	ev->h.cpu = bpf_get_smp_processor_id();
	ev->h.timestamp_ns = st->timestamp_ns;
	ev->h.conn.pid = st->pid;
	ev->h.conn.fd = st->fd;
	ev->h.conn.generation = st->generation;
	ev->stream_offset = st->offset;
	ev->syscall_bytes = st->syscall_bytes;
	ev->length = n;
	ev->captured = n;
	ev->direction = st->direction;
	ev->syscall = st->syscall;
	ev->flags = 0;
	ev->pad0 = 0;

	__u32 len = n;
	if (len > DT_CHUNK_MAX)
		return 1; /* unreachable; tells the verifier the bound */
	if (bpf_probe_read_user(s->payload, len, (void *)st->cur)) {
		/* Keep the stream contiguous: send the range as a filler. */
		count_drop(DT_DROP_READ_USER, 1);
		ev->captured = 0;
		ev->flags = DT_DATA_FILLER;
		len = 0;
	}
	if (bpf_ringbuf_output(&dt_events, ev, sizeof(*ev) + len, wakeup_flags_before_output(sizeof(*ev) + len))) {
		count_drop(DT_DROP_RINGBUF_DATA, 1);
		count_drop(DT_DROP_RINGBUF_DATA_BYTES, len);
	}
	st->cur += n;
	st->cur_left -= n;
	st->left -= n;
	st->budget -= n;
	st->offset += n;
	return 0;
}

/* An event with no payload standing for `length` stream bytes. */
static __always_inline void emit_filler(struct copy_state *st, __u64 length, __u8 flags)
{
	struct dt_data_event ev = {};
	fill_header(&ev.h, DT_EV_DATA, st->pid, st->fd, st->generation);
	ev.h.timestamp_ns = st->timestamp_ns;
	ev.stream_offset = st->offset;
	ev.syscall_bytes = st->syscall_bytes;
	ev.length = length;
	ev.captured = 0;
	ev.direction = st->direction;
	ev.syscall = st->syscall;
	ev.flags = DT_DATA_FILLER | flags;
	if (bpf_ringbuf_output(&dt_events, &ev, sizeof(ev), wakeup_flags_before_output(sizeof(ev))))
		count_drop(DT_DROP_RINGBUF_DATA, 1);
	st->offset += length;
}

static __always_inline void emit_data(struct inflight *in, __u32 pid, __u64 bytes, __u8 direction)
{
	struct conn_info *ci = conn_for(pid, in->fd, (struct sock *)in->sock);
	if (!ci)
		return;
	struct dt_config *c = dt_cfg();
	__u64 cap = c ? c->max_bytes_per_call : 0;
	if (cap > DT_PER_CALL_MAX)
		cap = DT_PER_CALL_MAX;

	struct data_scratch *s = scratch();
	if (!s)
		return;
	struct copy_state *st = &s->st;
	__builtin_memset(st, 0, sizeof(*st));
	st->offset = __sync_fetch_and_add(&ci->offset[direction & 1], bytes);
	st->generation = ci->generation;
	st->timestamp_ns = bpf_ktime_get_ns();
	st->pid = pid;
	st->fd = in->fd;
	st->direction = direction;
	st->syscall = in->syscall;
	st->syscall_bytes = bytes;
	st->left = bytes;
	st->budget = cap;

	if (in->syscall == DT_SYS_SENDFILE) {
		emit_filler(st, bytes, 0);
		return;
	}
	if (in->iovcnt) {
		st->iov = in->buf;
		st->iovcnt = in->iovcnt;
		if (st->iovcnt > DT_IOV_MAX) {
			count_drop(DT_DROP_IOV_LIMIT, 1);
			st->iovcnt = DT_IOV_MAX;
		}
	} else {
		st->cur = in->buf;
		st->cur_left = bytes;
	}
	if (!st->iov && bytes <= DT_CHUNK_MAX && bytes <= cap) {
		/* The common case, one small buffer: one chunk, no loop. */
		copy_chunk(0, 0);
	} else {
		/* Each iteration emits one chunk or loads one iovec. */
		bpf_loop(DT_PER_CALL_MAX / DT_CHUNK_MAX + DT_IOV_MAX + 1, copy_chunk, 0, 0);
	}
	if (st->left) {
		if (st->budget == 0) {
			count_drop(DT_DROP_TRUNCATED_CALLS, 1);
			count_drop(DT_DROP_TRUNCATED_BYTES, st->left);
		}
		emit_filler(st, st->left, DT_DATA_TRUNCATED);
	}
}

/* ----------------------------------------------------------- datagrams */

struct dgram_scratch {
	struct dt_datagram_event ev;
	__u8 payload[DT_CHUNK_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct dgram_scratch);
} dt_dgram_scratch SEC(".maps");

/* The peer of a datagram: from the sockaddr the caller passed, else the connected peer. */
static __always_inline void fill_peer(struct dt_datagram_event *ev, __u64 addr, struct sock *sk)
{
	ev->family = 0;
	ev->port = 0;
	__builtin_memset(ev->addr, 0, sizeof(ev->addr));
	if (addr) {
		__u16 family = 0;
		if (bpf_probe_read_user(&family, sizeof(family), (void *)addr) == 0 && (family == AF_INET || family == AF_INET6)) {
			__be16 port = 0;
			bpf_probe_read_user(&port, sizeof(port), (void *)(addr + 2));
			ev->family = family;
			ev->port = bpf_ntohs(port);
			if (family == AF_INET)
				bpf_probe_read_user(ev->addr, 4, (void *)(addr + 4));
			else
				bpf_probe_read_user(ev->addr, 16, (void *)(addr + 8));
			return;
		}
	}
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	ev->family = family;
	ev->port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (family == AF_INET)
		bpf_core_read(ev->addr, 4, &sk->__sk_common.skc_daddr);
	else
		bpf_core_read(ev->addr, 16, &sk->__sk_common.skc_v6_daddr);
}

/*
 * Emits one datagram of `bytes` bytes whose data starts in the buffer (iovcnt 0)
 * or in the first iovec; datagrams are small (DNS), so only the first buffer and
 * at most DT_CHUNK_MAX bytes are captured, the rest is accounted in d.length.
 */
static __always_inline void emit_datagram(struct conn_info *ci, __u32 pid, int fd, __u8 syscall, __u8 direction,
					  __u64 buf, __u64 iovcnt, __u64 addr, struct sock *sk, __u64 bytes)
{
	__u32 zero = 0;
	struct dgram_scratch *s = bpf_map_lookup_elem(&dt_dgram_scratch, &zero);
	if (!s)
		return;
	__u64 data = buf;
	__u64 avail = bytes;
	if (iovcnt) {
		struct iovec v = {};
		if (bpf_probe_read_user(&v, sizeof(v), (void *)buf))
			return;
		data = (__u64)v.iov_base;
		avail = v.iov_len < bytes ? v.iov_len : bytes;
	}
	struct dt_config *c = dt_cfg();
	__u64 cap = c ? c->max_bytes_per_call : 0;
	if (avail > cap)
		avail = cap;
	struct dt_datagram_event *ev = &s->ev;
	fill_header(&ev->d.h, DT_EV_DATAGRAM, pid, fd, ci->generation);
	ev->d.stream_offset = __sync_fetch_and_add(&ci->offset[direction & 1], bytes);
	ev->d.syscall_bytes = bytes;
	ev->d.length = bytes;
	ev->d.direction = direction;
	ev->d.syscall = syscall;
	ev->d.flags = 0;
	ev->d.pad0 = 0;
	ev->pad0 = 0;
	fill_peer(ev, addr, sk);
	if (avail > DT_CHUNK_MAX)
		avail = DT_CHUNK_MAX;
	__u32 len = avail;
	if (len > DT_CHUNK_MAX)
		return; /* unreachable; tells the verifier the bound */
	if (len && bpf_probe_read_user(s->payload, len, (void *)data)) {
		count_drop(DT_DROP_READ_USER, 1);
		len = 0;
	}
	ev->d.captured = len;
	if (len < bytes) {
		ev->d.flags = DT_DATA_TRUNCATED;
		count_drop(DT_DROP_TRUNCATED_CALLS, 1);
		count_drop(DT_DROP_TRUNCATED_BYTES, bytes - len);
	}
	if (bpf_ringbuf_output(&dt_events, ev, sizeof(*ev) + len, wakeup_flags_before_output(sizeof(*ev) + len))) {
		count_drop(DT_DROP_RINGBUF_DATA, 1);
		count_drop(DT_DROP_RINGBUF_DATA_BYTES, len);
	}
}

/* Loop state for sendmmsg/recvmmsg, kept in the data scratch (see copy_state). */
static long mmsg_one(__u32 index, void *unused)
{
	struct data_scratch *s = scratch();
	if (!s)
		return 1;
	struct copy_state *st = &s->st;
	if (st->iov_index >= st->iovcnt)
		return 1;
	struct mmsghdr m = {};
	if (bpf_probe_read_user(&m, sizeof(m), (void *)(st->iov + st->iov_index * sizeof(struct mmsghdr)))) {
		count_drop(DT_DROP_READ_USER, 1);
		return 1;
	}
	st->iov_index++;
	__u32 pid = st->pid;
	struct conn_key key = {.pid = pid, .fd = st->fd};
	struct conn_info *ci = bpf_map_lookup_elem(&dt_conns, &key);
	if (!ci)
		return 1;
	emit_datagram(ci, pid, st->fd, st->syscall, st->direction, (__u64)m.msg_hdr.msg_iov,
		      m.msg_hdr.msg_iovlen ? 1 : 0, (__u64)m.msg_hdr.msg_name, (struct sock *)st->cur, m.msg_len);
	return 0;
}

static __always_inline void emit_datagrams(struct inflight *in, __u32 pid, long ret, __u8 direction)
{
	struct sock *sk = (struct sock *)in->sock;
	struct conn_info *ci = conn_for(pid, in->fd, sk);
	if (!ci)
		return;
	if (in->syscall != DT_SYS_SENDMMSG && in->syscall != DT_SYS_RECVMMSG) {
		emit_datagram(ci, pid, in->fd, in->syscall, direction, in->buf, in->iovcnt, in->addr, sk, (__u64)ret);
		return;
	}
	/* ret is the number of messages sent or received. */
	struct data_scratch *s = scratch();
	if (!s)
		return;
	struct copy_state *st = &s->st;
	__builtin_memset(st, 0, sizeof(*st));
	st->iov = in->buf;
	st->iovcnt = ret > DT_MMSG_MAX ? DT_MMSG_MAX : ret;
	st->cur = (__u64)sk;
	st->pid = pid;
	st->fd = in->fd;
	st->syscall = in->syscall;
	st->direction = direction;
	bpf_loop(DT_MMSG_MAX, mmsg_one, 0, 0);
}

/* --------------------------------------------------- enter / exit glue */

static __always_inline struct inflight *inflight_create(void)
{
	return bpf_task_storage_get(&dt_inflight, bpf_get_current_task_btf(), 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
}

static __always_inline void remember_addr(int fd, __u64 buf, __u64 iovcnt, __u64 addr, __u8 syscall)
{
	__u64 id = bpf_get_current_pid_tgid();
	if (!wanted(id >> 32))
		return;
	struct sock *sk = inet_sock_of_fd(fd);
	if (!sk)
		return;
	bool udp = is_udp(sk);
	/* Several messages per call only make sense for datagrams. */
	if (!udp && (syscall == DT_SYS_SENDMMSG || syscall == DT_SYS_RECVMMSG))
		return;
	struct inflight *in = inflight_create();
	if (!in) {
		count_drop(DT_DROP_ARGS_MAP_FULL, 1);
		return;
	}
	in->buf = buf;
	in->iovcnt = iovcnt;
	in->sock = (__u64)sk;
	in->addr = udp ? addr : 0;
	in->fd = fd;
	in->syscall = syscall;
	in->udp = udp;
	in->active = 1;
}

static __always_inline void remember(int fd, __u64 buf, __u64 iovcnt, __u8 syscall)
{
	remember_addr(fd, buf, iovcnt, 0, syscall);
}

/* sendmsg/recvmsg: the iovec array (and a datagram's peer) live inside the user's msghdr. */
static __always_inline void remember_msg(int fd, __u64 msg, __u8 syscall)
{
	struct user_msghdr m = {};
	if (bpf_probe_read_user(&m, sizeof(m), (void *)msg))
		return;
	remember_addr(fd, (__u64)m.msg_iov, m.msg_iovlen ? m.msg_iovlen : 0, (__u64)m.msg_name, syscall);
}

static __always_inline void finish(long ret, __u8 direction, __u8 syscall)
{
	struct inflight *in = bpf_task_storage_get(&dt_inflight, bpf_get_current_task_btf(), 0, 0);
	if (!in || !in->active || in->syscall != syscall)
		return;
	in->active = 0;
	if (ret <= 0)
		return;
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	if (in->udp)
		emit_datagrams(in, pid, ret, direction);
	else
		emit_data(in, pid, (__u64)ret, direction);
}

#define ARG(ctx, i) ((ctx)->args[i])

SEC("tracepoint/syscalls/sys_enter_read")
int dt_enter_read(struct trace_event_raw_sys_enter *ctx) { remember(ARG(ctx, 0), ARG(ctx, 1), 0, DT_SYS_READ); return 0; }
SEC("tracepoint/syscalls/sys_exit_read")
int dt_exit_read(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_INGRESS, DT_SYS_READ); return 0; }

SEC("tracepoint/syscalls/sys_enter_write")
int dt_enter_write(struct trace_event_raw_sys_enter *ctx) { remember(ARG(ctx, 0), ARG(ctx, 1), 0, DT_SYS_WRITE); return 0; }
SEC("tracepoint/syscalls/sys_exit_write")
int dt_exit_write(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_EGRESS, DT_SYS_WRITE); return 0; }

SEC("tracepoint/syscalls/sys_enter_readv")
int dt_enter_readv(struct trace_event_raw_sys_enter *ctx)
{
	if (ARG(ctx, 2) > 0)
		remember(ARG(ctx, 0), ARG(ctx, 1), ARG(ctx, 2), DT_SYS_READV);
	return 0;
}
SEC("tracepoint/syscalls/sys_exit_readv")
int dt_exit_readv(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_INGRESS, DT_SYS_READV); return 0; }

SEC("tracepoint/syscalls/sys_enter_writev")
int dt_enter_writev(struct trace_event_raw_sys_enter *ctx)
{
	if (ARG(ctx, 2) > 0)
		remember(ARG(ctx, 0), ARG(ctx, 1), ARG(ctx, 2), DT_SYS_WRITEV);
	return 0;
}
SEC("tracepoint/syscalls/sys_exit_writev")
int dt_exit_writev(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_EGRESS, DT_SYS_WRITEV); return 0; }

SEC("tracepoint/syscalls/sys_enter_sendto")
int dt_enter_sendto(struct trace_event_raw_sys_enter *ctx) { remember_addr(ARG(ctx, 0), ARG(ctx, 1), 0, ARG(ctx, 4), DT_SYS_SENDTO); return 0; }
SEC("tracepoint/syscalls/sys_exit_sendto")
int dt_exit_sendto(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_EGRESS, DT_SYS_SENDTO); return 0; }

/* A MSG_PEEK receive leaves the bytes in the socket: the next receive returns
 * them again, so it must not move the stream (Kestrel peeks at new connections). */
SEC("tracepoint/syscalls/sys_enter_recvfrom")
int dt_enter_recvfrom(struct trace_event_raw_sys_enter *ctx)
{
	if (!(ARG(ctx, 3) & MSG_PEEK))
		remember_addr(ARG(ctx, 0), ARG(ctx, 1), 0, ARG(ctx, 4), DT_SYS_RECVFROM);
	return 0;
}
SEC("tracepoint/syscalls/sys_exit_recvfrom")
int dt_exit_recvfrom(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_INGRESS, DT_SYS_RECVFROM); return 0; }

SEC("tracepoint/syscalls/sys_enter_sendmsg")
int dt_enter_sendmsg(struct trace_event_raw_sys_enter *ctx) { remember_msg(ARG(ctx, 0), ARG(ctx, 1), DT_SYS_SENDMSG); return 0; }
SEC("tracepoint/syscalls/sys_exit_sendmsg")
int dt_exit_sendmsg(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_EGRESS, DT_SYS_SENDMSG); return 0; }

SEC("tracepoint/syscalls/sys_enter_recvmsg")
int dt_enter_recvmsg(struct trace_event_raw_sys_enter *ctx)
{
	if (!(ARG(ctx, 2) & MSG_PEEK))
		remember_msg(ARG(ctx, 0), ARG(ctx, 1), DT_SYS_RECVMSG);
	return 0;
}
SEC("tracepoint/syscalls/sys_exit_recvmsg")
int dt_exit_recvmsg(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_INGRESS, DT_SYS_RECVMSG); return 0; }

/* sendmmsg(fd, mmsg, vlen, flags) / recvmmsg(fd, mmsg, vlen, flags, timeout):
 * several datagrams per call (glibc's resolver sends A and AAAA queries so). */
SEC("tracepoint/syscalls/sys_enter_sendmmsg")
int dt_enter_sendmmsg(struct trace_event_raw_sys_enter *ctx) { remember(ARG(ctx, 0), ARG(ctx, 1), 0, DT_SYS_SENDMMSG); return 0; }
SEC("tracepoint/syscalls/sys_exit_sendmmsg")
int dt_exit_sendmmsg(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_EGRESS, DT_SYS_SENDMMSG); return 0; }

SEC("tracepoint/syscalls/sys_enter_recvmmsg")
int dt_enter_recvmmsg(struct trace_event_raw_sys_enter *ctx)
{
	if (!(ARG(ctx, 3) & MSG_PEEK))
		remember(ARG(ctx, 0), ARG(ctx, 1), 0, DT_SYS_RECVMMSG);
	return 0;
}
SEC("tracepoint/syscalls/sys_exit_recvmmsg")
int dt_exit_recvmmsg(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_INGRESS, DT_SYS_RECVMMSG); return 0; }

/* sendfile64(out_fd, in_fd, offset, count): the bytes never pass through user
 * memory; a filler keeps the socket's stream offsets right. */
SEC("tracepoint/syscalls/sys_enter_sendfile64")
int dt_enter_sendfile(struct trace_event_raw_sys_enter *ctx) { remember(ARG(ctx, 0), 0, 0, DT_SYS_SENDFILE); return 0; }
SEC("tracepoint/syscalls/sys_exit_sendfile64")
int dt_exit_sendfile(struct trace_event_raw_sys_exit *ctx) { finish(ctx->ret, DT_DIR_EGRESS, DT_SYS_SENDFILE); return 0; }

/* ------------------------------------------------ connection lifecycle */

SEC("tracepoint/syscalls/sys_enter_connect")
int dt_enter_connect(struct trace_event_raw_sys_enter *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	if (!wanted(id >> 32))
		return 0;
	struct inflight *in = inflight_create();
	if (!in) {
		count_drop(DT_DROP_ARGS_MAP_FULL, 1);
		return 0;
	}
	in->fd = ARG(ctx, 0);
	in->syscall = DT_SYS_CONNECT;
	in->active = 1;
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_connect")
int dt_exit_connect(struct trace_event_raw_sys_exit *ctx)
{
	struct inflight *in = bpf_task_storage_get(&dt_inflight, bpf_get_current_task_btf(), 0, 0);
	if (!in || !in->active || in->syscall != DT_SYS_CONNECT)
		return 0;
	in->active = 0;
	int fd = in->fd;
	__u64 id = bpf_get_current_pid_tgid();
	/* Non-blocking sockets (.NET, nginx upstreams) answer -EINPROGRESS. */
	if (ctx->ret != 0 && ctx->ret != -EINPROGRESS)
		return 0;
	struct sock *sk = inet_sock_of_fd(fd);
	if (sk)
		open_conn(id >> 32, fd, sk, DT_ROLE_CLIENT);
	return 0;
}

static __always_inline void accepted(long ret)
{
	__u64 id = bpf_get_current_pid_tgid();
	if (ret < 0 || !wanted(id >> 32))
		return;
	struct sock *sk = inet_sock_of_fd(ret);
	if (sk)
		open_conn(id >> 32, ret, sk, DT_ROLE_SERVER);
}

SEC("tracepoint/syscalls/sys_exit_accept")
int dt_exit_accept(struct trace_event_raw_sys_exit *ctx) { accepted(ctx->ret); return 0; }
SEC("tracepoint/syscalls/sys_exit_accept4")
int dt_exit_accept4(struct trace_event_raw_sys_exit *ctx) { accepted(ctx->ret); return 0; }

SEC("tracepoint/syscalls/sys_enter_close")
int dt_enter_close(struct trace_event_raw_sys_enter *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct conn_key key = {.pid = id >> 32, .fd = ARG(ctx, 0)};
	struct conn_info *ci = bpf_map_lookup_elem(&dt_conns, &key);
	if (!ci)
		return 0;
	emit_close(key.pid, key.fd, ci);
	bpf_map_delete_elem(&dt_conns, &key);
	return 0;
}

/* The whole process is gone: user space closes its connections and prunes dt_conns. */
SEC("tracepoint/sched/sched_process_exit")
int dt_process_exit(void *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u32 pid = id >> 32;
	if ((__u32)id != pid || !wanted(pid))
		return 0;
	struct dt_event_header *ev = bpf_ringbuf_reserve(&dt_events, sizeof(*ev), 0);
	if (!ev) {
		count_drop(DT_DROP_RINGBUF_CONTROL, 1);
		return 0;
	}
	fill_header(ev, DT_EV_PROC_EXIT, pid, -1, 0);
	bpf_ringbuf_submit(ev, BPF_RB_FORCE_WAKEUP);
	return 0;
}
