using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Devtools.Core.Capture;
using Devtools.Core.Capture.SocketTrace;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.Bpf;
using Devtools.Core.Storage.Tables;
using Devtools.Integration.Tests.EventPipe;
using Devtools.Integration.Tests.Infrastructure;

namespace Devtools.Integration.Tests.Profiling;

/// <summary>The profiler inside a capture session (stack_traces.beta rows) and through the CLI.</summary>
[Collection(RealCapture.Name)]
public sealed class ProfilerTableAndCliTests
{
    [Fact]
    public void Capture_with_profiling_writes_stack_traces_rows_per_interval()
    {
        string binary = NativePrograms.Build("hot", NativePrograms.HotSource);
        using ManagedProcess hot = NativePrograms.StartReady(binary, ["30"]);
        using CaptureSession session = CaptureSession.Start(new CaptureOptions
        {
            Tracer = new SocketTracerOptions { TargetPid = hot.Pid },
            Profiler = new CpuProfilerOptions
            {
                Sampler = new StackSamplerOptions { TargetPid = hot.Pid },
                FlushInterval = TimeSpan.FromSeconds(1.5),
            },
        });
        Thread.Sleep(4000);
        session.Stop();
        Assert.Null(session.Fault);

        var rows = new List<(long Time, uint Pid, long Id, string Trace, long Count)>();
        foreach (SealedBatch batch in session.Tables.StackTraces.Snapshot().Batches)
        {
            RecordBatch b = batch.RecordBatch;
            var ids = (Int64Array)b.Column("stack_trace_id");
            var traces = (StringArray)b.Column("stack_trace");
            var counts = (Int64Array)b.Column("count");
            var upids = (FixedSizeBinaryArray)b.Column("upid");
            for (int i = 0; i < b.Length; i++)
            {
                var upid = Core.Storage.Upid.ReadBigEndian(upids.GetBytes(i));
                rows.Add((batch.Time.GetValue(i)!.Value, upid.Pid, ids.GetValue(i)!.Value, traces.GetString(i), counts.GetValue(i)!.Value));
            }
        }
        string describe = string.Join("\n", rows.Take(10).Select(r => $"  {r.Time} {r.Pid} {r.Count} {r.Trace}"));
        Assert.True(rows.Count > 0, "no stack_traces.beta rows");
        Assert.All(rows, r => Assert.Equal((uint)hot.Pid, r.Pid));
        Assert.All(rows, r => Assert.Equal(StackTraceId.Of(r.Trace), r.Id));
        Assert.True(rows.Select(r => r.Time).Distinct().Count() >= 2, $"expected several intervals:\n{describe}");
        // Within one interval a (process, stack) pair is one row.
        Assert.Equal(rows.Count, rows.Select(r => (r.Time, r.Trace)).Distinct().Count());
        long hotSamples = rows.Where(r => r.Trace.EndsWith("devtools_middle;devtools_hot_spin", StringComparison.Ordinal)).Sum(r => r.Count);
        Assert.True(hotSamples * 2 > rows.Sum(r => r.Count), describe);
    }

    [Fact]
    public void Cli_refuses_a_pid_that_does_not_exist_with_exit_code_2()
    {
        (int exitCode, string output) = RunCli(["profile", "--pid", "4000000", "--duration", "2s"], TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("No process has pid 4000000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_writes_the_profile_of_a_process_that_exits_mid_way_with_a_note()
    {
        string binary = NativePrograms.Build("hot", NativePrograms.HotSource);
        // Long enough to outlive the CLI's start-up on a busy machine, far shorter than --duration.
        using ManagedProcess hot = NativePrograms.StartReady(binary, ["6"]);
        string output = Path.Combine(Path.GetTempPath(), $"devtools-profile-{Guid.NewGuid():N}.json");
        try
        {
            (int exitCode, string text) = RunCli(["profile", "--pid", hot.Pid.ToString(CultureInfo.InvariantCulture), "--duration", "40s", "--output", output], TimeSpan.FromSeconds(60));

            Assert.True(exitCode == 0, text);
            Assert.Contains("exited", text, StringComparison.Ordinal);
            Assert.Contains("devtools_hot_spin", text, StringComparison.Ordinal);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(output));
            Assert.Equal("sampled", doc.RootElement.GetProperty("profiles")[0].GetProperty("type").GetString());
            Assert.Contains(doc.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray(), f => f.GetProperty("name").GetString() == "devtools_hot_spin");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Cli_managed_option_without_a_pid_is_a_usage_error()
    {
        (int exitCode, string output) = RunCli(["profile", "--managed", "--duration", "1s", "--output", Path.Combine(Path.GetTempPath(), $"devtools-managed-{Guid.NewGuid():N}.html")], TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("--managed needs --pid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_managed_profile_puts_the_hot_source_line_on_top()
    {
        using HotMethodProcess hot = HotMethodProcess.Start();
        string folded = Path.Combine(Path.GetTempPath(), $"devtools-managed-{Guid.NewGuid():N}.folded");
        try
        {
            (int exitCode, string output) = RunCli(["profile", "--managed", "--pid", hot.Pid.ToString(CultureInfo.InvariantCulture), "--duration", "3s", "--format", "folded", "--output", folded], TimeSpan.FromSeconds(90));
            Assert.True(exitCode == 0, output);
            // The first row under "top source lines" is the hot line.
            string[] lines = output.Split('\n');
            int header = System.Array.FindIndex(lines, l => l.StartsWith("top source lines", StringComparison.Ordinal));
            Assert.True(header >= 0, output);
            Assert.EndsWith($"Program.cs:{HotMethodProcess.HotLine}", lines[header + 2].TrimEnd(), StringComparison.Ordinal);
            Assert.Contains(HotMethodProcess.HotFunction, File.ReadAllText(folded), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(folded);
        }
    }

    private static (int ExitCode, string Output) RunCli(string[] arguments, TimeSpan timeout)
    {
        if (!File.Exists(Repository.DevtoolsDll))
            throw new FileNotFoundException($"Build the solution first: {Repository.DevtoolsDll} is missing.");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Repository.DevtoolsDll);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"devtools {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
