using Devtools.Core.Api;
using Devtools.Lsp.Protocol;
using Devtools.Lsp.Server;
using Devtools.Lsp.Workspace;

namespace Devtools.Lsp.Server.Tests;

/// <summary>The SQL lens title: rate, latencies, and the error share only when something failed.</summary>
public sealed class SqlTitleTests
{
    private static readonly SourceSqlSite Site = new("/w/Repo.cs", LspRange.Of(4, 10, 4, 40), Exact: false);

    [Fact]
    public void Title_without_errors_has_no_error_share()
    {
        var t = new SqlTraffic(Site, 42, 42, 0.8, 3.1, 0, []);
        Assert.Equal("SQL · 42 calls/min · p50 0.80 ms · p99 3.1 ms", Presenter.SqlTitle(t));
    }

    [Fact]
    public void Title_with_errors_appends_the_share()
    {
        var t = new SqlTraffic(Site, 50, 50, 12.4, 41, 0.02, [new SqlStatDto("pgsql", "SELECT 1", 50, 50, 12.4, 41, 0.02)]);
        Assert.Equal("SQL · 50 calls/min · p50 12 ms · p99 41 ms · 2.0% errors", Presenter.SqlTitle(t));
    }
}
