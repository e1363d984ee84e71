using Devtools.Lsp.Analysis;

namespace Devtools.Lsp.Tests.Infrastructure;

/// <summary>Builds snapshots from folders on disk or from in-memory sources (as editor buffers).</summary>
internal static class TestWorkspace
{
    public static async Task<WorkspaceSnapshot> LoadAsync(params string[] roots)
    {
        using var index = new WorkspaceIndex(roots);
        WorkspaceSnapshot snapshot = await index.LoadAsync();
        Assert.Null(index.LastError);
        return snapshot;
    }

    /// <summary>Sources given as (path, text); paths need not exist.</summary>
    public static async Task<WorkspaceSnapshot> FromSourcesAsync(params (string Path, string Text)[] sources)
    {
        using var index = new WorkspaceIndex([]);
        foreach ((string path, string text) in sources)
            index.Update(path, text);
        WorkspaceSnapshot snapshot = await index.WhenIdleAsync();
        Assert.Null(index.LastError);
        return snapshot;
    }

    /// <summary>The 0-based (line, character) of the first occurrence of <paramref name="marker"/> in a file's text.</summary>
    public static (int Line, int Character) PositionOf(string text, string marker, int occurrence = 0)
    {
        int index = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"marker '{marker}' not found");
        }
        return PositionAt(text, index);
    }

    /// <summary>The 0-based (line, character) of a character offset in a text.</summary>
    public static (int Line, int Character) PositionAt(string text, int offset)
    {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart);
    }
}
