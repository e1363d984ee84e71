using System.Diagnostics;

namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>C programs the tests compile with gcc (frame pointers kept, so stacks unwind) into a temp directory.</summary>
public static class NativePrograms
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), $"devtools-native-{Environment.ProcessId}");

    /// <summary>
    /// Burns CPU in devtools_hot_spin (called through devtools_middle) for argv[1]
    /// seconds, printing "ready" first.
    /// </summary>
    public const string HotSource = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <time.h>
        static volatile unsigned long sink;
        __attribute__((noinline)) unsigned long devtools_hot_spin(unsigned long n) {
            unsigned long x = 0;
            for (unsigned long i = 0; i < n; i++) { x += i * i; sink = x; }
            return x;
        }
        __attribute__((noinline)) unsigned long devtools_middle(unsigned long n) { return devtools_hot_spin(n) + 1; }
        static double elapsed(struct timespec *start) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            return (now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
        }
        int main(int argc, char **argv) {
            double seconds = argc > 1 ? atof(argv[1]) : 10;
            struct timespec start;
            clock_gettime(CLOCK_MONOTONIC, &start);
            printf("ready\n");
            fflush(stdout);
            unsigned long total = 0;
            while (elapsed(&start) < seconds) total += devtools_middle(2000000);
            printf("%lu\n", total);
            return 0;
        }
        """;

    /// <summary>
    /// Reads /dev/zero in 64 KiB chunks (the kernel clears the buffer: kernel time)
    /// for argv[1] seconds. The syscall instruction is inline, in
    /// devtools_syscall_loop itself: through libc's read() wrapper, which has no
    /// frame pointer, a frame-pointer unwind would skip the function that called it.
    /// </summary>
    public const string SyscallSource = """
        #include <fcntl.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <time.h>
        #include <unistd.h>
        static char buffer[1 << 16];
        static inline long read_inline(int fd, void *buf, unsigned long count) {
        #if defined(__x86_64__)
            long ret;
            __asm__ volatile ("syscall" : "=a"(ret) : "a"(0L), "D"((long)fd), "S"(buf), "d"(count) : "rcx", "r11", "memory");
            return ret;
        #else
            return read(fd, buf, count);
        #endif
        }
        __attribute__((noinline)) long devtools_syscall_loop(int fd, int rounds) {
            long total = 0;
            for (int i = 0; i < rounds; i++) total += read_inline(fd, buffer, sizeof buffer);
            return total;
        }
        int main(int argc, char **argv) {
            double seconds = argc > 1 ? atof(argv[1]) : 10;
            int fd = open("/dev/zero", O_RDONLY);
            struct timespec start, now;
            clock_gettime(CLOCK_MONOTONIC, &start);
            printf("ready\n");
            fflush(stdout);
            long total = 0;
            do {
                total += devtools_syscall_loop(fd, 1000);
                clock_gettime(CLOCK_MONOTONIC, &now);
            } while ((now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9 < seconds);
            printf("%ld\n", total);
            return 0;
        }
        """;

    /// <summary>Compiles <paramref name="source"/> once per test run; returns the binary's path.</summary>
    public static string Build(string name, string source)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string binary = Path.Combine(Directory, name);
        if (File.Exists(binary))
            return binary;
        string file = Path.Combine(Directory, name + ".c");
        File.WriteAllText(file, source);
        var info = new ProcessStartInfo("gcc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in (string[])["-O0", "-g", "-fno-omit-frame-pointer", "-mno-omit-leaf-frame-pointer", "-o", binary, file])
            info.ArgumentList.Add(arg);
        using Process gcc = Process.Start(info) ?? throw new InvalidOperationException("Cannot start gcc: install it (scripts/setup.sh test).");
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0)
            throw new InvalidOperationException($"gcc failed to compile {name}:\n{errors}");
        return binary;
    }

    /// <summary>Starts a program and waits for its "ready" line.</summary>
    public static ManagedProcess StartReady(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        ManagedProcess process = ManagedProcess.Start(fileName, arguments, environment: environment);
        var clock = Stopwatch.StartNew();
        while (!process.Output.Contains("ready", StringComparison.Ordinal))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{fileName} exited before it was ready:\n{process.Output}");
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"{fileName} did not get ready:\n{process.Output}");
            Thread.Sleep(20);
        }
        return process;
    }
}
