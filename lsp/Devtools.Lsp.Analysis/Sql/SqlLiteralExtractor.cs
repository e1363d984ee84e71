using System.Collections.Immutable;
using Devtools.Core.Query.Sql;
using Devtools.Lsp.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Devtools.Lsp.Analysis.Sql;

/// <summary>
/// Finds the SQL statements written in a file: strings (regular, verbatim, raw, interpolated,
/// concatenations) that read like SQL or are handed to a SQL API — directly, or through a local
/// or constant whose initialiser then becomes the site.
/// </summary>
internal static class SqlLiteralExtractor
{
    public static ImmutableArray<SqlLiteral> Extract(string file, CompilationUnitSyntax root, SourceText text)
    {
        SqlDialect? fileDialect = SqlSinks.FileDialect(root);
        // Keyed by span: a constant both shaped like SQL and handed to a sink is one site.
        var sites = new Dictionary<TextSpan, (ExpressionSyntax Expression, SqlSink? Sink)>();
        foreach (SyntaxNode node in root.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier)
            {
                if (SqlSinks.Of(identifier) is { } viaVariable && StringConstants.FindInitializer(identifier) is { } initializer
                    && StringConstants.IsStringExpression(initializer))
                {
                    sites[initializer.Span] = (initializer, viaVariable);
                }
                continue;
            }
            if (node is not ExpressionSyntax expression || !IsOutermostString(expression))
                continue;
            SqlSink? sink = SqlSinks.Of(expression);
            if (sink is not null)
            {
                sites[expression.Span] = (expression, sink);
            }
            else if (!sites.ContainsKey(expression.Span) && SqlShape.LooksLikeSql(SqlTextComposer.Compose(expression), allowSelectWithoutFrom: expression is LiteralExpressionSyntax))
            {
                sites[expression.Span] = (expression, null);
            }
        }
        if (sites.Count == 0)
            return [];

        var normalizers = new Normalizers();
        var literals = ImmutableArray.CreateBuilder<SqlLiteral>(sites.Count);
        foreach ((ExpressionSyntax expression, SqlSink? sink) in sites.Values.OrderBy(s => s.Expression.SpanStart))
        {
            string sql = SqlTextComposer.Compose(expression);
            if (sink is { } raw && SqlSinks.TakesFormatPlaceholders(raw.Name))
                sql = SqlTextComposer.ReplaceFormatPlaceholders(sql);
            SqlDialect? dialect = sink?.Dialect ?? fileDialect;
            literals.Add(new SqlLiteral(file, text.ToRange(expression.Span), sql, normalizers.Normalize(sql, dialect), dialect,
                sink is null ? SqlSiteKind.Shape : SqlSiteKind.Sink, sink?.Name));
        }
        return literals.MoveToImmutable();
    }

    /// <summary>A string expression that is not itself a part of a larger concatenation.</summary>
    private static bool IsOutermostString(ExpressionSyntax expression)
    {
        if (expression is not (LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax))
            return false;
        if (!StringConstants.IsStringExpression(expression))
            return false;
        SyntaxNode? parent = expression.Parent;
        while (parent is ParenthesizedExpressionSyntax)
            parent = parent.Parent;
        return !(parent is BinaryExpressionSyntax outer && outer.IsKind(SyntaxKind.AddExpression) && StringConstants.IsStringExpression(outer));
    }

    /// <summary>The capture's normaliser, one per dialect, made on first use.</summary>
    private sealed class Normalizers
    {
        private SqlNormalizer? _postgres;
        private SqlNormalizer? _mysql;

        public ImmutableArray<string> Normalize(string sql, SqlDialect? dialect)
        {
            if (dialect == SqlDialect.PostgreSql)
                return [Postgres.Normalize(sql)];
            if (dialect == SqlDialect.MySql)
                return [MySql.Normalize(sql)];
            // Unknown dialect: keep both readings; they differ only for quotes, backslashes and #.
            string postgres = Postgres.Normalize(sql);
            string mysql = MySql.Normalize(sql);
            return postgres == mysql ? [postgres] : [postgres, mysql];
        }

        private SqlNormalizer Postgres => _postgres ??= new SqlNormalizer(SqlDialect.PostgreSql, cacheCapacity: 0);

        private SqlNormalizer MySql => _mysql ??= new SqlNormalizer(SqlDialect.MySql, cacheCapacity: 0);
    }
}
