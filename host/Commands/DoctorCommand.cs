using System.CommandLine;
using Devtools.Core.Capture;
using Devtools.Core.Capture.Bpf;
using Devtools.Host.Cli;

namespace Devtools.Host.Commands;

/// <summary>`devtools doctor`: checks everything capture needs, and loads the BPF programs once to prove it.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check that this machine and user can capture (privileges, BTF, libbpf, tracefs) and that the kernel accepts the BPF programs.");
        command.SetAction((parse, cancel) => CommandRunner.RunAsync(_ =>
        {
            Console.WriteLine($"kernel         {Environment.OSVersion.Version} ({File.ReadAllText("/proc/sys/kernel/osrelease").Trim()})");
            IReadOnlyList<string> problems = CaptureEnvironment.Problems();
            foreach (string problem in problems)
                Console.WriteLine($"problem        {problem}");
            if (problems.Count > 0)
                return Task.FromResult(ExitCodes.Environment);
            Console.WriteLine("privileges     ok (may load BPF programs)");
            Console.WriteLine("BTF            ok (/sys/kernel/btf/vmlinux)");
            Console.WriteLine("libbpf         ok (libbpf.so.1)");
            CaptureEnvironment.EnsureTracefs();
            Console.WriteLine("tracefs        ok");
            using (BpfObject obj = BpfObject.OpenEmbedded("socket_trace"))
            {
                obj.Load();
                Console.WriteLine($"socket_trace   ok (verifier accepted {obj.ProgramNames.Count} programs)");
            }
            Console.WriteLine("ready to capture");
            return Task.FromResult(ExitCodes.Ok);
        }, cancel));
        return command;
    }
}
