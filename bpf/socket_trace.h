/* SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause) */
/*
 * Wire format between bpf/socket_trace.bpf.c and user space
 * (core/Capture/SocketTrace/SocketTraceEvents.cs mirrors every struct here;
 * change both together, SocketTraceLayoutTests checks the sizes).
 *
 * All structs are naturally aligned with explicit padding, so that the C
 * layout and the C# [StructLayout(Sequential)] layout are the same.
 */
#ifndef DEVTOOLS_SOCKET_TRACE_H
#define DEVTOOLS_SOCKET_TRACE_H

/* Largest payload one data event carries; a larger syscall becomes several events. */
#define DT_CHUNK_MAX 16384
/* Hard upper bound on the per-call capture cap (config.max_bytes_per_call). */
#define DT_PER_CALL_MAX (1024 * 1024)
/* Most iovec entries walked per readv/writev/sendmsg/recvmsg call (IOV_MAX). */
#define DT_IOV_MAX 1024

enum dt_event_kind {
	DT_EV_OPEN = 1,      /* a connection became known (connect, accept, or first data on an older socket) */
	DT_EV_CLOSE = 2,     /* close(2) of a tracked socket, or its fd was reused by another socket */
	DT_EV_DATA = 3,      /* bytes moved by one syscall, or a part of them */
	DT_EV_PROC_EXIT = 4, /* a thread-group leader exited: every connection of that pid is gone */
	DT_EV_DATAGRAM = 5,  /* one UDP datagram, with the peer it came from or went to */
};

enum dt_role {
	DT_ROLE_UNKNOWN = 0, /* socket existed before capture: inferred from its first message */
	DT_ROLE_CLIENT = 1,  /* we saw connect(2) */
	DT_ROLE_SERVER = 2,  /* we saw accept(2)/accept4(2) */
};

enum dt_direction {
	DT_DIR_EGRESS = 0,  /* write, send*: bytes leaving the traced process */
	DT_DIR_INGRESS = 1, /* read, recv*: bytes arriving at the traced process */
};

enum dt_syscall {
	DT_SYS_READ = 1,
	DT_SYS_WRITE = 2,
	DT_SYS_READV = 3,
	DT_SYS_WRITEV = 4,
	DT_SYS_SENDTO = 5,
	DT_SYS_RECVFROM = 6,
	DT_SYS_SENDMSG = 7,
	DT_SYS_RECVMSG = 8,
	DT_SYS_SENDFILE = 9,
	DT_SYS_CONNECT = 10, /* only between connect's enter and exit; never in a data event */
	DT_SYS_SENDMMSG = 11,
	DT_SYS_RECVMMSG = 12,
};

enum dt_data_flags {
	/* No payload follows: the event stands for `length` stream bytes that were
	 * moved but not captured (sendfile, or beyond the per-call cap). */
	DT_DATA_FILLER = 1,
	/* Set on the filler that covers bytes beyond the per-call cap. */
	DT_DATA_TRUNCATED = 2,
};

/* Indexes of the per-CPU drop counters (map dt_drops). */
enum dt_drop_reason {
	DT_DROP_RINGBUF_DATA = 0,       /* data event lost: ring buffer full */
	DT_DROP_RINGBUF_DATA_BYTES = 1, /* payload bytes in those lost events */
	DT_DROP_RINGBUF_CONTROL = 2,    /* open/close/exit event lost: ring buffer full */
	DT_DROP_TRUNCATED_CALLS = 3,    /* syscalls with more bytes than the per-call cap */
	DT_DROP_TRUNCATED_BYTES = 4,    /* bytes beyond the per-call cap (sent as fillers) */
	DT_DROP_READ_USER = 5,          /* payload copy from user memory failed */
	DT_DROP_IOV_LIMIT = 6,          /* iovec arrays longer than DT_IOV_MAX */
	DT_DROP_ARGS_MAP_FULL = 7,      /* no task storage for a syscall's arguments: call not traced */
	DT_DROP_CONN_MAP_FULL = 8,      /* connection table full: connection not traced */
	DT_DROP_REASON_COUNT = 9,
};

/* Set once by user space after load (map dt_config, key 0). */
struct dt_config {
	__u32 target_tgid;        /* 0: every process */
	__u32 self_tgid;          /* never traced: the capturing process itself (0: none) */
	__u32 max_bytes_per_call; /* bytes captured per syscall, the rest becomes a filler */
	__u32 wakeup_bytes;       /* wake the reader once this much is queued */
};

struct dt_conn_id {
	__u32 pid; /* tgid */
	__s32 fd;
	__u64 generation; /* unique per (pid, fd) lifetime: boot-time ns of the open */
};

struct dt_event_header {
	__u32 kind;
	__u32 cpu;
	__u64 timestamp_ns; /* CLOCK_MONOTONIC (bpf_ktime_get_ns) */
	struct dt_conn_id conn;
};

struct dt_open_event {
	struct dt_event_header h;
	__u16 family;   /* AF_INET (2) or AF_INET6 (10) */
	__u16 role;     /* enum dt_role */
	__u16 protocol; /* IPPROTO_TCP (6) or IPPROTO_UDP (17) */
	__u16 local_port;
	__u16 remote_port;
	__u16 pad0;
	__u32 pad1;
	__u8 local_addr[16]; /* IPv4: first 4 bytes */
	__u8 remote_addr[16];
};

struct dt_close_event {
	struct dt_event_header h;
	__u64 bytes_sent; /* final egress stream offset */
	__u64 bytes_recv; /* final ingress stream offset */
};

struct dt_data_event {
	struct dt_event_header h;
	__u64 stream_offset; /* position of this event's first byte in its direction's stream */
	__u32 syscall_bytes; /* bytes the whole syscall moved (its return value) */
	__u32 length;        /* stream bytes this event covers */
	__u32 captured;      /* payload bytes that follow (0 for a filler, else == length) */
	__u8 direction;      /* enum dt_direction */
	__u8 syscall;        /* enum dt_syscall */
	__u8 flags;          /* enum dt_data_flags */
	__u8 pad0;
	/* `captured` payload bytes follow the struct */
};

/*
 * One UDP datagram. Datagrams keep their boundaries and each may come from or
 * go to a different peer (a DNS server's single socket talks to every client),
 * so user space demultiplexes them into flows by peer rather than by offset.
 * `d.length` is the datagram's size, `d.captured` what follows this struct.
 */
struct dt_datagram_event {
	struct dt_data_event d;
	__u16 family; /* of the peer: AF_INET or AF_INET6 */
	__u16 port;   /* host order */
	__u32 pad0;
	__u8 addr[16];
};

#endif
