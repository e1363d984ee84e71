// Real capture tests load BPF programs and start real servers: run them one at a
// time, so that two captures never compete for the machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Devtools.Integration.Tests;

[CollectionDefinition(Name)]
public sealed class RealCapture
{
    public const string Name = "real capture";
}
