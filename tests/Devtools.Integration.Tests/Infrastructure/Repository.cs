namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>Paths inside the repository and its build output.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug, whichever this test assembly was built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The sample ASP.NET Core service, built with the solution.</summary>
    public static string SampleShopDll => Path.Combine(Root, "samples", "SampleShop", "bin", Configuration, "net10.0", "SampleShop.dll");

    /// <summary>The sample gRPC service (Kestrel, h2c), built with the solution.</summary>
    public static string GrpcGreeterDll => Path.Combine(Root, "samples", "GrpcGreeter", "bin", Configuration, "net10.0", "GrpcGreeter.dll");

    /// <summary>The console sample with one known hot line (its PDB is embedded), built with the solution.</summary>
    public static string HotMethodDll => Path.Combine(Root, "samples", "HotMethod", "bin", Configuration, "net10.0", "HotMethod.dll");

    /// <summary>HotMethod's source: the test finds the HOT-LINE marker in it.</summary>
    public static string HotMethodSource => Path.Combine(Root, "samples", "HotMethod", "Program.cs");

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Devtools.sln")))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
