using System.Diagnostics;
using System.Globalization;
using Devtools.Core.Capture;
using Devtools.Core.Profiling;
using Devtools.Core.Profiling.EventPipe;
using Devtools.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Devtools.Integration.Tests.EventPipe;

/// <summary>
/// A .NET process in its own pid and mount namespaces with a private /tmp, as in a
/// container: its socket is named with its namespace pid (1) and lives in a /tmp only
/// /proc/PID/root reaches. Creating namespaces needs root, as attaching to a container
/// from the host does.
/// </summary>
[Collection(RealCapture.Name)]
public sealed class ContainerAttachTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Attaches_to_a_process_in_other_pid_and_mount_namespaces()
    {
        if (!CaptureEnvironment.HasBpfPrivileges())
            throw new InvalidOperationException("Creating namespaces needs root: run the integration tests as root (./test.sh does, in CI).");
        string command = $"mount -t tmpfs tmpfs /tmp && exec dotnet '{Repository.HotMethodDll}' inf";
        using ManagedProcess unshare = ManagedProcess.Start("unshare", ["--mount", "--pid", "--fork", "--mount-proc", "--propagation", "private", "bash", "-c", command]);
        int pid = await FindNamespacedDotnet(unshare);
        output.WriteLine($"host pid {pid}, {File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("NSpid:", StringComparison.Ordinal))}");

        Profile profile = await ManagedProfiler.ProfileAsync(pid, new ManagedProfilerOptions { Duration = TimeSpan.FromSeconds(2) });
        ProfileSummary summary = ProfileSummary.Compute(profile, top: 3);
        Assert.Equal(HotMethodProcess.HotFunction, summary.TopFunctions[0].Function);
        Assert.Equal($"Program.cs:{HotMethodProcess.HotLine}", summary.TopLines[0].Location);
    }

    /// <summary>The dotnet process under unshare: the one whose NSpid line has two entries, once it says "ready".</summary>
    private static async Task<int> FindNamespacedDotnet(ManagedProcess unshare)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (unshare.HasExited)
                throw new InvalidOperationException("unshare exited: " + unshare.Output);
            if (unshare.Output.Contains("ready", StringComparison.Ordinal))
            {
                foreach (int pid in Descendants(unshare.Pid))
                {
                    string comm = File.ReadAllText($"/proc/{pid}/comm").Trim();
                    if (comm == "dotnet")
                        return pid;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("HotMethod did not start under unshare: " + unshare.Output);
    }

    private static IEnumerable<int> Descendants(int root)
    {
        var queue = new Queue<int>([root]);
        while (queue.Count > 0)
        {
            int pid = queue.Dequeue();
            string children = $"/proc/{pid}/task/{pid}/children";
            if (!File.Exists(children))
                continue;
            foreach (string child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int c = int.Parse(child, CultureInfo.InvariantCulture);
                yield return c;
                queue.Enqueue(c);
            }
        }
    }
}
