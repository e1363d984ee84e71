using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Bpf;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Core.Profiling.Output;
using Devtools.Core.Profiling.Symbols;
using Devtools.Host.Cli;
using Devtools.Host.Rendering;

namespace Devtools.Host.Commands;

/// <summary>`devtools profile`: sample CPU stacks for a while, write a flame graph, print the hottest functions.</summary>
public static class ProfileCommand
{
    private const int MaxStacks = 200_000;

    public static Command Create()
    {
        var pid = new Option<int?>("--pid", "-p")
        {
            Description = "Profile only this process (default: every process on the machine).",
            HelpName = "PID",
        };
        Option<TimeSpan?> duration = DurationOption.Create("--duration", "How long to sample.", TimeSpan.FromSeconds(30));
        var managed = new Option<bool>("--managed")
        {
            Description = "Profile .NET code through EventPipe (method names and File.cs:LINE without perf maps) instead of eBPF sampling.",
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "folded: one 'root;...;leaf COUNT' line per stack; speedscope: JSON for speedscope; html: a self-contained flame graph page. Default: from the --output extension (.folded/.txt, .json, .html), else html.",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("folded", "speedscope", "html");
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "File to write (default: devtools-profile-<pid|all>-<time>.<ext> in the current directory).",
            HelpName = "FILE",
        };
        var rate = new Option<int>("--rate")
        {
            Description = "Samples per second on each CPU.",
            DefaultValueFactory = _ => StackSamplerOptions.DefaultSamplesPerSecond,
            HelpName = "HZ",
        };
        var enablePerfMap = new Option<bool>("--enable-perf-map")
        {
            Description = "Turn on the perf map of the running .NET process given by --pid (DiagnosticsClient.EnablePerfMap), so JIT-compiled methods get names; turned off again at the end.",
        };
        var top = new Option<int>("--top")
        {
            Description = "How many functions (and source lines) to print.",
            DefaultValueFactory = _ => 15,
            HelpName = "N",
        };
        var command = new Command("profile", "Sample CPU stacks (eBPF, every CPU at --rate Hz, user and kernel frames) for --duration, write a flame graph and print the hottest functions.")
        {
            pid, duration, managed, format, output, rate, enablePerfMap, top,
        };
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(async token =>
        {
            int? target = parse.GetValue(pid);
            if (target is <= 0)
                throw new UsageException($"--pid must be a positive process id, not {target}.");
            if (target is { } p && !Directory.Exists($"/proc/{p}"))
                throw new UsageException($"No process has pid {p}: check it with `ps -p {p}`.");
            int hz = parse.GetValue(rate);
            int maxRate = StackSamplerOptions.MaxSamplesPerSecond;
            if (hz < 1 || hz > maxRate)
                throw new UsageException($"--rate must be between 1 and {maxRate} Hz, not {hz}.");
            int topCount = parse.GetValue(top);
            if (topCount is < 1 or > 1000)
                throw new UsageException($"--top must be between 1 and 1000, not {topCount}.");
            bool perfMap = parse.GetValue(enablePerfMap);
            if (perfMap && target is null)
                throw new UsageException("--enable-perf-map needs --pid: it turns on the perf map of one running .NET process.");
            (string kind, string path) = Destination(parse.GetValue(format), parse.GetValue(output), target);
            TimeSpan length = parse.GetValue(duration)!.Value;
            // Fail on an unwritable destination before sampling, not after.
            await File.WriteAllTextAsync(path, string.Empty, token);

            Profile profile;
            ProfilerStats? stats = null;
            if (parse.GetValue(managed))
            {
                profile = await ManagedProfileAsync(target, length, token);
            }
            else
            {
                (profile, stats) = await SampleAsync(target, length, hz, perfMap, token);
            }

            await WriteAsync(profile, kind, path, target);
            ProfilePrinter.PrintTop(profile, topCount, Console.Out);
            ProfilePrinter.PrintSummary(profile, stats, Console.Error);
            await Console.Error.WriteLineAsync($"  wrote         {path} ({kind})");
            return ExitCodes.Ok;
        }, cancel));
        return command;
    }

    /// <summary>
    /// .NET managed stacks through EventPipe (no root needed when the user owns the process),
    /// frames resolved to file:line through the process's portable PDBs.
    /// </summary>
    private static async Task<Profile> ManagedProfileAsync(int? pid, TimeSpan duration, CancellationToken cancel)
    {
        if (pid is not { } target)
            throw new UsageException("--managed needs --pid: EventPipe attaches to one .NET process (find it with `dotnet-counters ps` or `pgrep -f dll`).");
        await Console.Error.WriteLineAsync($"devtools: sampling .NET process {target} through EventPipe for {duration.TotalSeconds:0.#} s ...");
        try
        {
            return await ManagedProfiler.ProfileAsync(target, new ManagedProfilerOptions { Duration = duration }, cancel);
        }
        catch (ManagedProfilerException e) when (e.Error is ManagedProfilerError.ProcessNotFound or ManagedProfilerError.NotDotNet or ManagedProfilerError.DiagnosticsUnavailable)
        {
            throw new UsageException(e.Message);
        }
        catch (ManagedProfilerException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    private static async Task<(Profile, ProfilerStats)> SampleAsync(int? pid, TimeSpan length, int hz, bool enablePerfMap, CancellationToken cancel)
    {
        var total = new Profile(TimeSpan.Zero, hz, CpuProfiler.Source) { MaxStacks = MaxStacks };
        var options = new CpuProfilerOptions
        {
            Sampler = new StackSamplerOptions { SamplesPerSecond = hz, TargetPid = pid ?? 0 },
            // One interval for the whole run: the command wants one profile, not table rows.
            FlushInterval = length + TimeSpan.FromDays(1),
            MaxStacksPerInterval = MaxStacks,
        };
        DotnetPerfMap? perfMap = null;
        if (enablePerfMap && pid is { } target)
        {
            try
            {
                perfMap = DotnetPerfMap.Enable(target);
                await Console.Error.WriteLineAsync($"devtools: perf map of process {target} turned on (off again when done)");
            }
            catch (PerfMapException e)
            {
                await Console.Error.WriteLineAsync($"devtools: warning: {e.Message}");
                total.Notes.Add($"--enable-perf-map failed: {e.Message}");
            }
        }
        try
        {
            using var profiler = new CpuProfiler(options, new ProfileAccumulator(total));
            profiler.Start();
            string scope = pid is { } p ? $"process {p}" : "every process";
            await Console.Error.WriteLineAsync($"devtools: sampling {scope} at {hz} Hz on {profiler.Stats().Cpus} CPUs for {length.TotalSeconds:0.#} s (Ctrl-C stops early and still writes)");
            await Progress(profiler, length, cancel);
            profiler.Stop();
            if (profiler.Fault is { } fault)
                throw new BpfProfileException($"sampling stopped: {fault.Message}", fault);
            total.Duration = profiler.Elapsed;
            if (total.TotalSamples == 0)
                total.Notes.Add(pid is { } idle ? $"no samples: process {idle} did not run on a CPU while sampled" : "no samples were taken");
            return (total, profiler.Stats());
        }
        finally
        {
            perfMap?.Dispose();
        }
    }

    /// <summary>
    /// Waits out the duration, or until Ctrl-C or the profiler ends by itself (target exited,
    /// sampling failed). On a terminal a seconds counter is redrawn once a second; otherwise
    /// nothing wakes this process up meanwhile (an always-on profiler must cost next to nothing).
    /// </summary>
    private static async Task Progress(CpuProfiler profiler, TimeSpan length, CancellationToken cancel)
    {
        bool terminal = !Console.IsErrorRedirected;
        DateTime end = DateTime.UtcNow + length;
        // Without a terminal, one wait for the whole duration (a day at most per wait, as timers allow).
        TimeSpan tick = terminal ? TimeSpan.FromSeconds(1) : TimeSpan.FromDays(1);
        while (!cancel.IsCancellationRequested && !profiler.Ended.IsCompleted)
        {
            TimeSpan left = end - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                break;
            TimeSpan wait = left < tick ? left : tick;
            try
            {
                await profiler.Ended.WaitAsync(wait, cancel);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (terminal)
                Console.Error.Write($"\r  {profiler.Elapsed.TotalSeconds,5:0} s / {length.TotalSeconds:0} s · {profiler.Samples:N0} samples   ");
        }
        if (terminal)
            Console.Error.WriteLine();
    }

    private static (string Kind, string Path) Destination(string? format, FileInfo? output, int? pid)
    {
        string? fromExtension = output?.Extension.ToLowerInvariant() switch
        {
            ".json" => "speedscope",
            ".html" or ".htm" => "html",
            ".folded" or ".txt" or ".collapsed" => "folded",
            _ => null,
        };
        string kind = format ?? fromExtension ?? "html";
        if (output is not null)
            return (kind, output.FullName);
        string extension = kind switch { "speedscope" => "speedscope.json", "folded" => "folded", _ => "html" };
        string name = $"devtools-profile-{(pid is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all")}-{DateTime.Now:yyyyMMdd-HHmmss}.{extension}";
        return (kind, Path.GetFullPath(name));
    }

    private static async Task WriteAsync(Profile profile, string kind, string path, int? pid)
    {
        string title = pid is { } p ? $"CPU profile of {profile.ProcessNames.GetValueOrDefault((uint)p) ?? "pid " + p} ({p})" : "CPU profile of every process";
        await using FileStream file = File.Create(path);
        switch (kind)
        {
            case "speedscope":
                SpeedscopeWriter.Write(profile, file, title);
                break;
            case "folded":
                {
                    await using var writer = new StreamWriter(file);
                    FoldedWriter.Write(profile, writer);
                    break;
                }
            default:
                {
                    await using var writer = new StreamWriter(file);
                    FlameGraphHtmlWriter.Write(profile, writer, title);
                    break;
                }
        }
    }
}

/// <summary>The profiler failed while sampling.</summary>
public sealed class BpfProfileException(string message, Exception inner) : IOException(message, inner);
