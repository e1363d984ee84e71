using Devtools.Core.Capture;
using Devtools.Core.Capture.Bpf;

namespace Devtools.Host.Cli;

/// <summary>Runs a command body and turns what can go wrong into a message and an exit code.</summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"devtools: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (CaptureEnvironmentException e)
        {
            await Console.Error.WriteLineAsync($"devtools: cannot capture on this machine:{Environment.NewLine}  {e.Message.ReplaceLineEndings(Environment.NewLine + "  ")}");
            await Console.Error.WriteLineAsync("  (`devtools doctor` checks everything capture needs)");
            return ExitCodes.Environment;
        }
        catch (BpfException e)
        {
            await Console.Error.WriteLineAsync($"devtools: {e.Message}");
            return e.Errno is 1 or 13 ? ExitCodes.Environment : ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"devtools: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException e)
        {
            await Console.Error.WriteLineAsync($"devtools: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
