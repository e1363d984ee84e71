using Devtools.Core.Query.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Devtools.Lsp.Analysis.Sql;

/// <summary>An API that runs the SQL handed to it, and the dialect it implies.</summary>
internal readonly record struct SqlSink(string Name, SqlDialect? Dialect);

/// <summary>
/// Recognises the places SQL is handed to ADO.NET, Dapper and EF Core by syntax: the first
/// argument of <c>new NpgsqlCommand(…)</c> and friends, <c>CommandText = …</c>, the <c>sql</c>
/// argument of Dapper's <c>Query…</c>/<c>Execute…</c> and EF's raw SQL methods.
/// </summary>
internal static class SqlSinks
{
    private static readonly Dictionary<string, SqlDialect?> s_commandTypes = new(StringComparer.Ordinal)
    {
        ["NpgsqlCommand"] = SqlDialect.PostgreSql,
        ["NpgsqlBatchCommand"] = SqlDialect.PostgreSql,
        ["MySqlCommand"] = SqlDialect.MySql,
        ["MySqlBatchCommand"] = SqlDialect.MySql,
        ["SqlCommand"] = null,
        ["SqliteCommand"] = null,
        ["OracleCommand"] = null,
        ["OdbcCommand"] = null,
        ["OleDbCommand"] = null,
    };

    private static readonly HashSet<string> s_methods = new(StringComparer.Ordinal)
    {
        // Dapper
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync",
        "QuerySingle", "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple",
        "QueryMultipleAsync", "QueryUnbufferedAsync", "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync",
        "ExecuteReader", "ExecuteReaderAsync",
        // EF Core
        "FromSqlRaw", "FromSql", "FromSqlInterpolated", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSql", "ExecuteSqlAsync",
        "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync", "SqlQueryRaw", "SqlQuery",
        // NpgsqlDataSource.CreateCommand(sql), DbBatch-less helpers of the same shape.
        "CreateCommand",
    };

    /// <summary>
    /// EF Core's raw SQL methods take <c>{0}</c>-style placeholders and send them as parameters
    /// (<c>@p0</c>, which Npgsql turns into <c>$1</c>), so in source they stand for a placeholder.
    /// </summary>
    public static bool TakesFormatPlaceholders(string sink) =>
        sink is "FromSqlRaw" or "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "SqlQueryRaw";

    /// <summary>The sink <paramref name="expression"/> is handed to directly, if any.</summary>
    public static SqlSink? Of(ExpressionSyntax expression)
    {
        SyntaxNode? parent = expression.Parent;
        if (parent is AssignmentExpressionSyntax assignment && assignment.Right == expression && IsCommandText(assignment.Left))
            return new SqlSink("CommandText", null);
        if (parent is not ArgumentSyntax argument || argument.Parent is not ArgumentListSyntax list)
            return null;
        // Only the SQL parameter: the first positional argument, or one named sql/commandText/cmdText.
        bool isSqlArgument = argument.NameColon is { } named
            ? named.Name.Identifier.ValueText is "sql" or "commandText" or "cmdText"
            : list.Arguments.IndexOf(argument) == 0;
        if (!isSqlArgument)
            return null;
        switch (list.Parent)
        {
            case ObjectCreationExpressionSyntax creation when s_commandTypes.TryGetValue(SimpleName(creation.Type), out SqlDialect? dialect):
                return new SqlSink(SimpleName(creation.Type), dialect);
            case ImplicitObjectCreationExpressionSyntax implicitCreation
                when DeclaredType(implicitCreation) is { } declared && s_commandTypes.TryGetValue(SimpleName(declared), out SqlDialect? implicitDialect):
                return new SqlSink(SimpleName(declared), implicitDialect);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                when s_methods.Contains(access.Name.Identifier.ValueText):
                return new SqlSink(access.Name.Identifier.ValueText, null);
            default:
                return null;
        }
    }

    /// <summary>
    /// The type a target-typed <c>new(…)</c> creates, where syntax says it: a declared variable,
    /// field or property, or the return type of an expression-bodied or returning method.
    /// </summary>
    private static TypeSyntax? DeclaredType(ImplicitObjectCreationExpressionSyntax creation)
    {
        SyntaxNode? parent = creation.Parent;
        if (parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } })
            return declaration.Type.IsVar ? null : declaration.Type;
        if (parent is EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property })
            return property.Type;
        if (parent is ArrowExpressionClauseSyntax or ReturnStatementSyntax)
        {
            return creation.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) switch
            {
                MethodDeclarationSyntax method => method.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                PropertyDeclarationSyntax owner => owner.Type,
                _ => null,
            };
        }
        return null;
    }

    private static bool IsCommandText(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "CommandText" } => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } => true,
        _ => false,
    };

    /// <summary>The dialect a file's usings tell: Npgsql means PostgreSQL, MySqlConnector/MySql.Data MySQL.</summary>
    public static SqlDialect? FileDialect(CompilationUnitSyntax root)
    {
        bool postgres = false;
        bool mysql = false;
        foreach (UsingDirectiveSyntax directive in root.Usings)
        {
            string name = directive.NamespaceOrType.ToString();
            postgres |= name.StartsWith("Npgsql", StringComparison.Ordinal);
            mysql |= name.StartsWith("MySqlConnector", StringComparison.Ordinal) || name.StartsWith("MySql.Data", StringComparison.Ordinal);
        }
        return postgres == mysql ? null : postgres ? SqlDialect.PostgreSql : SqlDialect.MySql;
    }

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };
}
