using Devtools.Core.Profiling.Bpf;

namespace Devtools.Core.Tests.Profiling;

public sealed class PerfEventsTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-3\n", new[] { 0, 1, 2, 3 })]
    [InlineData("0-1,4,6-7", new[] { 0, 1, 4, 6, 7 })]
    public void Online_cpu_lists_expand(string text, int[] cpus)
    {
        Assert.Equal(cpus, PerfEvents.ParseCpuList(text));
    }

    [Fact]
    public void Sampling_options_refuse_rates_the_kernel_would_not_take()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StackSamplerOptions { SamplesPerSecond = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StackSamplerOptions { SamplesPerSecond = 1_000_000 }.Validate());
        new StackSamplerOptions().Validate();
    }
}
