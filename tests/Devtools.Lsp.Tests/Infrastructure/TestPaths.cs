namespace Devtools.Lsp.Tests.Infrastructure;

/// <summary>Where the test inputs are: TestData is copied next to the test assembly; the samples live in the repository.</summary>
internal static class TestPaths
{
    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static string Repository { get; } = FindRepository();

    private static string FindRepository()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Devtools.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Devtools.sln not found above " + AppContext.BaseDirectory);
    }
}
